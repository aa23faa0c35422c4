#!/bin/sh
# --cost under the seccomp filter: new threads run under PTRACE_CONT, so 4 threads making
# 20000 getpid under -e trace=openat give few ptrace stops; --no-seccomp stops at each.
# (cost-perf.sh checks the "stops avoided" line.)
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/trace/lib-trace.sh"
need_trace

"$TRACE" -f --cost -e trace=openat -o "$T/cost" "$P/threads" 4 5000 > /dev/null ||
	fail "trace --cost exited $?"
stops=$(sed -n 's/^ptrace stops: //p' "$T/cost")
[ -n "$stops" ] || { cat "$T/cost" >&2; fail "--cost printed no ptrace stops"; }
[ "$stops" -lt 50 ] || fail "$stops ptrace stops for -e trace=openat on 4 getpid threads (PTRACE_SYSCALL somewhere?)"
"$TRACE" -f --cost --no-seccomp -e trace=openat -o "$T/cost2" "$P/threads" 4 5000 > /dev/null
stops2=$(sed -n 's/^ptrace stops: //p' "$T/cost2")
[ "$stops2" -gt 40000 ] || fail "--no-seccomp: only $stops2 stops (the filter was not turned off?)"
note "4 threads x 5000 getpid under -e trace=openat: $stops ptrace stops; $stops2 with --no-seccomp"

pass "--cost: $stops stops under the filter, $stops2 without"
