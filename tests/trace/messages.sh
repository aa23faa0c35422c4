#!/bin/sh
# Which of trace's own lines are printed, as strace 6.1 decides: -e signal=SET for the
# "--- SIG... ---" and "+++ killed by +++" lines, -q/-qq/-e quiet=SET for the attach,
# and exit messages.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/trace/lib-trace.sh"
need_strace
need_trace

tracer_is() { [ "$(tracer_of "$1")" = "$2" ]; }

usr1='kill -USR1 $$'
# A SIGCHLD the shell gets, then a SIGUSR1 that kills it.
two='(exit 0); kill -USR1 $$'
for set in all none SIGUSR1 USR1 usr1 10 '!SIGUSR1' '!10,SIGCHLD' SIGCHLD,SIGUSR1 '!all'; do
	same_run_as_strace "signal $set" -e trace=none -e signal="$set" -- sh -c "$two"
done
grep -q '^--- SIGCHLD' "$T/signal !10,SIGCHLD.trace.log" &&
	fail "signal=!10,SIGCHLD printed a SIGCHLD line"
grep -q '^+++ killed by SIGUSR1' "$T/signal SIGUSR1.trace.log" ||
	fail "signal=SIGUSR1: no killed line"
grep -q '^--- SIGUSR1' "$T/signal none.trace.log" && fail "signal=none printed a signal"
for bad in SIGFOO 0 65 ''; do
	"$TRACE" -e signal="$bad" true 2> "$T/bad.err" && fail "signal=$bad accepted"
	grep -qF "trace: invalid signal '$bad'" "$T/bad.err" || fail "signal=$bad: $(cat "$T/bad.err")"
done

# -qq and quiet=exit: no "+++ exited with N +++".
for q in -q -qq -qqq "-e quiet=exit" "-e quiet=attach,personality" "-e quiet=!exit" \
	"-e quiet=all" "-e quiet=none" "-e silent=exits" "-e q=path-resolution,thread-execve"; do
	# shellcheck disable=SC2086
	same_run_as_strace "quiet $q" -e trace=none $q -- sh -c 'exit 3'
	# shellcheck disable=SC2086
	same_run_as_strace "quiet $q killed" -e trace=none $q -- sh -c "$usr1"
done
grep -q '^+++ exited with 3 +++$' "$T/quiet -qq.trace.log" && fail "-qq printed the exit line"
grep -q '^+++ exited with 3 +++$' "$T/quiet -q.trace.log" || fail "-q left out the exit line"
"$TRACE" -e quiet=bogus true 2> "$T/bad.err" && fail "quiet=bogus accepted"
grep -qF "trace: invalid quiet 'bogus'" "$T/bad.err" || fail "quiet=bogus: $(cat "$T/bad.err")"

# quiet=attach: no "Process N attached/detached" messages with -p.
"$P/loop" "$T/pid" 20 &
lp=$!
wait_until 20 test -s "$T/pid"
"$TRACE" -e quiet=attach -p $lp -o "$T/attach.log" 2> "$T/attach.err" &
tp=$!
wait_until 20 tracer_is $lp $tp
kill -INT $tp
wait_until 20 gone $tp
wait $tp
kill $lp
grep -q 'Process' "$T/attach.err" && fail "quiet=attach: $(cat "$T/attach.err")"
pass "-e signal=, -q, -qq, -e quiet= as strace 6.1 prints them"
