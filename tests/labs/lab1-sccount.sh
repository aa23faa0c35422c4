#!/bin/sh
# tests/labs/lab1-sccount.sh: lab 1's grader (docs/labs/grade/lab1.sh) gives the reference
# sccount every case (its counts equal trace -c's on every graded program), and the stub
# (sccount-stub, built from the handout's version of sccount.c) none.
. "$top_srcdir/tests/lib.sh"
need ptrace

SCCOUNT=$B/docs/labs/code/lab1/sccount
STUB=$B/docs/labs/code/lab1/sccount-stub
[ -x "$SCCOUNT" ] || error "$SCCOUNT is not built"
[ -x "$STUB" ] || error "$STUB is not built"
cd "$B" || error "cannot cd to $B"

# grade.sh's grade_case, here: each case is graded at once, with the reference and the stub.
n=0
grade_case() {
	local name=$1 max=$2 fn=$3 out
	n=$((n + 1))
	out=$(LAB1_SCCOUNT=$SCCOUNT; $fn) || fail "case $name ($max): the reference sccount fails it: $out"
	(LAB1_SCCOUNT=$STUB; $fn) > /dev/null && fail "case $name ($max): the stub passes it"
	note "case $name: the reference passes, the stub fails"
}
GRADE_TMP=$T
LAB1_SCCOUNT=$SCCOUNT
# lab1.sh exits 99 itself when it cannot run (then this test is a hard error too)
. "$S/docs/labs/grade/lab1.sh"
[ $n -ge 8 ] || fail "only $n cases in docs/labs/grade/lab1.sh"
pass "$n cases: the reference sccount counts as trace -c does, the stub fails each"
