# tests/trace/lib-trace.sh: helpers for trace's integration tests (after tests/lib.sh).
TRACE=$B/tracer/trace
P=$B/tests/trace/progs

need_built "$TRACE" "make builds tracer/trace"
# need_trace: the machine lets a process trace its children (asked of tests/probe/probe,
# never of trace: a broken trace must fail, not skip). Then trace must work: a trace that
# cannot trace /bin/true here is a hard error.
need_trace() {
	need ptrace "trace cannot trace here"
	"$TRACE" -o /dev/null true 2> "$T/need_trace.err" ||
		error "ptrace works here but \`trace true\` failed: $(head -n 1 "$T/need_trace.err")"
}

# ---- strace 6.1 as the oracle ----
# Every way trace may differ from strace 6.1 is a row of this list (names and flags newer
# than strace 6.1); comparisons ignore exactly these, through strace61_lines and counts.
STRACE61_DIFFERENCES=$S/tests/trace/strace-6.1-differences

# strace61_lines < LOG: a strace -o / trace -o log as strace 6.1 would print it: lines of
# calls strace 6.1 does not name are left out (it prints six raw arguments there), and
# each listed text is replaced by strace 6.1's. Pid prefixes are kept.
strace61_lines() {
	awk -F '\t' -v list="$STRACE61_DIFFERENCES" '
	BEGIN {
		while ((getline row < list) > 0) {
			if (row ~ /^#/ || row == "")
				continue
			split(row, f, "\t")
			if (f[1] == "syscall") { drop[f[2]] = 1; drop[f[3]] = 1 }
			else if (f[1] == "text") { n++; from[n] = f[2]; to[n] = f[3] }
		}
	}
	{
		line = $0
		call = line
		sub(/^(\[pid +[0-9]+\] |[0-9]+ +)/, "", call)
		sub(/^<\.\.\. /, "", call)
		if (match(call, /^[a-z_0-9]+[( ]/) && (substr(call, 1, RLENGTH - 1) in drop))
			next
		for (i = 1; i <= n; i++)
			while ((p = index(line, from[i])) > 0)
				line = substr(line, 1, p - 1) to[i] substr(line, p + length(from[i]))
		print line
	}' "$@"
}

# without_lsan CMD...: CMD with LeakSanitizer off, for a trace that runs as another trace's
# tracee (`trace -f trace ...`): LSan cannot work in a ptraced process and would report a
# fatal error at its exit instead. No effect on a build without --enable-sanitizers.
without_lsan() (
	ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"
	export ASAN_OPTIONS
	"$@"
)

# counts TABLE-FILE: "name calls errors" per row of a -c table (strace's or trace's), sorted;
# rows of the i386 table ("System call usage summary for 32 bit mode:") as "32:name". Rows
# of calls strace 6.1 cannot name are left out: its -c does not count them at all. A row
# whose time was not measured (--engine=bpf without -w) starts with "-" instead of a %.
counts() {
	awk -v list="$STRACE61_DIFFERENCES" '
	BEGIN {
		while ((getline row < list) > 0) {
			split(row, f, "\t")
			if (f[1] == "syscall") { drop[f[2]] = 1; drop[f[3]] = 1 }
		}
	}
	/^System call usage summary for 32 bit mode:/ { p = "32:" }
	($1 ~ /^[0-9]+\.[0-9][0-9]$/ || $1 == "-") && $NF != "total" && !(p == "" && ($NF in drop)) {
		print p $NF, $4, (NF == 6 ? $5 : 0) }' "$1" | sort
}

# parity NAME TOLERATED CMD...: `trace -f -c` and `strace -f -c` of CMD count the same calls
# and errors per syscall, except the syscalls in TOLERATED (a regex, or "" for none), for
# which strace itself differs between runs (the caller says why).
parity() {
	local name=$1 tol=$2; shift 2
	run_timeout 120 "$TRACE" -f -c -o "$T/$name.trace" "$@" > /dev/null 2>&1 < /dev/null
	local rc1=$?
	run_timeout 120 "$STRACE" -f -c -o "$T/$name.strace" "$@" > /dev/null 2>&1 < /dev/null
	local rc2=$?
	[ $rc1 -eq $rc2 ] || fail "$name: trace exited $rc1, strace $rc2"
	counts "$T/$name.trace" > "$T/$name.t"
	counts "$T/$name.strace" > "$T/$name.s"
	[ -s "$T/$name.s" ] || fail "$name: no strace table"
	if [ -n "$tol" ]; then
		grep -Ev "^($tol) " "$T/$name.t" > "$T/$name.t2"; mv "$T/$name.t2" "$T/$name.t"
		grep -Ev "^($tol) " "$T/$name.s" > "$T/$name.s2"; mv "$T/$name.s2" "$T/$name.s"
	fi
	if ! diff -u "$T/$name.s" "$T/$name.t" >&2; then
		cat "$T/$name.trace" >&2
		fail "$name: trace -f -c counts differ from strace -f -c (- strace, + trace)"
	fi
	note "$name: $(wc -l < "$T/$name.t") syscalls agree${tol:+ (tolerated: $tol)}"
}

# fparity NAME FILTER ALLOWED TOLERATED CMD...: trace -f -c -e FILTER, with and without the
# seccomp filter, counts what strace -f -c -e FILTER counts; every row matches ALLOWED (a
# regex over names, "" to skip); TOLERATED as in parity().
fparity() {
	local name=$1 f=$2 allowed=$3 tol=$4; shift 4
	run_timeout 60 "$TRACE" -f -c -e "$f" -o "$T/$name.seccomp" "$@" > /dev/null 2>&1 < /dev/null
	run_timeout 60 "$TRACE" --no-seccomp -f -c -e "$f" -o "$T/$name.ptrace" "$@" \
		> /dev/null 2>&1 < /dev/null
	run_timeout 60 "$STRACE" -f -c -e "$f" -o "$T/$name.strace" "$@" > /dev/null 2>&1 < /dev/null
	for k in seccomp ptrace strace; do
		counts "$T/$name.$k" > "$T/$name.$k.n"
		[ -n "$tol" ] && { grep -Ev "^($tol) " "$T/$name.$k.n" > "$T/x"; mv "$T/x" "$T/$name.$k.n"; }
	done
	[ -s "$T/$name.strace.n" ] || fail "$name: no strace table"
	diff -u "$T/$name.strace.n" "$T/$name.seccomp.n" >&2 ||
		fail "$name: trace -e $f (seccomp) counts differ from strace (- strace, + trace)"
	diff -u "$T/$name.seccomp.n" "$T/$name.ptrace.n" >&2 ||
		fail "$name: trace -e $f: seccomp and --no-seccomp counts differ"
	if [ -n "$allowed" ] && grep -Ev "^($allowed) " "$T/$name.seccomp.n" >&2; then
		fail "$name: syscalls outside -e $f in trace's table"
	fi
	note "$name: -e $f: $(wc -l < "$T/$name.seccomp.n") syscalls agree (seccomp, ptrace, strace)"
}

# ---- Processes: read from /proc; one session per test; nothing left stopped or a zombie ----

# proc_stat PID: sets STAT_STATE (R, S, T, t, Z...), STAT_PPID, STAT_SID and STAT_COMM from
# /proc/PID/stat; fails if PID is gone. The numbers are read after the last ')', since the
# command name in parentheses may hold anything.
proc_stat() {
	local line
	case $1 in '' | *[!0-9]*) return 1 ;; esac
	read -r line 2>/dev/null < "/proc/$1/stat" || return 1
	STAT_COMM=${line#*(}
	STAT_COMM=${STAT_COMM%)*}
	# shellcheck disable=SC2086
	set -- ${line##*)}
	STAT_STATE=$1 STAT_PPID=$2 STAT_SID=$4
}

# proc_state PID: PID's one-letter state, nothing if it is gone.
proc_state() { proc_stat "$1" && echo "$STAT_STATE"; }

# gone PID: PID has ended (a zombie has: only its exit status is left to collect).
gone() { ! proc_stat "$1" || [ "$STAT_STATE" = Z ]; }

# tracer_of PID: the pid of PID's tracer, 0 if none.
tracer_of() { sed -n 's/^TracerPid:[[:space:]]*//p' "/proc/$1/status" 2>/dev/null; }

# sig_in PID FIELD SIGNUM: signal SIGNUM (1-32) is in the mask FIELD of /proc/PID/status
# (SigCgt: has a handler; SigPnd, ShdPnd: pending for the thread, for the process).
sig_in() {
	local mask
	mask=$(sed -n "s/^$2:[[:space:]]*//p" "/proc/$1/status" 2>/dev/null)
	[ -n "$mask" ] && [ $(( 0x${mask#????????} >> ($3 - 1) & 1 )) = 1 ]
}

# has_stopped PID: the SIGSTOP sent to PID has taken effect: no longer pending, and PID in a
# stop (T; t under a tracer, which holds it there until SIGCONT). From then on it runs
# none of its own code; one that still does is not stopped, and a test may say so.
has_stopped() {
	! sig_in "$1" ShdPnd 19 && ! sig_in "$1" SigPnd 19 &&
		case $(proc_state "$1") in [Tt]) true ;; *) false ;; esac
}

# Each test is the leader of a session of its own, so that its processes, and only they,
# are found by their session id (field 6 of /proc/PID/stat) whoever else runs jobs on the
# machine. A tracee trace fails to let go stays stopped (T, or t) for ever, and a process
# nobody reaps stays a zombie: bugs no exit status shows. At the end any such process of
# the session fails the test; every process still in it is killed.
if proc_stat $$ && [ "$STAT_SID" != $$ ]; then
	command -v setsid > /dev/null ||
		fail "setsid (util-linux) is needed: each test runs in a session of its own"
	session_shell=$(readlink /proc/$$/exe) || fail "cannot tell which shell runs $0"
	# Out of the terminal's session, Ctrl-C no longer reaches the test: instead it gets
	# SIGTERM when the harness (its parent) dies, and ends as below.
	pdeathsig=
	command -v setpriv > /dev/null && pdeathsig="setpriv --pdeathsig TERM"
	rm -rf "$T"	# the run in the new session makes its own
	# -w: if this shell leads a process group, setsid forks; its status is the test's.
	# shellcheck disable=SC2086
	case $- in
	*x*) exec setsid -w $pdeathsig "$session_shell" -x "$0" "$@" ;;
	*) exec setsid -w $pdeathsig "$session_shell" "$0" "$@" ;;
	esac
fi
# SIGTERM ends the test through its EXIT trap, so that the check below still kills what the
# test started.
trap 'exit 143' TERM

# session_leftovers: the end-of-test check above (for at_exit). This shell is left out, and
# so are its own zombie children: the shell's exit hands them to init, which reaps them.
# So are zombies whose parent is not of the test (orphans: init reaps them, in its own
# time), and processes in a tracing stop by a tracer outside the session (the whole test
# run under strace).
session_leftovers() {
	local f pid state ppid comm args tracer bad=0 all=
	for f in /proc/[0-9]*/stat; do
		pid=${f#/proc/}
		pid=${pid%/stat}
		[ "$pid" != $$ ] && proc_stat "$pid" && [ "$STAT_SID" = $$ ] || continue
		state=$STAT_STATE ppid=$STAT_PPID comm=$STAT_COMM
		all="$all $pid"
		args=$(tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null)
		case $state in
		T) ;;
		t) tracer=$(tracer_of "$pid")
		   proc_stat "$tracer" && [ "$STAT_SID" != $$ ] && continue ;;
		Z) [ "$ppid" != $$ ] && proc_stat "$ppid" && [ "$STAT_SID" = $$ ] || continue ;;
		*) note "still running at the end, killed: pid $pid: ${args:-[$comm]}"; continue ;;
		esac
		echo "FAIL: left behind: pid $pid, state $state, parent $ppid: ${args:-[$comm]}" >&2
		bad=1
	done
	# shellcheck disable=SC2086
	[ -z "$all" ] || kill -KILL $all 2>/dev/null
	return $bad
}
at_exit session_leftovers

# same_run_as_strace NAME OPTION... -- PROGRAM [ARG...]: trace and strace 6.1, each with the
# options and -o, run PROGRAM the same way: equal logs (after strace61_lines and normalise,
# -f -o's pid prefixes as "PID ", the times in a SIGCHLD's siginfo as N) and equal exit
# statuses. The logs are $T/NAME.trace.log and $T/NAME.strace.log; what the program (and
# the tool) wrote, $T/NAME.trace.out and $T/NAME.strace.out.
same_run_as_strace() {
	local name=$1 rt rs tool
	shift
	"$TRACE" -o "$T/$name.trace.log" "$@" > "$T/$name.trace.out" 2>&1 < /dev/null
	rt=$?
	"$STRACE" -o "$T/$name.strace.log" "$@" > "$T/$name.strace.out" 2>&1 < /dev/null
	rs=$?
	assert_eq "$name: exit status" "$rs" "$rt"
	for tool in trace strace; do
		strace61_lines "$T/$name.$tool.log" | normalise |
			sed -E 's/^[0-9]+ +/PID /; s/si_([us])time=[0-9]+( \/\* [0-9.]+ s \*\/)?/si_\1time=N/' \
			> "$T/$name.$tool.n"
	done
	diff -u "$T/$name.strace.n" "$T/$name.trace.n" >&2 ||
		fail "$name: trace's lines differ from strace's (- strace, + trace)"
}
