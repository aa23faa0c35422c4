#!/bin/sh
# A 200-child fork/exec storm under trace -f -c finishes in bounded time, with strace's
# counts, and no tracee is left behind.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/trace/lib-trace.sh"
need_strace
need_trace

start=$(date +%s)
run_timeout 60 "$TRACE" -f -c -o "$T/storm.trace" "$P/forker" 200 /bin/true ||
	fail "trace -f -c of the storm failed or timed out ($?)"
note "200 fork+exec under trace -f -c: $(( $(date +%s) - start )) s"
parity storm "" "$P/forker" 200 /bin/true
grep -Eq ' 201 +execve$' "$T/storm.trace" || fail "expected 201 execve in the storm's table"
pass "fork/exec storm"
