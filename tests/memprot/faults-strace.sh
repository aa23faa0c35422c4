#!/bin/sh
# tests/memprot/faults-strace.sh: strace's own decoding of each SIGSEGV that memprot/faults'
# children take is the oracle for the si_code and si_addr faults prints.
. "$top_srcdir/tests/lib.sh"
F=$B/memprot/faults
need_built "$F"
need_strace

"$STRACE" -f -qq -e trace=none -e signal=SIGSEGV -o "$T/strace" "$F" > "$T/out" 2>&1 ||
	fail "faults under strace exited $?"
sed -nE 's/.*si_code=(SEGV_[A-Z]+), si_addr=(0x[0-9a-f]+).*/\1 \2/p' "$T/strace" > "$T/theirs"
sed -nE 's/^  (SEGV_[A-Z]+) at (0x[0-9a-f]+) .*/\1 \2/p' "$T/out" > "$T/ours"
[ "$(wc -l < "$T/ours")" -eq 3 ] || fail "faults printed $(wc -l < "$T/ours") faults, not 3"
diff -u "$T/theirs" "$T/ours" >&2 || fail "strace saw other si_codes or addresses"
grep -Evq ' 0x[0-9a-f]*123$' "$T/ours" && fail "an address is not the byte touched (page + 0x123)"
pass "strace decodes the same si_codes at the same addresses"
