# tests/trace/lib-lines.sh: a test program's lines of some calls, printed by trace and by
# strace, compared as strace 6.1 would print them (after tests/trace/lib-trace.sh).

# same_lines NAME SET CMD...: `trace -e trace=SET` and `strace -e trace=SET` of CMD print
# the same lines after strace61_lines and normalise (addresses the kernel chose); each
# line of LINES_VARY (a sed -E program, default none) is applied to both first, for what
# differs between two runs of CMD. Fails on no line at all, or when the exits differ.
same_lines() {
	local name=$1 set=$2; shift 2
	run_timeout 60 "$TRACE" -e trace="$set" -o "$T/$name.trace" "$@" > /dev/null 2>&1 < /dev/null
	local rc1=$?
	run_timeout 60 "$STRACE" -e trace="$set" -o "$T/$name.strace" "$@" > /dev/null 2>&1 < /dev/null
	local rc2=$?
	[ $rc1 -eq $rc2 ] || { cat "$T/$name.strace" "$T/$name.trace" >&2
		fail "$name: trace exited $rc1, strace $rc2"; }
	for k in trace strace; do
		strace61_lines "$T/$name.$k" | sed -E -e "${LINES_VARY:-}" | normalise > "$T/$name.$k.n"
	done
	[ -s "$T/$name.strace.n" ] || fail "$name: strace printed no line"
	diff -u "$T/$name.strace.n" "$T/$name.trace.n" >&2 ||
		fail "$name: trace's lines differ from strace's (- strace, + trace)"
	note "$name: $(grep -c '(' "$T/$name.trace.n") lines as strace prints them"
}
