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
pass "$n cases: the reference allocator passes each, the stub fails each"
