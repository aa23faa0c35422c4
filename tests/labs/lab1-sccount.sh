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
EXECLAB=$B
. "$S/docs/labs/grade/lab1.sh"
lab1_setup > "$T/why" || error "the grader cannot run: $(cat "$T/why")"
at_exit lab1_cleanup

n=0
while read -r name max fn; do
	n=$((n + 1))
	LAB1_SCCOUNT=$SCCOUNT
	out=$($fn) || fail "case $name ($max): the reference sccount fails it: $out"
	LAB1_SCCOUNT=$STUB
	$fn > /dev/null && fail "case $name ($max): the stub passes it"
done <<CASES
$LAB1_CASES
CASES
[ $n -ge 8 ] || fail "only $n cases in docs/labs/grade/lab1.sh"
pass "$n cases: the reference sccount counts as trace -c does, the stub fails each"
