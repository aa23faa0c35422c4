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
# of calls strace 6.1 cannot name are left out: its -c does not count them at all.
counts() {
	awk -v list="$STRACE61_DIFFERENCES" '
	BEGIN {
		while ((getline row < list) > 0) {
			split(row, f, "\t")
			if (f[1] == "syscall") { drop[f[2]] = 1; drop[f[3]] = 1 }
		}
	}
	/^System call usage summary for 32 bit mode:/ { p = "32:" }
	$1 ~ /^[0-9]+\.[0-9][0-9]$/ && $NF != "total" && !(p == "" && ($NF in drop)) {
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
