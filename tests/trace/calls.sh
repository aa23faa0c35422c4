#!/bin/sh
# Per-call lines: progs/calls performs known calls and writes the lines strace prints for
# them; trace's output must contain each, as strace's does (after normalising addresses).
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/trace/lib-trace.sh"
need_trace

cp "$P/calls" "$T/calls"
cd "$T" || fail "cd $T"
out=$("$TRACE" -o trace.log ./calls exp) || fail "calls under trace exited $?"
assert_eq "program output" hello "$out"
normalise < exp > exp.n
normalise < trace.log > trace.n
while IFS= read -r line; do
	grep -qxF -- "$line" trace.n || { cat trace.log >&2; fail "trace did not print: $line"; }
done < exp.n
# trace starts at the execve: nothing of its own start-up is shown.
head -n 1 trace.log | grep -q '^execve("./calls", \["./calls", "exp"\]' ||
	fail "first line is not the program's execve: $(head -n 1 trace.log)"
if [ -n "$STRACE" ] && "$STRACE" -o /dev/null true 2>/dev/null; then
	"$STRACE" -o strace.log ./calls exp2 > /dev/null
	sed 's/exp2/exp/' strace.log | normalise > strace.n
	while IFS= read -r line; do
		grep -qxF -- "$line" strace.n || fail "the expectation is not what strace prints: $line"
	done < exp.n
fi

# -f -o with two tracees: strace's "PID " prefixes, and <unfinished ...> / <... resumed> pairs. vfork
# holds the parent in its call until the child's execve: the pair is there however the two
# are scheduled.
"$TRACE" -f -o f.log "$P/vforker" 1 /bin/true || fail "vforker under trace -f failed"
grep -Evq '^[0-9]+ +' f.log && fail "a line without its 'PID ' prefix with -f -o"
grep -q '<unfinished \.\.\.>$' f.log || fail "no <unfinished ...> with -f"
grep -Eq '^[0-9]+ +<\.\.\. [a-z0-9_]+ resumed>' f.log || fail "no <... resumed>"
pass "per-call lines"
