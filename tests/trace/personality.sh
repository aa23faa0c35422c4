#!/bin/sh
# tests/trace/personality.sh: personality(2)'s argument and its result's comment are printed
# as strace 6.1 prints them (type by name, then flags; 0xffffffff as a number; unknown type
# and bits in hex) in each -X style: progs/personality's lines under trace equal strace's.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/trace/lib-trace.sh"
need_strace
need_trace

cd "$T" || fail "cd $T"
for style in abbrev raw verbose; do
	"$TRACE" -X $style -e trace=personality -o t.$style "$P/personality" ||
		fail "personality under trace -X $style exited $?"
	"$STRACE" -X $style -e trace=personality -o s.$style "$P/personality" ||
		fail "personality under strace -X $style exited $?"
	strace61_lines s.$style > s.lines
	strace61_lines t.$style > t.lines
	[ "$(wc -l < s.lines)" -ge 13 ] || fail "-X $style: strace printed $(wc -l < s.lines) lines"
	diff -u s.lines t.lines >&2 || fail "-X $style: trace's lines differ from strace's (- strace, + trace)"
done
# What strace 6.1 prints, literally (lines whose result the program set itself).
grep -Fx 'personality(PER_LINUX32|ADDR_NO_RANDOMIZE|READ_IMPLIES_EXEC) = 0x8 (PER_LINUX32)' \
	t.abbrev > /dev/null || fail "no strace line for a type with flags: $(grep -F LINUX32 t.abbrev)"
grep -Fx 'personality(0x55 /* PER_??? */)         = 0x440008 (PER_LINUX32|ADDR_NO_RANDOMIZE|READ_IMPLIES_EXEC)' \
	t.abbrev > /dev/null || fail "no strace line for an unknown type: $(grep -F 0x55 t.abbrev)"
grep -Fx 'personality(0x8)                        = 0x40000 (0|0x40000)' t.raw > /dev/null ||
	fail "-X raw: no strace line for PER_LINUX32: $(grep -F '(0x8)' t.raw)"
pass "personality as strace prints it, in each -X style"
