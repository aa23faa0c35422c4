#!/bin/sh
# tests/labs/lab5-alloc.sh: lab 5's grader (docs/labs/grade/lab5.sh) gives the reference
# allocator every case, and the stub (lab5-driver-stub, built from the handout's version of
# lab5_alloc.c) none.
. "$top_srcdir/tests/lib.sh"
need ptrace

DRIVER=$B/docs/labs/code/lab5/lab5-driver
STUB=$B/docs/labs/code/lab5/lab5-driver-stub
[ -x "$DRIVER" ] || error "$DRIVER is not built"
[ -x "$STUB" ] || error "$STUB is not built"
cd "$B" || error "cannot cd to $B"

# grade.sh's grade_case, here: each case is graded at once, with the reference and the stub.
n=0
grade_case() {
	local name=$1 max=$2 fn=$3 out
	n=$((n + 1))
	out=$(LAB5_DRIVER=$DRIVER; $fn) || fail "case $name ($max): the reference allocator fails it: $out"
	out=$(LAB5_DRIVER=$STUB; $fn) && fail "case $name ($max): the stub passes it"
	note "case $name: the reference passes, the stub fails ($out)"
}
GRADE_TMP=$T
LAB5_DRIVER=$DRIVER
# lab5.sh exits 99 itself when it cannot run (then this test is a hard error too)
. "$S/docs/labs/grade/lab5.sh"
[ $n -ge 7 ] || fail "only $n cases in docs/labs/grade/lab5.sh"

# lab5-replay: the committed trace replays without a broken block on both allocators, and
# each gets its row; a malformed trace is one line and status 2.
REPLAY=$B/docs/labs/code/lab5/lab5-replay
[ -x "$REPLAY" ] || error "$REPLAY is not built"
"$REPLAY" > "$T/replay.out" 2>&1 || fail "lab5-replay exited $?: $(cat "$T/replay.out")"
for a in "lab 5" glibc; do
	grep -Eq "^$a +[0-9]+ +[0-9.]+\$" "$T/replay.out" || fail "lab5-replay: no row for $a: $(cat "$T/replay.out")"
done
printf 'm 1 10\nx 2\n' > "$T/bad.trace"
"$REPLAY" "$T/bad.trace" > "$T/bad.out" 2>&1
assert_eq "lab5-replay on a malformed trace: exit status" 2 $?
assert_eq "lab5-replay on a malformed trace: lines" 1 "$(wc -l < "$T/bad.out")"
pass "$n cases: the reference allocator passes each, the stub fails each"
