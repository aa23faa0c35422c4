#!/bin/sh
# trace exits like the program (0, 3, 255, 128+N after a signal), signals behave as
# untraced (a handler runs, SA_RESTART restarts a read, SIGSTOP/SIGCONT stop and continue
# the program), and the program's output is the same as untraced.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/trace/lib-trace.sh"
need_trace

status_of() { "$@" > /dev/null 2>&1 < /dev/null; echo $?; }
for mode in "" -c -f "-f -c"; do
	for code in 0 3 255; do
		assert_eq "trace $mode: exit $code" $code \
			"$(status_of "$TRACE" $mode -o /dev/null sh -c "exit $code")"
	done
	assert_eq "trace $mode: SIGTERM" 143 \
		"$(status_of "$TRACE" $mode -o /dev/null sh -c 'kill -TERM $$')"
	assert_eq "trace $mode: SIGSEGV" 139 \
		"$(status_of "$TRACE" $mode -o /dev/null "$P/signals" segv)"
done

# The lines say so.
"$TRACE" -o "$T/term.log" sh -c 'kill -TERM $$' 2>/dev/null
grep -q '^+++ killed by SIGTERM +++$' "$T/term.log" || fail "no '+++ killed by SIGTERM +++'"
"$TRACE" -o "$T/three.log" sh -c 'exit 3'
grep -q '^+++ exited with 3 +++$' "$T/three.log" || fail "no '+++ exited with 3 +++'"

# Handlers and restarts, and the output of the program is unchanged.
for mode in usr1 alarm; do
	want=$("$P/signals" $mode)
	got=$(run_timeout 10 "$TRACE" -f -o "$T/$mode.log" "$P/signals" $mode) ||
		fail "signals $mode under trace exited $?"
	assert_eq "output of signals $mode" "$want" "$got"
done
grep -q '^--- SIGUSR1 {si_signo=SIGUSR1' "$T/usr1.log" || fail "no '--- SIGUSR1 {...} ---' line"
grep -q '^--- SIGALRM {si_signo=SIGALRM' "$T/alarm.log" || fail "no '--- SIGALRM {...} ---' line"
grep -q '^rt_sigreturn' "$T/alarm.log" || fail "no rt_sigreturn after SIGALRM"

# Output identical to untraced (stdout), stdin passes through.
want=$(printf 'b\na\n' | sort)
got=$(printf 'b\na\n' | "$TRACE" -f -o "$T/sort.log" sort)
assert_eq "sort through trace" "$want" "$got"
ls -la /usr/bin > "$T/ls.untraced"
"$TRACE" -f -o /dev/null ls -la /usr/bin > "$T/ls.traced"
cmp -s "$T/ls.untraced" "$T/ls.traced" || fail "ls -la /usr/bin prints differently under trace"
[ -s "$T/ls.traced" ] && ! "$TRACE" -o /dev/null true | grep -q . ||
	fail "trace wrote to stdout"

# SIGSTOP / SIGCONT from another process: the program stops (no ticks while stopped),
# then goes on and ends normally.
"$TRACE" -o "$T/stop.log" "$P/signals" ticks > "$T/ticks" &
tp=$!
sleep 0.3
pid=$(pgrep -P $tp) || fail "no traced child found"
kill -STOP $pid
sleep 0.2
n1=$(wc -l < "$T/ticks")
sleep 0.4
n2=$(wc -l < "$T/ticks")
kill -CONT $pid
wait $tp
rc=$?
assert_eq "ticks exit status after STOP/CONT" 0 $rc
assert_eq "ticks while stopped" "$n1" "$n2"
assert_eq "ticks in total" 60 "$(wc -l < "$T/ticks")"
grep -q '^--- SIGSTOP' "$T/stop.log" || fail "no '--- SIGSTOP' line"
grep -q '^--- SIGCONT' "$T/stop.log" || fail "no '--- SIGCONT' line"
pass "exit statuses and signals as untraced"
