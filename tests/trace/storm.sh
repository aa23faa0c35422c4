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
pgrep -s 0 -f "$P/forker 200 /bin/true" > /dev/null && fail "a process of the storm is left after trace ended"

# A tracee that vanishes between stops: 4 threads busy in syscalls are SIGKILLed from
# outside; every pending ptrace call meets ESRCH and is dropped quietly. trace ends at
# once with the program's status (137), prints no error, and leaves nothing behind.
"$TRACE" -f -o "$T/kill.log" "$P/threads" 4 2000000 2> "$T/kill.err" &
tp=$!
# all_threads: trace's child is the program with its 4 threads and the main one.
all_threads() { c=$(pgrep -P $tp) && set -- /proc/$c/task/* && [ $# -eq 5 ]; }
wait_until 20 all_threads
kill -KILL $c
wait_until 20 gone $tp
wait $tp
assert_eq "trace's status after its program was SIGKILLed" 137 $?
[ ! -s "$T/kill.err" ] || { cat "$T/kill.err" >&2; fail "trace printed errors after SIGKILL"; }
grep -Eq '^[0-9]+ +\+\+\+ killed by SIGKILL \+\+\+$' "$T/kill.log" || fail "no '+++ killed by SIGKILL +++'"
pgrep -s 0 -f "$P/threads 4 2000000" > /dev/null && fail "a thread is left after SIGKILL"
pass "fork/exec storm"
