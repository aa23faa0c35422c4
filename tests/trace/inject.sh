#!/bin/sh
# -e inject=SET:error=ERRNO|retval=N[:when=EXPR]: the selected calls do not run and return
# -ERRNO or N, their lines end in " (INJECTED)", and the program sees what it sees under
# strace 6.1: with and without the seccomp filter, with -f in children.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/trace/lib-trace.sh"
need_strace
need_trace

# Every openat fails: cat cannot load libc, and says so as under strace.
same_run_as_strace enoent -e inject=openat:error=ENOENT -- cat /etc/passwd
grep -qF 'openat(AT_FDCWD, "/etc/ld.so.cache", O_RDONLY|O_CLOEXEC) = -1 ENOENT (No such file or directory) (INJECTED)' \
	"$T/enoent.strace.log" || error "strace did not inject openat as expected"
grep -qF 'cannot open shared object file' "$T/enoent.trace.out" ||
	fail "cat did not fail to load libc under trace"
diff -u "$T/enoent.strace.out" "$T/enoent.trace.out" >&2 || fail "cat fails differently under trace"

# A success value, from the second call on (when=2+), through the seccomp filter.
same_run_as_strace retval -e trace=openat -e inject=openat:retval=42:when=2+ -- cat /etc/passwd
grep -qF '= 42 (INJECTED)' "$T/retval.strace.log" || error "strace did not inject retval=42"

# The same without the filter: every call stops.
"$TRACE" --no-seccomp -o "$T/noseccomp.log" -e trace=openat -e inject=openat:retval=42:when=2+ \
	cat /etc/passwd > /dev/null 2>&1 < /dev/null
diff -u "$T/retval.trace.log" "$T/noseccomp.log" >&2 || fail "--no-seccomp injects differently"

# A range, a step, a number for the errno; a call not traced (trace=close) is not tampered
# with, as strace 6.1 does (every openat would fail: cat would not even start).
same_run_as_strace range -e trace=openat,close -e inject=openat:error=EACCES:when=2..3 -- cat /etc/passwd
same_run_as_strace step -e trace=openat -e inject=openat:error=13:when=1+2 -- cat /etc/passwd
same_run_as_strace hidden -e trace=close -e inject=openat:error=ENOENT -- cat /etc/passwd
[ -s "$T/hidden.trace.out" ] || fail "hidden: cat printed nothing: an untraced openat was tampered with"
grep -qF '(INJECTED)' "$T/step.trace.log" || fail "no (INJECTED) line with when=1+2"

# -f: each child counts its own calls (the third openat of each cat fails). Whether a
# child's SIGCHLD comes before or after the shell's next line is the scheduler's: not shown.
same_run_as_strace fork -f -e trace=openat,execve -e signal=none \
	-e inject=openat:error=ENOENT:when=3 -- \
	sh -c 'cat /etc/hostname; cat /etc/hostname'
[ "$(grep -c 'ENOENT (No such file or directory) (INJECTED)' "$T/fork.trace.log")" = 2 ] ||
	fail "-f: the third openat of each child was not injected"

# strace's errors for a bad rule.
for bad in openat:error=EFOO openat:when=2 openat:error=ENOENT:when=x openat:error=1:retval=2; do
	"$TRACE" -e inject=$bad true 2> "$T/bad.err" && fail "inject=$bad accepted"
	grep -qF "trace: invalid inject argument '$bad'" "$T/bad.err" ||
		fail "inject=$bad: $(cat "$T/bad.err")"
done
pass "-e inject= as strace 6.1 does it"
