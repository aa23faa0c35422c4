# docs/labs/grade/lab5.sh: lab 5's graded cases (the heap allocator of
# docs/labs/code/lab5/lab5_alloc.c). Each case runs docs/labs/code/lab5/lab5-driver with the
# case's name (the driver's comment says what each checks); `scenario` also counts the
# mmap and munmap calls of a fixed sequence with trace -c, less those of the driver doing
# nothing (its C library's own). Sourced by docs/labs/grade/grade.sh 5 (`make grade LAB=5`),
# from the build directory.
#
# A case is a function that prints nothing and returns 0 when the allocator is right, or
# prints one line saying what is wrong and returns 1; each is given to grade_case at the end.

LAB5_B=${B:-${EXECLAB:-.}}
# (LAB5_DRIVER may name another build of it: tests/labs/lab5-alloc.sh grades the stub)
LAB5_DRIVER=${LAB5_DRIVER:-$LAB5_B/docs/labs/code/lab5/lab5-driver}
LAB5_TRACE=$LAB5_B/tracer/trace
LAB5_TMP=
# The scenario's bounds: its small blocks (about 1.1 MiB with headers, allocated twice)
# need a handful of mappings when the second round reuses the first's memory, twice as
# many when it does not; each of its 8 blocks of 1 MiB is a mapping of its own, unmapped
# by free.
LAB5_MAX_MMAPS=16
LAB5_MIN_MUNMAPS=8

lab5_setup() {
	LAB5_TMP=$(mktemp -d "${GRADE_TMP:-${TMPDIR:-/tmp}}/lab5.XXXXXX") || return 1
	[ -x "$LAB5_DRIVER" ] || { echo "$LAB5_DRIVER is not built (run make)"; return 1; }
	"$LAB5_TRACE" -c -o /dev/null /bin/true ||
		{ echo "trace -c /bin/true fails here: ptrace is not permitted"; return 1; }
}

# lab5_run CASE: the driver's verdict on CASE, its one line when it fails.
lab5_run() {
	local out rc
	out=$(timeout --kill-after=5 60 "$LAB5_DRIVER" "$1" 2>&1)
	rc=$?
	[ $rc -eq 0 ] && return 0
	case $rc in
	1) echo "$1: ${out#lab5-driver: }" ;;
	124|137) echo "$1: the driver did not finish in 60 seconds" ;;
	*) echo "$1: the driver ended with status $rc${out:+: $out}" ;;
	esac
	return 1
}

# lab5_calls CASE NAME: NAME's calls column in trace -c of the driver doing CASE (0 if none).
lab5_calls() {
	"$LAB5_TRACE" -c -S name -o "$LAB5_TMP/trace.$1" "$LAB5_DRIVER" "$1" >/dev/null 2>&1 ||
		return 1
	awk -v n="$2" '/^------/ { d++; next } d == 1 && $NF == n { c = $4 } END { print c + 0 }' \
		"$LAB5_TMP/trace.$1"
}

lab5_case_align() { lab5_run align; }
lab5_case_overlap() { lab5_run overlap; }
lab5_case_reuse() { lab5_run reuse; }
lab5_case_realloc() { lab5_run realloc; }
lab5_case_calloc() { lab5_run calloc; }
lab5_case_overflow() { lab5_run overflow; }
lab5_case_mmaps() {
	local m0 m1 u0 u1
	lab5_run scenario || return 1
	m1=$(lab5_calls scenario mmap) && u1=$(lab5_calls scenario munmap) &&
		m0=$(lab5_calls none mmap) && u0=$(lab5_calls none munmap) ||
		{ echo "mmaps: trace -c of the driver failed"; return 1; }
	if [ $((m1 - m0)) -gt $LAB5_MAX_MMAPS ]; then
		echo "mmaps: the scenario made $((m1 - m0)) mmap calls, at most $LAB5_MAX_MMAPS expected (is freed memory reused?)"
		return 1
	fi
	if [ $((u1 - u0)) -lt $LAB5_MIN_MUNMAPS ]; then
		echo "mmaps: the scenario made $((u1 - u0)) munmap calls, its $LAB5_MIN_MUNMAPS large blocks should each go back"
		return 1
	fi
}

# The cases: NAME MAX FUNCTION, one per line.
LAB5_CASES='align 10 lab5_case_align
overlap 20 lab5_case_overlap
reuse 15 lab5_case_reuse
realloc 15 lab5_case_realloc
calloc 10 lab5_case_calloc
overflow 10 lab5_case_overflow
mmaps 20 lab5_case_mmaps'

# Register the cases with grade.sh (tests/labs/lab5-alloc.sh defines its own grade_case).
lab5_setup >&2 || exit 99
while read -r lab5_name lab5_max lab5_fn; do
	grade_case "$lab5_name" "$lab5_max" "$lab5_fn"
done <<LAB5_CASES
$LAB5_CASES
LAB5_CASES
