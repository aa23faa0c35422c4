#!/bin/sh
# tests/memprot/pkeys-vm.sh: memprot/pkeys as the /init of an x86_64 virtual machine whose
# emulated CPU (QEMU's "max") has protection keys, for machines whose CPU has none. No
# timing there: both sides would be emulated.
. "$top_srcdir/tests/lib.sh"
. "$S/tests/memprot/vm.sh"
. "$S/tests/memprot/pkeys-expect.sh"
P=$B/memprot/pkeys
need_built "$P"
need_vm x86_64

start=$(date +%s)
run_timeout 600 "$RUN_VM" x86_64 "$P" > "$T/out" 2> "$T/err"
rc=$?
cat "$T/out"
[ $rc -eq 0 ] || { cat "$T/err" >&2; fail "run-vm x86_64 pkeys exited $rc"; }
note "boot, run and power-off took $(( $(date +%s) - start )) s"
pkeys_expect "$T/out"
[ ! -s "$T/err" ] || { cat "$T/err" >&2; fail "run-vm wrote to stderr"; }
pass "protection keys in the guest: SEGV_PKUERR with the PK bit, rights per thread"
