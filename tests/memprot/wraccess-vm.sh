#!/bin/sh
# tests/memprot/wraccess-vm.sh: with_write_access()'s protection-key path, in an x86_64
# virtual machine whose emulated CPU has protection keys.
. "$top_srcdir/tests/lib.sh"
. "$S/tests/memprot/vm.sh"
X=$B/memprot/wraccess
need_built "$X"
need_vm x86_64

run_timeout 600 "$RUN_VM" x86_64 "$X" --pkey > "$T/out" 2> "$T/err"
rc=$?
cat "$T/out"
[ $rc -eq 0 ] || { cat "$T/err" >&2; fail "run-vm x86_64 wraccess --pkey exited $rc"; }
head -n 1 "$T/out" | grep -qx 'with_write_access, protection key:' || fail "not the key path"
for c in inside outside error nested thread; do
	grep -qx "  $c: ok" "$T/out" || fail "case $c did not pass in the guest"
done
pass "with_write_access, protection-key path, in the guest"
