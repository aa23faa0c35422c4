#!/bin/sh
# A program whose `int $0x80` faults (machines where 64-bit code may not make i386 calls)
# dies under trace as it dies untraced: the same status, and the same last lines as
# strace's (the signal, then "+++ killed by SIGSEGV +++"). Where int $0x80 works the same
# comparison holds with a normal exit, so this test needs no probe of its own.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/trace/lib-trace.sh"
need_strace
need_trace
ulimit -c 0 2> /dev/null

"$P/int80" 2 > /dev/null 2>&1
native=$?
for opts in "" "-f" "-e trace=getpid" "-f -e trace=openat"; do
	# shellcheck disable=SC2086
	run_timeout 20 "$TRACE" $opts -o "$T/t.log" "$P/int80" 2 > /dev/null 2>&1
	rc=$?
	assert_eq "exit status of trace $opts int80 (untraced: $native)" "$native" "$rc"
	# shellcheck disable=SC2086
	run_timeout 20 "$STRACE" $opts -o "$T/s.log" "$P/int80" 2 > /dev/null 2>&1
	tail -n 2 "$T/s.log" | sed -E 's/^[0-9]+ +//' > "$T/s.tail"
	tail -n 2 "$T/t.log" | sed -E 's/^(\[pid +[0-9]+\] |[0-9]+ +)//' > "$T/t.tail"
	diff -u "$T/s.tail" "$T/t.tail" >&2 ||
		fail "trace $opts int80: the last lines differ from strace's (- strace, + trace)"
done
if [ "$native" -eq 139 ]; then
	grep -q '^+++ killed by SIGSEGV' "$T/t.tail" || fail "no '+++ killed by SIGSEGV' line"
	note "int \$0x80 faults here: trace reports SIGSEGV and passes it on, as strace does"
else
	note "int \$0x80 works here (exit $native): trace exits as the program does"
fi
pass "a program dying on int \$0x80 dies the same way under trace"
