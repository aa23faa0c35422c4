# tests/trace/lib-decode.sh: comparing trace's decoding of progs/decode's calls with strace's
# (after tests/lib.sh and tests/trace/lib-trace.sh).
need_built "$P/decode" "make check builds tests/trace/progs/decode"

# same_as_strace MODE CALLS LINE...: `decode MODE`, traced with -e trace=CALLS by trace and by
# strace 6.1 in a scratch directory each, prints the same lines, after strace61_lines and
# normalise (and with netlink port ids, which are per process, as N). Each LINE is a line
# strace prints (a part of it, before normalising): the calls the test is
# about were made as it says, so an equal log means they were decoded as strace does.
same_as_strace() {
	local mode=$1 calls=$2 tool line
	shift 2
	for tool in trace strace; do
		mkdir "$T/$mode.$tool" || error "mkdir $T/$mode.$tool"
		if [ $tool = trace ]; then
			(cd "$T/$mode.$tool" && "$TRACE" -e trace="$calls" -o ../$mode.$tool.log \
				"$P/decode" "$mode") || fail "trace decode $mode exited $?"
		else
			(cd "$T/$mode.$tool" && "$STRACE" -e trace="$calls" -o ../$mode.$tool.log \
				"$P/decode" "$mode") || error "strace decode $mode exited $?"
		fi
		strace61_lines "$T/$mode.$tool.log" | normalise |
			sed -E 's/nl_pid=-?[0-9]+/nl_pid=N/' > "$T/$mode.$tool.n"
	done
	for line; do
		grep -qF -- "$line" "$T/$mode.strace.log" ||
			error "strace did not print '$line' (the test's expectation is wrong)"
	done
	diff -u "$T/$mode.strace.n" "$T/$mode.trace.n" >&2 ||
		fail "decode $mode: trace's lines differ from strace's (- strace, + trace)"
	note "decode $mode: $(wc -l < "$T/$mode.trace.n") lines as strace prints them"
}
