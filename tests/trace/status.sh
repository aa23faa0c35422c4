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
grep -Eq '^[0-9]+ +--- SIGUSR1 \{si_signo=SIGUSR1' "$T/usr1.log" || fail "no '--- SIGUSR1 {...} ---' line"
grep -Eq '^[0-9]+ +--- SIGALRM \{si_signo=SIGALRM' "$T/alarm.log" || fail "no '--- SIGALRM {...} ---' line"
grep -Eq '^[0-9]+ +rt_sigreturn' "$T/alarm.log" || fail "no rt_sigreturn after SIGALRM"

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
# then goes on and ends normally. It waits for "go" half way, so it is still ticking when
# stopped however slowly the test gets there.
"$TRACE" -o "$T/stop.log" "$P/signals" ticks "$T/go" > "$T/ticks" &
tp=$!
wait_until 20 test -s "$T/ticks"
pid=$(pgrep -P $tp) || fail "no traced child found"
kill -STOP $pid
wait_until 20 has_stopped $pid
n1=$(wc -l < "$T/ticks")
sleep 0.3	# a window in which the stopped program must print nothing
n2=$(wc -l < "$T/ticks")
touch "$T/go"
kill -CONT $pid
wait $tp
rc=$?
assert_eq "ticks exit status after STOP/CONT" 0 $rc
assert_eq "ticks while stopped" "$n1" "$n2"
assert_eq "ticks in total" 60 "$(wc -l < "$T/ticks")"
grep -q '^--- SIGSTOP' "$T/stop.log" || fail "no '--- SIGSTOP' line"
grep -q '^--- SIGCONT' "$T/stop.log" || fail "no '--- SIGCONT' line"

# Job control (Ctrl-Z = SIGTSTP to the whole foreground job, trace and the program; strace
# issue #96): a program with a SIGTSTP handler runs it and the job goes on; a program
# without one stops, trace stops with it (the shell sees the job stopped), and SIGCONT
# (fg) continues both. bash -c 'set -m' gives the job its own process group. Each step
# waits for what the last one caused (a line of the program, bash's wait returning as the
# job stops); the run_timeout bounds those waits.
if command -v bash > /dev/null; then
	run_timeout 20 bash -c 'set -m
		"$1" -o "$2/tstp.log" "$3/signals" tstp "$2/tstp.go" > "$2/tstp.out" 2>&1 & tp=$!
		until grep -q ready "$2/tstp.out"; do sleep 0.02; done
		kill -TSTP -$tp
		until grep -q "tstp " "$2/tstp.out"; do sleep 0.02; done
		ps -o stat= -p $tp > "$2/tstp.state"; kill -CONT -$tp 2>/dev/null
		touch "$2/tstp.go"; wait $tp' sh "$TRACE" "$T" "$P" 2> "$T/tstp.err"
	rc=$?
	[ $rc -eq 0 ] || { cat "$T/tstp.err" >&2; fail "exit status of a job whose program handles SIGTSTP: $rc"; }
	assert_eq "the program's SIGTSTP handler ran" "ready
tstp handled" "$(cat "$T/tstp.out")"
	case $(cat "$T/tstp.state") in T*) fail "trace stopped though the program handled SIGTSTP" ;; esac

	: > "$T/tstop.err"
	run_timeout 20 bash -c 'set -m
		"$1" -o "$2/tstop.log" "$3/signals" ticks "$2/tstop.go" > "$2/tstop.out" & tp=$!
		until [ -s "$2/tstop.out" ]; do sleep 0.02; done
		kill -TSTP -$tp
		wait $tp; echo $? > "$2/tstop.wait"
		ps -o stat= -p $tp > "$2/tstop.state"
		ps -o stat= --ppid $tp > "$2/tstop.cstate"
		n1=$(wc -l < "$2/tstop.out")
		sleep 0.3	# a window in which the stopped program must print nothing
		n2=$(wc -l < "$2/tstop.out")
		[ "$n1" = "$n2" ] || echo "ticks while stopped" > "$2/tstop.err"
		touch "$2/tstop.go"; kill -CONT -$tp; wait $tp' sh "$TRACE" "$T" "$P" 2> "$T/tstop.sh.err"
	rc=$?
	[ $rc -eq 0 ] || { cat "$T/tstop.sh.err" >&2; fail "exit status of a job stopped by SIGTSTP and continued: $rc"; }
	assert_eq "bash's wait when the job stops (128 + SIGTSTP)" 148 "$(cat "$T/tstop.wait")"
	[ ! -s "$T/tstop.err" ] || { cat "$T/tstop.err" >&2; fail "SIGTSTP did not stop the program"; }
	case $(cat "$T/tstop.state") in T*) ;; *) fail "trace did not stop with its program: $(cat "$T/tstop.state")" ;; esac
	case $(cat "$T/tstop.cstate") in [Tt]*) ;; *) fail "the program did not stop: $(cat "$T/tstop.cstate")" ;; esac
	assert_eq "ticks after SIGTSTP and SIGCONT" 60 "$(wc -l < "$T/tstop.out")"
	grep -q '^--- stopped by SIGTSTP ---' "$T/tstop.log" || fail "no '--- stopped by SIGTSTP ---' line"
else
	note "no bash: job control (SIGTSTP) not tested"
fi

# -f: a child left running in the background is still traced; trace ends when it ends
# (as strace does: documented), with the program's own status.
start=$(date +%s%N)
run_timeout 20 "$TRACE" -f -o "$T/bg.log" sh -c '"$1" 0.6 & exit 5' sh /bin/sleep
assert_eq "status of trace -f sh -c 'sleep &; exit 5'" 5 $?
[ $(( ($(date +%s%N) - start) / 1000000 )) -ge 500 ] || fail "trace -f did not wait for the background child"
[ "$(grep -c '+++ exited with' "$T/bg.log")" -eq 2 ] || fail "the background child's end is not shown"
pass "exit statuses and signals as untraced"
