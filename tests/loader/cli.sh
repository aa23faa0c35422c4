#!/bin/sh
# The loader's command line: --help and --version exit 0; bad
# usage is one line and exit 2; -v narrates the steps on stderr as `loader: <kernel
# function>: ...`, in kernel order, without changing the program's stdout or status;
# --map draws the new image (the stack, and for a dynamic program its interpreter).
. "$top_srcdir/tests/loader/lib-loader.sh"
true_=/bin/true; [ -x $true_ ] || true_=/usr/bin/true

run_timeout 10 "$L" --help > "$T/help" 2>&1; rc=$?
check_eq "loader --help exit status" 0 "$rc"
grep -qi 'usage' "$T/help" || mismatch "--help does not show a usage line"
run_timeout 10 "$L" --version > "$T/version" 2>&1; rc=$?
check_eq "loader --version exit status" 0 "$rc"
[ -s "$T/version" ] || mismatch "--version printed nothing"

for bad in "--no-such-option $true_" "-Q $true_" "" "--argv0" "--map"; do
	run_timeout 10 "$L" $bad > "$T/bad.out" 2> "$T/bad.err"; rc=$?
	check_eq "exit status of 'loader $bad'" 2 "$rc"
	check_eq "stderr lines of 'loader $bad'" 1 "$(wc -l < "$T/bad.err")"
	[ -s "$T/bad.out" ] && mismatch "'loader $bad' printed on stdout"
done

# -v: the program still runs as natively, with the narration on stderr only.
need_prog basic-pie
for opt in -v --verbose; do
	run_timeout 10 "$L" $opt "$P/basic-pie" a > "$T/v.out" 2> "$T/v.err"; rc=$?
	"$P/basic-pie" a > "$T/native.out"
	check_eq "exit status under loader $opt" 0 "$rc"
	cmp -s "$T/native.out" "$T/v.out" || mismatch "loader $opt changed the program's stdout"
done
# every line names a kernel function, or says plainly that the step is the loader's own
vform="^loader: ([a-z_0-9]+|the loader's own step): "
grep -Ev "$vform" "$T/v.err" | grep -q . &&
	{ mismatch "-v lines not of the form 'loader: <kernel_function>: ...' or 'loader: the loader's own step: ...':"; grep -Ev "$vform" "$T/v.err" | head -n 5 >&2; }
sed -nE 's/^loader: ([a-z_0-9]+): .*/\1/p' "$T/v.err" | awk '!seen[$0]++' > "$T/steps"
note "-v steps: $(tr '\n' ' ' < "$T/steps")"
last=0
for step in do_execveat_common load_elf_binary create_elf_tables start_thread; do
	at=$(grep -nx "$step" "$T/steps" | head -n 1 | cut -d: -f1)
	if [ -z "$at" ]; then
		mismatch "-v does not name step $step"
	elif [ "$at" -le "$last" ]; then
		mismatch "-v names $step out of kernel order"
	else
		last=$at
	fi
done
grep -Eq '^loader: load_elf_binary: .*ET_DYN' "$T/v.err" ||
	mismatch "-v's load_elf_binary line does not say ET_DYN for a PIE"
grep -q '^loader: load_elf_interp: ' "$T/v.err" ||
	mismatch "-v has no load_elf_interp line for a dynamic program"

# --map: drawn on stderr before the jump; mentions [stack] and the interpreter's path.
run_timeout 10 "$L" --map $true_ > "$T/map.out" 2> "$T/map.err"; rc=$?
check_eq "exit status of loader --map $true_" 0 "$rc"
[ -s "$T/map.out" ] && mismatch "--map wrote on stdout"
grep -q '\[stack\]' "$T/map.err" || mismatch "--map does not show [stack]"
interp=$(readelf -l $true_ 2>/dev/null | sed -nE 's/.*Requesting program interpreter: (.*)\]/\1/p')
[ -n "$interp" ] || interp=/lib64/ld-linux-x86-64.so.2
grep -qF "$interp" "$T/map.err" || grep -qF "$(basename "$interp")" "$T/map.err" ||
	mismatch "--map does not name the interpreter $interp"
note "--map drew $(wc -l < "$T/map.err") lines"
# The drawing names the ELF sections each segment holds, and the brk.
run_timeout 10 "$L" --map "$P/basic-static" > /dev/null 2> "$T/map2.err"
for want in .text .data .bss '\[vdso\]' '\[stack\]' brk; do
	grep -q -- "$want" "$T/map2.err" || mismatch "--map of a static program does not mention $want"
done
# -v names the interpreter of a dynamic program, and says ET_EXEC for a static one.
interp_v=$(readelf -l "$P/basic-pie" 2>/dev/null | sed -nE 's/.*interpreter: (.*)\]/\1/p')
[ -z "$interp_v" ] || grep -qF "$interp_v" "$T/v.err" || mismatch "-v does not name the interpreter $interp_v"
run_timeout 10 "$L" -v "$P/basic-static" > /dev/null 2> "$T/v2.err"
grep -Eq '^loader: load_elf_binary: .*ET_EXEC' "$T/v2.err" ||
	mismatch "-v's load_elf_binary line does not say ET_EXEC for a static program"
# A refusal stays one line with --map (nothing is drawn for an image never built); with
# -v the narration comes first and the refusal is the last line.
printf 'not a program\n' > "$T/notelf"; chmod 755 "$T/notelf"
run_timeout 10 "$L" --map "$T/notelf" > "$T/r.out" 2> "$T/r.err"; rc=$?
check_eq "loader --map on a non-ELF: exit status" 126 "$rc"
check_eq "loader --map on a non-ELF: stderr lines" 1 "$(wc -l < "$T/r.err")"
run_timeout 10 "$L" -v "$T/notelf" > "$T/r.out" 2> "$T/r.err"; rc=$?
check_eq "loader -v on a non-ELF: exit status" 126 "$rc"
case $(tail -n 1 "$T/r.err") in
"loader: $T/notelf: Exec format error"*) ;;
*) mismatch "loader -v on a non-ELF: last stderr line is '$(tail -n 1 "$T/r.err")'" ;;
esac
# `make demo`'s loader part runs a program under loader -v --map.
top_builddir=$B run_timeout 60 sh "$S/loader/demo.sh" > "$T/demo.out" 2>&1; rc=$?
check_eq "loader/demo.sh (make demo) exit status" 0 "$rc"
grep -q -- '^\$ loader -v --map ' "$T/demo.out" || mismatch "make demo does not run loader -v --map"
for want in '^loader: load_elf_binary: ' '^loader: memory_map: .*\[stack\]' '^hello from the loader$' \
	    '^exit status 0$'; do
	grep -q -- "$want" "$T/demo.out" || mismatch "make demo's loader part lacks '$want'"
done
finish "loader command line, -v and --map"
