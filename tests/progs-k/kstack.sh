#!/bin/sh
# tests/progs-k/kstack.sh: `trace -k` names the functions on the stack of a write:
# kstack's write is called by kstack_write_hello(), called by main(). Frames have strace's
# format " > MODULE(FUNC+0xOFF) [0xADDR]".
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/trace/lib-trace.sh"	# $TRACE; a session of its own, checked at the end
PROG=$B/tests/progs-k/kstack

need_built "$PROG" "make check builds it"
need_trace

run_timeout 60 "$TRACE" -k -e trace=write -o "$T/out" "$PROG" > "$T/stdout" ||
	fail "trace -k exited $?"
grep -q '^hello from kstack$' "$T/stdout" || fail "the program's output is missing"
# the write line, then its frames; keep the frames of the first write only
awk '/^write\(/ { w++ } w == 1 && /^ > / { print }' "$T/out" > "$T/frames"
[ -s "$T/frames" ] || { cat "$T/out" >&2; fail "no stack printed after write"; }
grep -Eq '^ > .+\(kstack_write_hello\+0x[0-9a-f]+\) \[0x[0-9a-f]+\]$' "$T/frames" ||
	{ cat "$T/frames" >&2; fail "no kstack_write_hello frame"; }
grep -Eq '^ > .+/kstack\(main\+0x[0-9a-f]+\) \[0x[0-9a-f]+\]$' "$T/frames" ||
	{ cat "$T/frames" >&2; fail "no main frame in kstack"; }
# callee before caller
[ "$(grep -n kstack_write_hello "$T/frames" | cut -d: -f1)" -lt \
  "$(grep -n '(main+' "$T/frames" | cut -d: -f1)" ] || fail "frames out of order"
# -f: a forked child (sh runs kstack, then true) is unwound in its own address space
run_timeout 60 "$TRACE" -f -k -e trace=write -o "$T/outf" sh -c "$PROG; true" > /dev/null ||
	fail "trace -f -k exited $?"
awk '/^[0-9]+ +write\(1, "hello from kstack/ { w++; next } /^([0-9]|[a-z])/ { w = 0 }
     w == 1 && /^ > / { print }' "$T/outf" > "$T/framesf"
grep -Eq '^ > .+/kstack\(main\+0x[0-9a-f]+\) \[0x[0-9a-f]+\]$' "$T/framesf" ||
	{ cat "$T/outf" >&2; fail "-f: no main frame in the child's stack"; }
pass "trace -k names kstack_write_hello and main (also in a -f child)"
