#!/bin/sh
# tests/memprot/faults.sh: memprot/faults reports the three page faults as the CPU and the
# kernel give them: si_code, si_addr (the byte touched), trap 14 and the error-code bits.
# tests/memprot/faults-strace.sh checks si_code and si_addr against strace.
. "$top_srcdir/tests/lib.sh"
F=$B/memprot/faults
need_built "$F"

"$F" > "$T/out" 2>&1 || { rc=$?; cat "$T/out" >&2; fail "faults exited $rc"; }
cat "$T/out"
# line CASE-TITLE PATTERN: the line after the title must match PATTERN.
line() {
	grep -A1 -x "$1:" "$T/out" | sed -n 2p | grep -Eq "$2" ||
		fail "'$1': expected /$2/, got: $(grep -A1 -x "$1:" "$T/out" | sed -n 2p)"
}
A='at 0x[0-9a-f]+123 \(page \+ 0x123\), trap 14'
line "read a byte of an unmapped page" "^  SEGV_MAPERR $A, error code 0x4 \(not-present read user\)$"
line "write a byte of a read-only page" "^  SEGV_ACCERR $A, error code 0x7 \(present write user\)$"
line "call into a non-executable page" "^  SEGV_ACCERR $A, error code 0x15 \(present user instruction-fetch\)$"
pass "three faults, with the error codes the CPU pushes"

"$F" noexec readonly > "$T/two" 2>&1 || fail "faults noexec readonly exited $?"
[ "$(grep -c '^  SEGV_' "$T/two")" -eq 2 ] && head -n 1 "$T/two" | grep -q 'non-executable' ||
	fail "faults noexec readonly: expected those two cases in that order"
"$F" bogus > "$T/bad" 2>&1
rc=$?
[ $rc -eq 2 ] && grep -q '^usage: faults' "$T/bad" && [ "$(wc -l < "$T/bad")" -eq 1 ] ||
	fail "faults bogus: expected exit 2 and one usage line (got $rc)"
pass "case selection and bad usage"
