#!/bin/sh
# tests/memprot/wraccess.sh: with_write_access() (memprot/wraccess.c) passes its cases:
# the mprotect path everywhere, the protection-key path where the CPU has keys
# (tests/memprot/wraccess-vm.sh runs it in a VM elsewhere).
. "$top_srcdir/tests/lib.sh"
X=$B/memprot/wraccess
need_built "$X"

expect_all_ok() {
	cat "$2"
	for c in inside outside error nested thread; do
		grep -qx "  $c: ok" "$2" || fail "$1: case $c did not pass"
	done
	[ "$(grep -c '^  ' "$2")" -eq 5 ] || fail "$1: expected five case lines"
}

"$X" > "$T/mp" 2>&1 || { rc=$?; cat "$T/mp" >&2; fail "wraccess exited $rc"; }
head -n 1 "$T/mp" | grep -qx 'with_write_access, mprotect:' || fail "no heading"
expect_all_ok mprotect "$T/mp"
"$X" --mprotect nested error > "$T/two" 2>&1 || fail "wraccess --mprotect nested error exited $?"
[ "$(sed -n 2p "$T/two")" = "  nested: ok" ] && [ "$(sed -n 3p "$T/two")" = "  error: ok" ] ||
	fail "case selection"
"$X" --mprotect bogus > "$T/bad" 2>&1
[ $? -eq 2 ] && grep -q '^usage: wraccess' "$T/bad" || fail "wraccess bogus: expected exit 2 and usage"
pass "with_write_access, mprotect path"

if probe pku; then
	note "$PROBE_WHY"
else
	probe_forced pku && skip "the protection-key path natively: $PROBE_WHY"
	"$X" --pkey > "$T/pk" 2>&1
	[ $? -eq 3 ] || fail "wraccess --pkey without pku: expected exit 3"
	skip "the protection-key path natively: $PROBE_WHY"
fi
"$X" --pkey > "$T/pk" 2>&1 || { rc=$?; cat "$T/pk" >&2; fail "wraccess --pkey exited $rc"; }
expect_all_ok pkey "$T/pk"
pass "with_write_access, protection-key path"
