#!/bin/sh
# tests/trace/leftovers.sh: the end-of-test check of tests/trace/lib-trace.sh. A test runs
# in a session of its own; one that leaves a process stopped (T, or t under trace) or a
# zombie nobody reaps fails, even if it was passing or skipping, and names the process;
# nothing of it is left; a tidy test keeps its own status; one whose harness dies ends.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/trace/lib-trace.sh"

shell=$(readlink /proc/$$/exe) || fail "cannot tell which shell runs $0"

# inner NAME STATUS BODY: runs a test made of the libraries and BODY that exits STATUS, as
# its own process (so in a session of its own), with $1 = a directory for what it wants
# to tell. Leaves its stdout and stderr in $T/NAME.out, sets RC to its exit status.
inner() {
	local name=$1 status=$2
	mkdir -p "$T/$name"
	printf '%s\n' '. "$top_srcdir/tests/lib.sh"' '. "$top_srcdir/tests/trace/lib-trace.sh"' \
		'proc_stat $$; echo "$$ $STAT_SID" > "$1/session"' "$3" 'exit $2' > "$T/$name.sh"
	run_timeout 60 env top_srcdir="$S" top_builddir="$B" \
		"$shell" "$T/$name.sh" "$T/$name" "$status" > "$T/$name.out" 2>&1
	RC=$?
}

# expect_leftover NAME STATE: the inner test NAME failed, naming the process whose pid it
# wrote to NAME/pid, in STATE; that process is no longer there.
expect_leftover() {
	local pid
	pid=$(cat "$T/$1/pid")
	[ $RC -eq 1 ] || { cat "$T/$1.out" >&2; fail "$1: exit status $RC, expected 1"; }
	grep -q "^FAIL: left behind: pid $pid, state $2," "$T/$1.out" ||
		{ cat "$T/$1.out" >&2; fail "$1: pid $pid (state $2) not reported"; }
	# Killed: gone, or a zombie whose parent ended (init's to reap).
	wait_until 20 gone "$pid"
	note "$1: reported and killed: $(grep '^FAIL: left behind' "$T/$1.out" | head -n 1)"
}

# Own session: the inner test leads one, which is not this test's.
inner tidy 0 '/bin/true & wait'
assert_eq "exit status of a tidy test" 0 $RC
read -r ipid isid < "$T/tidy/session"
assert_eq "session of a test" "$ipid" "$isid"
[ "$isid" != $$ ] || fail "the inner test ran in this test's session"
inner tidy-skip 77 'sh -c "exit 0" & wait'
assert_eq "exit status of a tidy test that skips" 77 $RC

# A stopped process fails a passing test, and a skipping one.
stopped='/bin/sleep 60 &
echo $! > "$1/pid"
sleeping() { proc_stat "$1" && [ "$STAT_COMM" = sleep ]; }
wait_until 20 sleeping $!
kill -STOP $!
wait_until 20 has_stopped $!'
inner stopped 0 "$stopped"
expect_leftover stopped T
inner stopped-skip 77 "$stopped"
expect_leftover stopped-skip T

# A zombie whose parent, still running, never reaps it; the parent is killed too.
inner zombie 0 'd=$1
"$P/loop" "$d/zp" 60 zombie &
zombie() { z=$(pgrep -P $!) && [ "$(proc_state "$z")" = Z ] && echo "$z" > "$d/pid"; }
wait_until 20 zombie'
expect_leftover zombie Z
grep -q "still running at the end, killed: pid [0-9]*: $P/loop" "$T/zombie.out" ||
	{ cat "$T/zombie.out" >&2; fail "zombie: its parent was not killed"; }

# Its harness gone (make interrupted: Ctrl-C no longer reaches the test's session), a test
# ends at once and kills what it started.
if command -v setpriv > /dev/null; then
	mkdir "$T/orphan"
	printf '%s\n' '. "$top_srcdir/tests/lib.sh"' '. "$top_srcdir/tests/trace/lib-trace.sh"' \
		'/bin/sleep 60 & echo $! > "$1/pid"' 'wait' > "$T/orphan.sh"
	env top_srcdir="$S" top_builddir="$B" sh -c '"$1" "$2" "$3" & wait' sh \
		"$shell" "$T/orphan.sh" "$T/orphan" > "$T/orphan.out" 2>&1 &
	harness=$!
	wait_until 20 test -s "$T/orphan/pid"
	kill -KILL $harness
	wait $harness
	wait_until 20 gone "$(cat "$T/orphan/pid")"
	note "orphan: $(grep 'still running' "$T/orphan.out")"
else
	note "no setpriv: a test whose harness dies runs on to its end"
fi

# A tracee left stopped under a running trace (t).
need_trace
inner traced 0 '"$TRACE" -o /dev/null /bin/sleep 60 &
sleeping() { c=$(pgrep -P $!) && proc_stat "$c" && [ "$STAT_COMM" = sleep ]; }
wait_until 20 sleeping
echo "$c" > "$1/pid"
kill -STOP "$c"
wait_until 20 has_stopped "$c"'
expect_leftover traced t
pass "leftover processes fail the test and are killed; tidy tests keep their status"
