#!/bin/sh
# -p PID: attach to a running loop, SIGINT trace, check the -c table, that trace ended,
# and that the process went on and exited 0 on its own.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/trace/lib-trace.sh"
need_trace
need ptrace-attach "trace -p attaches to a process it did not start"

"$P/loop" "$T/pid" 20 &
lp=$!
for i in 1 2 3 4 5 6 7 8 9 10; do [ -s "$T/pid" ] && break; sleep 0.1; done
"$TRACE" -c -o "$T/table" -p $lp 2> "$T/err" &
tp=$!
sleep 0.5
kill -INT $tp
run_timeout 10 sh -c "while kill -0 $tp 2>/dev/null; do sleep 0.1; done" || fail "trace did not end"
wait $tp
assert_eq "trace's exit status after detaching" 0 $?
grep -q "attached" "$T/err" || fail "no 'attached' message"
grep -q "detached" "$T/err" || fail "no 'detached' message"
grep -Eq ' getppid$' "$T/table" || { cat "$T/table" >&2; fail "no getppid row in the table"; }
grep -Eq ' total$' "$T/table" || fail "no total row"
# Still alive, not stopped, not traced.
kill -0 $lp || fail "the process died when trace detached"
state=$(sed -n 's/^State:[[:space:]]*\([A-Za-z]\).*/\1/p' /proc/$lp/status)
tracer=$(sed -n 's/^TracerPid:[[:space:]]*//p' /proc/$lp/status)
assert_eq "TracerPid after detach" 0 "$tracer"
case $state in S|R) ;; *) fail "process state after detach: $state" ;; esac
touch "$T/pid.stop"
wait $lp
assert_eq "the process's own exit status" 0 $?

# A process blocked in a long system call: trace must interrupt it to detach at once, and
# the call goes on (sleep still sleeps its 3 s and exits 0, not killed, not cut short).
start=$(date +%s)
sleep 3 &
sp=$!
"$TRACE" -o "$T/sleep.log" -p $sp 2> /dev/null &
tp=$!
sleep 0.3
kill -INT $tp
run_timeout 2 sh -c "while kill -0 $tp 2>/dev/null; do sleep 0.05; done" ||
	fail "trace did not detach from a process blocked in nanosleep"
wait $tp
wait $sp
assert_eq "exit status of sleep after the detach" 0 $?
[ $(( $(date +%s) - start )) -ge 2 ] || fail "sleep 3 ended early after the detach"

# EPERM is explained: a process that is already traced.
"$P/loop" "$T/pid2" 20 &
lp=$!
for i in 1 2 3 4 5 6 7 8 9 10; do [ -s "$T/pid2" ] && break; sleep 0.1; done
"$TRACE" -c -o /dev/null -p $lp 2> /dev/null &
tp=$!
sleep 0.3
"$TRACE" -p $lp 2> "$T/err2"
rc=$?
kill -INT $tp; wait $tp
touch "$T/pid2.stop"; wait $lp
assert_eq "exit status when ptrace is refused" 1 $rc
grep -q "already traced by process $tp" "$T/err2" || { cat "$T/err2" >&2; fail "EPERM not explained"; }

# Nested: `trace -f trace true`: the inner trace's child is the outer trace's tracee, so the
# inner one is refused at once (no hang), says why, and exits 1; nothing is left behind.
without_lsan run_timeout 20 "$TRACE" -f -o /dev/null "$TRACE" true 2> "$T/err3"
assert_eq "exit status of trace -f trace true" 1 $?
grep -q "already traced by process" "$T/err3" || { cat "$T/err3" >&2; fail "nested trace: EPERM not explained"; }

# -p of trace's own tracer (trace -f sh -c 'trace -p $PPID') is refused at once instead of
# stopping both tracers for ever; -p of a zombie says it is one.
without_lsan run_timeout 20 "$TRACE" -f -o /dev/null sh -c '"$1" -p $PPID 2> "$2/err4"; echo $? > "$2/rc4"' sh "$TRACE" "$T"
assert_eq "exit status of trace under trace -f" 0 $?
assert_eq "exit status of trace -p of its own tracer" 1 "$(cat "$T/rc4")"
grep -q "own tracer" "$T/err4" || { cat "$T/err4" >&2; fail "-p of its own tracer: no reason given"; }
sh -c 'sh -c "exit 0" & exec sleep 1' &
zp=$!
sleep 0.3
z=$(ps -o pid= --ppid $zp | tr -d ' ' | head -n 1)
if [ -n "$z" ] && [ "$(sed -n 's/^State:[[:space:]]*\(.\).*/\1/p' /proc/$z/status)" = Z ]; then
	run_timeout 10 "$TRACE" -p $z 2> "$T/err5"
	assert_eq "exit status of -p ZOMBIE" 1 $?
	grep -q zombie "$T/err5" || { cat "$T/err5" >&2; fail "-p ZOMBIE: not said"; }
else
	note "no zombie to attach to: -p ZOMBIE not tested"
fi
wait $zp
pass "attach and detach"
