#!/bin/sh
# tests/trace/formats.sh: strace's file formats and line leaders, against strace 6.1's own
# output: -f -o FILE ("PID " on every line), -ff -o FILE (FILE.PID, no prefix), and the
# -t/-tt/-ttt, -r and -T times (compared by form: the values differ between any two runs).
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/trace/lib-trace.sh"
need_strace
need_trace
cd "$T" || fail "cd $T"
NORMALISE=$top_srcdir/tests/corpus/normalise
need_cmd python3 "tests/corpus/normalise compares per process"

# same NAME STRACE-LOG TRACE-LOG: the two -f logs are identical per process once what
# differs between two strace runs is removed.
same() {
	python3 "$NORMALISE" --compare "$2" "$3" > "$1.cmp"
	grep -q '^100\.00% identical' "$1.cmp" || { cat "$1.cmp" >&2; fail "$1: trace's log differs from strace's"; }
	grep -q '^100\.00% identical (0 of' "$1.cmp" && fail "$1: no lines compared"
}

# -f -o FILE: every line starts with the pid, left-aligned in 5 columns, then a space, even
# when one process is left (the first line, the last ones).
"$TRACE" -f -o f.trace "$P/forker" 2 > /dev/null || fail "trace -f -o forker exited $?"
"$STRACE" -f -o f.strace "$P/forker" 2 > /dev/null 2>&1 || fail "strace -f -o forker exited $?"
bad=$(grep -Evc '^([0-9]{5,} |[0-9]{1,4} +)' f.trace)
[ "$bad" = 0 ] || { cat f.trace >&2; fail "-f -o: $bad lines without strace's 'PID ' prefix"; }
grep -E '^[0-9]{1,4} ' f.trace | grep -Evq '^.{5} ' && fail "-f -o: a pid not padded to 5 columns"
same f-o f.strace f.trace

# On stderr strace's own form stays: "[pid N] " while more than one process is traced.
"$TRACE" -f "$P/forker" 2 2> f.stderr > /dev/null || fail "trace -f forker exited $?"
grep -Eq '^\[pid +[0-9]+\] ' f.stderr || fail "-f on stderr: no [pid N] prefix"
grep -Eq '^[0-9]+ ' f.stderr && fail "-f on stderr: a 'PID ' prefix, where strace prints none"
head -n 1 f.stderr | grep -q '^execve(' || fail "-f on stderr: the first line has a prefix"

# -ff -o FILE: one FILE.PID per process, its lines without a prefix.
mkdir ff-trace ff-strace
"$TRACE" -ff -o ff-trace/log "$P/forker" 2 > /dev/null || fail "trace -ff -o exited $?"
"$STRACE" -ff -o ff-strace/log "$P/forker" 2 > /dev/null 2>&1 || fail "strace -ff -o exited $?"
nt=$(ls ff-trace | wc -l) ns=$(ls ff-strace | wc -l)
assert_eq "-ff: number of FILE.PID files" "$ns" "$nt"
ls ff-trace | grep -Evq '^log\.[0-9]+$' && fail "-ff: a file not named FILE.PID: $(ls ff-trace)"
cat ff-trace/* | grep -Eq '^(\[pid|[0-9]+ )' && fail "-ff: a line with a pid prefix"
# Each file as strace's, its pids named by their order (the files' own and those in calls).
numbered() {
	i=0 script=
	for f in $(ls "$1" | sort -t . -k 2n); do
		i=$((i + 1))
		script="$script -e s/\\b${f#log.}\\b/PID$i/g"
	done
	for f in $(ls "$1" | sort -t . -k 2n); do
		echo "== file $((j = ${j:-0} + 1))"
		# A child's SIGCHLD reaches the parent before or after its wait4() returns,
		# as the scheduler has it (two strace runs differ too): not compared.
		# shellcheck disable=SC2086
		normalise < "$1/$f" | sed -E $script | grep -v '^--- SIGCHLD '
	done
}
numbered ff-trace > ff.trace
j=0
numbered ff-strace > ff.strace
diff -u ff.strace ff.trace >&2 || fail "-ff: the files differ from strace's (- strace, + trace)"
"$TRACE" -ff -c -o x true 2> ff-c.err && fail "-ff -o with -c accepted"

# Times: the same lines as strace's once each time is replaced by its form (and what
# differs between any two runs: pids, random bytes).
times() {
	normalise | sed -E \
		-e 's/^[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{6} /TT /' \
		-e 's/^[0-9]{2}:[0-9]{2}:[0-9]{2} /T /' \
		-e 's/^[0-9]{10}\.[0-9]{6} /TTT /' \
		-e 's/^(TT |TTT |T )?(\(\+)? {0,5}[0-9]+\.[0-9]{6}(\) )? ?/\1\2R\3/' \
		-e 's/ <[0-9]+\.[0-9]{6}>$/ <T>/' \
		-e 's/((set_tid_address|getppid)\(.*= )[0-9]+/\1PID/' \
		-e 's/getrandom\("[^"]*"/getrandom("BYTES"/'
}
for opts in -t -tt -ttt -r -T "-tt -r -T" "-ttt -T"; do
	# shellcheck disable=SC2086
	"$TRACE" $opts -o t.trace "$P/forker" 0 || fail "trace $opts exited $?"
	# shellcheck disable=SC2086
	"$STRACE" $opts -o t.strace "$P/forker" 0 || fail "strace $opts exited $?"
	times < t.trace > t.trace.n
	times < t.strace > t.strace.n
	diff -u t.strace.n t.trace.n >&2 || fail "trace $opts: lines differ from strace's (- strace, + trace)"
done
# -T's time is the call's: a 0.2 s sleep shows as at least 0.2 s.
"$TRACE" -T -e trace=clock_nanosleep,nanosleep -o sleep.trace sleep 0.2 ||
	fail "trace -T sleep exited $?"
grep -Eq 'nanosleep\(.* = 0 <0\.[2-9][0-9]{5}>$' sleep.trace || { cat sleep.trace >&2; fail "-T: no time of 0.2 s for the sleep"; }
pass "-f -o, -ff -o, -t/-tt/-ttt, -r and -T as strace prints them"
