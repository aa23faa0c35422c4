# tests/trace/lib-trace.sh: helpers for trace's integration tests (after tests/lib.sh).
TRACE=$B/tracer/trace
P=$B/tests/trace/progs

need_file "$TRACE" "tracer/trace was not built"
need_trace() {
	"$TRACE" -o /dev/null true 2>/dev/null ||
		skip "trace cannot trace here (ptrace not permitted: container or Yama ptrace_scope)"
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
# rows of the i386 table ("System call usage summary for 32 bit mode:") as "32:name".
counts() {
	awk '/^System call usage summary for 32 bit mode:/ { p = "32:" }
	     $1 ~ /^[0-9]+\.[0-9][0-9]$/ && $NF != "total" {
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
