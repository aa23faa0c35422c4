#!/bin/sh
# -p PID: attach to a running loop, SIGINT trace, check the -c table, that trace ended,
# and that the process went on and exited 0 on its own.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/trace/lib-trace.sh"
need_trace
need ptrace-attach "trace -p attaches to a process it did not start"

# attached TRACE-PID ERR-FILE: trace said it attached, and SIGINT now reaches its handler
# (which detaches) rather than killing it.
attached() { grep -q " attached$" "$2" && sig_in "$1" SigCgt 2; }

"$P/loop" "$T/pid" 20 &
lp=$!
wait_until 20 test -s "$T/pid"
"$TRACE" -c -o "$T/table" -p $lp 2> "$T/err" &
tp=$!
wait_until 20 attached $tp "$T/err"
# The loop's next getppid after the ping is one trace sees: the table has a row for it.
touch "$T/pid.ping"
wait_until 20 test -e "$T/pid.pong"
kill -INT $tp
wait_until 20 gone $tp
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
# the call goes on: not killed, not cut short. nap's nanosleep of 60 s ends only by the
# SIGUSR1 sent afterwards (nap checks that), so trace ending within the deadline, nap still
# there, is the detach at once.
"$P/signals" nap 60 &
sp=$!
"$TRACE" -o "$T/nap.log" -p $sp 2> "$T/nap.err" &
tp=$!
wait_until 20 attached $tp "$T/nap.err"
kill -INT $tp
wait_until 20 gone $tp
wait $tp
assert_eq "trace's exit status after detaching from a process in nanosleep" 0 $?
if gone $sp; then
	wait $sp
	fail "the process in nanosleep ended (status $?) when trace detached"
fi
assert_eq "TracerPid after the detach from nanosleep" 0 "$(tracer_of $sp)"
case $(proc_state $sp) in S|R) ;; *) fail "state after the detach from nanosleep: $(proc_state $sp)" ;; esac
kill -USR1 $sp
wait $sp
assert_eq "exit status of the nanosleep after the detach" 0 $?

# EPERM is explained: a process that is already traced.
"$P/loop" "$T/pid2" 20 &
lp=$!
wait_until 20 test -s "$T/pid2"
"$TRACE" -c -o /dev/null -p $lp 2> "$T/err1" &
tp=$!
wait_until 20 attached $tp "$T/err1"
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
# The zombie: the child of a loop that never reaps it, there until the loop is told to end.
"$P/loop" "$T/zp" 20 zombie &
zp=$!
zombie_child() { z=$(pgrep -P $zp) && [ "$(proc_state "$z")" = Z ]; }
wait_until 20 zombie_child
run_timeout 10 "$TRACE" -p $z 2> "$T/err5"
assert_eq "exit status of -p ZOMBIE" 1 $?
grep -q zombie "$T/err5" || { cat "$T/err5" >&2; fail "-p ZOMBIE: not said"; }
touch "$T/zp.stop"
wait $zp
assert_eq "exit status of the zombie's parent" 0 $?
pass "attach and detach"
