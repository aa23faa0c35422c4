#!/bin/sh
# tests/memprot/pkeys.sh: memprot/pkeys on this machine's CPU. Without protection keys it
# must say so and exit 3 (checked, then the test skips); with them, denied writes and reads
# fault with SEGV_PKUERR and the PK bit, rights are per thread, and the timing runs.
. "$top_srcdir/tests/lib.sh"
P=$B/memprot/pkeys
need_built "$P"

"$P" time 0 > /dev/null 2>&1
[ $? -eq 2 ] || fail "pkeys time 0: expected exit 2"
"$P" bogus > /dev/null 2>&1
[ $? -eq 2 ] || fail "pkeys bogus: expected exit 2"
if probe pku; then
	note "$PROBE_WHY"
else
	# Without keys it must say so (unless the answer was forced on a machine with them).
	probe_forced pku && skip "protection keys natively: $PROBE_WHY"
	"$P" > "$T/out" 2>&1
	rc=$?
	[ $rc -eq 3 ] && grep -q '^pkey_alloc: .*: no protection keys on this CPU or kernel$' "$T/out" ||
		fail "without pku: expected exit 3 and the reason, got $rc: $(cat "$T/out")"
	"$P" time 10 > /dev/null 2>&1
	[ $? -eq 3 ] || fail "pkeys time without pku: expected exit 3"
	skip "protection keys natively: $PROBE_WHY (tests/memprot/pkeys-vm.sh runs them in a VM)"
fi

"$P" > "$T/out" 2>&1 || { rc=$?; cat "$T/out" >&2; fail "pkeys exited $rc"; }
cat "$T/out"
. "$S/tests/memprot/pkeys-expect.sh"
pkeys_expect "$T/out"
pass "protection keys natively"

"$P" time 20000 > "$T/time" 2>&1 || fail "pkeys time exited $?"
cat "$T/time"
grep -Eq '^  pkey_set: [0-9]+ ns per open\+close$' "$T/time" &&
	grep -Eq '^  mprotect: [0-9]+ ns per open\+close$' "$T/time" || fail "pkeys time: output"
pass "pkey_set vs mprotect timing"
