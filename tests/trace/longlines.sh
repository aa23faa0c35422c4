#!/bin/sh
# tests/trace/longlines.sh: a line is never cut short: poll of 64 and 300 ready fds (lines of
# 2,000 to 10,000 characters) prints its whole array, with "..." only where strace 6.1 puts
# it (after -s entries, and where strace's 1024-byte result comment is full), and its result.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/trace/lib-trace.sh"
need_strace
need_trace
cd "$T" || fail "cd $T"

for n in 64 300; do
	for s in 5 32 100 1000; do
		"$TRACE" -s $s -e trace=poll -o t.log "$P/pollmany" $n || fail "trace pollmany $n exited $?"
		"$STRACE" -s $s -e trace=poll -o s.log "$P/pollmany" $n || fail "strace pollmany $n exited $?"
		grep -q "^poll(.*) = $n (\[.*\])\$" s.log || error "strace printed no whole poll line"
		cmp -s s.log t.log || { diff -u s.log t.log >&2; fail "poll of $n fds, -s $s: trace's line differs from strace's"; }
	done
done
pass "poll lines of up to $(wc -c < t.log) characters equal strace's"
