#!/bin/sh
# waitid: the id type (P_PID, P_ALL, P_PGID, P_PIDFD with its fd, an unknown one), the
# child's siginfo ("{}" when WNOHANG found none), the options, the rusage (all of it with
# -v); in each -X style.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/trace/lib-trace.sh"
. "$top_srcdir/tests/trace/lib-decode.sh"
need_strace
need_trace

# What differs between two runs: the children's pids and their CPU times and counts.
vary() {
	normalise | sed -E -e 's/^(waitid\(P_PID|waitid\(0x1( \/\* P_PID \*\/)?), [0-9]+/\1, N/' \
		-e 's/(tv_usec|ru_[a-z]+)=[0-9]+/\1=N/g' \
		-e 's/si_([us])time=[0-9]+( \/\* [0-9.]+ s \*\/)?/si_\1time=T/g'
}
for style in abbrev raw verbose v; do
	opt="-X $style"
	[ $style = v ] && opt=-v
	for tool in trace strace; do
		mkdir "$T/$style.$tool" || error "mkdir $T/$style.$tool"
		# shellcheck disable=SC2086
		if [ $tool = trace ]; then
			(cd "$T/$style.$tool" && "$TRACE" $opt -e trace=waitid \
				-o ../$style.$tool.log "$P/decode" waitid) || fail "trace exited $?"
		else
			(cd "$T/$style.$tool" && "$STRACE" $opt -e trace=waitid \
				-o ../$style.$tool.log "$P/decode" waitid) || error "strace exited $?"
		fi
		grep '^waitid(' "$T/$style.$tool.log" | strace61_lines | vary \
			> "$T/$style.$tool.n"
	done
	[ "$(wc -l < "$T/$style.strace.n")" -ge 7 ] || error "strace printed too few waitid lines"
	diff -u "$T/$style.strace.n" "$T/$style.trace.n" >&2 ||
		fail "waitid $opt: trace's lines differ from strace's (- strace, + trace)"
done
for line in 'waitid(P_ALL, 0, {}, WNOHANG|WEXITED|WSTOPPED|WCONTINUED, NULL) = 0' \
	'waitid(0x4d /* P_??? */, 0, NULL, __WCLONE, NULL) = -1 EINVAL (Invalid argument)' \
	', si_code=CLD_KILLED, si_pid=N, si_uid=' 'WEXITED|__WALL, {ru_utime={tv_sec=0, tv_usec=N}'; do
	grep -qF -- "$line" "$T/abbrev.trace.n" || fail "trace did not print '$line'"
done
grep -Fq 'ru_stime={tv_sec=0, tv_usec=N}, ru_maxrss=N, ru_ixrss=N,' "$T/v.trace.n" ||
	fail "-v: rusage not in full"
grep -Eq '^waitid\(P_PIDFD, [0-9]+, \{si_signo=SIGCHLD' "$T/abbrev.trace.n" ||
	fail "no P_PIDFD waitid"
pass "waitid as strace prints it"
