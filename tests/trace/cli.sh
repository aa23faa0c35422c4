#!/bin/sh
# trace's command line: --help, --version, one-line errors (exit 2), PROGRAM not found
# (127) or not executable (126), -o FILE.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/trace/lib-trace.sh"

"$TRACE" --help > "$T/help" || fail "--help exited $?"
grep -q '^Usage: trace' "$T/help" || fail "--help has no usage line"
long=$(awk 'length > 80' "$T/help")
[ -z "$long" ] || fail "--help lines past 80 columns: $long"
"$TRACE" --version | grep -q '^trace' || fail "--version"
"$TRACE" -Q true 2> "$T/err"; assert_eq "bad option status" 2 $?
assert_eq "bad option message lines" 1 "$(wc -l < "$T/err")"
"$TRACE" -S bogus true 2> /dev/null; assert_eq "bad -S status" 2 $?
"$TRACE" 2> /dev/null; assert_eq "no program status" 2 $?
# A controlled PATH: an unsearchable directory in the inherited one would make it EACCES (126),
# as execvp(3) and env(1) do.
PATH=/usr/bin:/bin "$TRACE" execlab-no-such-program 2> "$T/err"; assert_eq "not found status" 127 $?
grep -q 'execlab-no-such-program: No such file or directory' "$T/err" || fail "not-found message"
touch "$T/noexec"
"$TRACE" "$T/noexec" 2> "$T/err"; assert_eq "not executable status" 126 $?
"$TRACE" -o /nonexistent/dir/x true 2> /dev/null; assert_eq "-o unwritable status" 1 $?
if [ -w /dev/full ]; then
	# A failing -o FILE is said once (strace repeats it for every line), not silently lost.
	"$TRACE" -o /dev/full true 2> "$T/err"
	assert_eq "-o /dev/full: error lines" 1 "$(grep -c 'trace: /dev/full: write error: No space left on device' "$T/err")"
fi
need_trace
"$TRACE" -o "$T/out" true || fail "trace -o FILE true failed"
grep -q '^execve(' "$T/out" || fail "-o FILE has no execve line"
grep -q '^+++ exited with 0 +++$' "$T/out" || fail "-o FILE has no exit line"
pass "command line"
