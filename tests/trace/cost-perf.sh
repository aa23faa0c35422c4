#!/bin/sh
# --cost's "stops avoided by seccomp filter" comes from a perf counter on the
# raw_syscalls:sys_enter tracepoint: a number where perf tracepoints are permitted (at least
# the 2 x 20000 getpid of 4 threads under -e trace=openat), else "unknown".
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/trace/lib-trace.sh"
need_trace

"$TRACE" -f --cost -e trace=openat -o "$T/cost" "$P/threads" 4 5000 > /dev/null ||
	fail "trace --cost exited $?"
avoided=$(sed -n 's/^stops avoided by seccomp filter: //p' "$T/cost")
if probe perf; then
	case $avoided in
	*[!0-9]* | "") fail "--cost: 'stops avoided' is '$avoided' though perf tracepoints work here ($PROBE_WHY)" ;;
	esac
	[ "$avoided" -ge 40000 ] || fail "--cost: $avoided stops avoided, expected >= 2 x 20000 getpid"
	pass "--cost: $avoided stops avoided (counted by a perf tracepoint)"
elif probe_forced perf; then
	skip "stops avoided not checked: $PROBE_WHY"
else
	assert_eq "--cost 'stops avoided' without perf tracepoints" unknown "$avoided"
	skip "perf tracepoints are not permitted ($PROBE_WHY): checked only that --cost says unknown"
fi
