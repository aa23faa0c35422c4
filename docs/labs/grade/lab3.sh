# docs/labs/grade/lab3.sh: the cases of lab 3 (ELF and the address space), sourced by
# docs/labs/grade/grade.sh 3 from the top of the build directory. The exercise is
# elf_load() in loader/elf_map.c: mapping one PT_LOAD. Each case is a program of the
# loader's matrix (tests/loader/matrix.sh) run natively and under the loader: the same
# stdout and the same exit status, the kernel being the oracle. Some programs check their
# own image too (bss zero, the partial page past p_filesz zeroed, each segment's final
# protection from /proc/self/maps), so an equal but wrong answer does not pass.
# With elf_load() a stub, every program is refused before it runs: every case fails.

LAB3_B=${EXECLAB:-.}
LAB3_L=$LAB3_B/loader/loader
LAB3_P=$LAB3_B/tests/progs
LAB3_PROGS="basic-static basic-static-pie basic-pie basic-nopie basic-maxpage basic-maxpage-static
basic-nosep tls-static-pie bigbss databss databss-pie heap wx wx-static"
LAB3_T=$(mktemp -d "${TMPDIR:-/tmp}/lab3-grade.XXXXXX") || exit 99

# The test programs are built by `make check`; build just these (make grade builds the
# loader and nostd-demo).
lab3_missing=
for p in $LAB3_PROGS; do
	[ -x "$LAB3_P/$p" ] || lab3_missing="$lab3_missing tests/progs/$p"
done
if [ -n "$lab3_missing" ] && ! make -C "$LAB3_B" $lab3_missing > "$LAB3_T/make.log" 2>&1; then
	tail -n 20 "$LAB3_T/make.log" >&2
	echo "grade lab3: cannot build the test programs" >&2
	exit 99
fi

# lab3_case NAME WANT PROG ARGS...: NAME is worth 10 points when PROG ARGS under the
# loader prints what it prints natively and exits the same; WANT, if not empty, is a line
# the loader's run must also print (the program's own check of its image).
lab3_case() {
	local name=$1 want=$2 n l; shift 2
	case_begin "$name" 10
	timeout 30 "$@" > "$LAB3_T/native" 2>&1 < /dev/null; n=$?
	timeout 30 "$LAB3_L" "$@" > "$LAB3_T/loader" 2>&1 < /dev/null; l=$?
	if [ $l != $n ]; then
		case_fail "exit status $l under the loader, $n natively: $(head -c 300 "$LAB3_T/loader")"
	elif ! cmp -s "$LAB3_T/native" "$LAB3_T/loader"; then
		case_fail "output differs from the native run: $(diff "$LAB3_T/native" "$LAB3_T/loader" | head -n 6)"
	elif [ -n "$want" ] && ! grep -q -- "$want" "$LAB3_T/loader"; then
		case_fail "the program's own check did not print '$want'"
	else
		case_pass
	fi
}

lab3_case static-nopie "" "$LAB3_P/basic-static" --exit=3 one two
lab3_case static-pie "" "$LAB3_P/basic-static-pie" --exit=0 one
lab3_case pie "" "$LAB3_P/basic-pie" --exit=0 one
lab3_case non-pie "" "$LAB3_P/basic-nopie" --exit=0 one
lab3_case max-page-2MiB "" "$LAB3_P/basic-maxpage"
lab3_case max-page-2MiB-static "" "$LAB3_P/basic-maxpage-static"
lab3_case noseparate-code "" "$LAB3_P/basic-nosep"
lab3_case tls-static-pie "" "$LAB3_P/tls-static-pie"
lab3_case bss-64MiB "0 non-zero" "$LAB3_P/bigbss"
lab3_case data-bss-one-page "all zero" "$LAB3_P/databss"
lab3_case data-bss-one-page-pie "all zero" "$LAB3_P/databss-pie"
lab3_case brk-after-bss "within 1 GiB: yes" "$LAB3_P/heap"
lab3_case protections-pie "PT_LOAD" "$LAB3_P/wx"
lab3_case protections-static "PT_LOAD" "$LAB3_P/wx-static"
lab3_case freestanding "" "$LAB3_B/nostd-demo/hello"
rm -rf "$LAB3_T"
