#!/bin/sh
# tests/memprot/guard.sh: memprot/guard: a recursion on a hand-made stack faults in its
# PROT_NONE guard page (ACCERR on a page the CPU sees not present); code in an RW page
# does not run, runs once RX, and can then not be written.
. "$top_srcdir/tests/lib.sh"
G=$B/memprot/guard
need_built "$G"

"$G" > "$T/out" 2>&1 || { rc=$?; cat "$T/out" >&2; fail "guard exited $rc"; }
cat "$T/out"
grep -Eq '^  stack  [0-9a-f]+-[0-9a-f]+ rw-p \(64 KiB\)$' "$T/out" || fail "stack mapping line"
grep -Eq '^  guard  [0-9a-f]+-[0-9a-f]+ ---p \(4 KiB\)$' "$T/out" || fail "guard mapping line (from /proc/self/maps)"
grep -A1 -x 'endless recursion on it:' "$T/out" | grep -Eq \
	'^  SEGV_ACCERR at 0x[0-9a-f]+ \(page \+ 0x[0-9a-f]+\), trap 14, error code 0x6 \(not-present write user\)$' ||
	fail "the overflow should fault writing the not-present guard page"
grep -q '^  the fault is in the guard page$' "$T/out" || fail "fault outside the guard page"
pass "guard page"

grep -A1 -x 'call the code in its read-write page:' "$T/out" |
	grep -q 'SEGV_ACCERR .*error code 0x15 (present user instruction-fetch)$' || fail "RW code ran"
grep -A1 -x 'after mprotect(PROT_READ|PROT_EXEC), call it:' "$T/out" | grep -qx '  returned 42' ||
	fail "RX code did not return 42"
grep -A1 -x 'write to it now:' "$T/out" |
	grep -q 'SEGV_ACCERR .*error code 0x7 (present write user)$' || fail "RX page was writable"
pass "W^X"

"$G" wx > "$T/wx" 2>&1 || fail "guard wx exited $?"
! grep -q stack "$T/wx" || fail "guard wx ran the stack part"
"$G" both > /dev/null 2>&1
[ $? -eq 2 ] || fail "guard both: expected exit 2"
pass "part selection"
