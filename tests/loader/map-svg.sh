#!/bin/sh
# loader --map=svg:FILE: the picture holds what the text --map draws. One run with both
# --map and --map=svg:FILE per program (so both see the same addresses); the SVG is parsed
# (tests/loader/map-svg-check.py) and checked against the text: one element per mapping,
# in the same (address) order, with the same ranges, permissions and sections; the labels
# show them; heights to scale within each region; the stack pointer and brk marked. Then
# rsvg-convert must render it to a PNG of the declared size. A bad FILE fails with one
# line and status 2 before PROGRAM runs.
. "$top_srcdir/tests/loader/lib-loader.sh"
need_python
CHECK=$S/tests/loader/map-svg-check.py

for v in basic-pie basic-nopie basic-static basic-static-pie basic-maxpage bigbss databss \
	 tls-static-pie; do
	need_prog $v
done
need_built "$B/nostd-demo/hello" "make builds it"
true_=/bin/true; [ -x $true_ ] || true_=/usr/bin/true

if command -v rsvg-convert > /dev/null 2>&1; then
	RSVG=yes
else
	RSVG=no
	note "rsvg-convert is not installed (Debian: librsvg2-bin): the pictures are not rendered"
fi

for prog in $true_ "$P/basic-pie" "$P/basic-nopie" "$P/basic-static" "$P/basic-static-pie" \
	    "$P/basic-maxpage" "$P/bigbss" "$P/databss" "$P/tls-static-pie" \
	    "$B/nostd-demo/hello"; do
	tag=$(basename "$prog")
	run_timeout 10 "$L" --map --map=svg:"$T/$tag.svg" "$prog" > "$T/$tag.out" 2> "$T/$tag.map"
	rc=$?
	"$prog" > "$T/$tag.native" 2>/dev/null
	check_eq "$tag: exit status under loader --map --map=svg" $? $rc
	cmp -s "$T/$tag.native" "$T/$tag.out" || mismatch "$tag: --map=svg changed the program's stdout"
	if "$PY" "$CHECK" "$T/$tag.map" "$T/$tag.svg" > "$T/$tag.check" 2>&1; then
		note "$tag: $(tail -n 1 "$T/$tag.check")"
	else
		mismatch "$tag: the SVG does not match the text --map:"
		cat "$T/$tag.check" >&2
	fi
	[ $RSVG = yes ] || continue
	if ! run_timeout 30 rsvg-convert -o "$T/$tag.png" "$T/$tag.svg" 2> "$T/$tag.rsvg"; then
		mismatch "$tag: rsvg-convert cannot render the SVG: $(head -n 3 "$T/$tag.rsvg")"
	elif ! "$PY" "$CHECK" --png "$T/$tag.png" "$T/$tag.svg" > "$T/$tag.pngcheck" 2>&1; then
		mismatch "$tag: $(cat "$T/$tag.pngcheck")"
	fi
done

# Only --map=svg: no text on stderr at all, and the same picture's structure.
run_timeout 10 "$L" --map=svg:"$T/only.svg" "$P/basic-static" > /dev/null 2> "$T/only.err"
check_eq "loader --map=svg: exit status" 0 $?
[ -s "$T/only.err" ] && mismatch "--map=svg alone wrote on stderr: $(head -n 2 "$T/only.err")"
grep -q '<g class="mapping"' "$T/only.svg" || mismatch "--map=svg alone drew no mapping"

# A bad FILE: one line, status 2, PROGRAM never runs (it would create $T/ran), no hang on
# a FIFO nobody reads. A refused PROGRAM leaves FILE created and empty.
mkfifo "$T/fifo"
for file in "$T/no/such/dir/x.svg" "$T" "$T/fifo" ""; do
	rm -f "$T/ran"
	run_timeout 10 "$L" --map=svg:"$file" /bin/sh -c ": > '$T/ran'" > "$T/bad.out" 2> "$T/bad.err"
	rc=$?
	check_eq "exit status of loader --map=svg:'$file'" 2 $rc
	check_eq "stderr lines of loader --map=svg:'$file'" 1 "$(wc -l < "$T/bad.err")"
	[ -e "$T/ran" ] && mismatch "loader --map=svg:'$file' ran the program"
	note "--map=svg:'$file': $(cat "$T/bad.err")"
done
for bad in --map=png:x.png --map=; do
	run_timeout 10 "$L" $bad $true_ > /dev/null 2> "$T/bad.err"
	check_eq "exit status of loader $bad" 2 $?
	check_eq "stderr lines of loader $bad" 1 "$(wc -l < "$T/bad.err")"
done
printf 'not elf\n' > "$T/notelf"; chmod 755 "$T/notelf"
run_timeout 10 "$L" --map=svg:"$T/refused.svg" "$T/notelf" > /dev/null 2> "$T/r.err"
check_eq "loader --map=svg on a non-ELF: exit status" 126 $?
check_eq "loader --map=svg on a non-ELF: stderr lines" 1 "$(wc -l < "$T/r.err")"
[ -f "$T/refused.svg" ] && [ ! -s "$T/refused.svg" ] ||
	mismatch "a refused PROGRAM did not leave FILE created and empty"

finish "loader --map=svg:FILE draws what --map prints"
