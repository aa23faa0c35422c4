#!/bin/sh
# tests/trace/filter.sh: -e trace=LIST, -Z, the seccomp-bpf filter and --no-seccomp.
# For each filter and workload: trace's counts (seccomp path and ptrace-only path) equal
# `strace -f -c -e trace=...`, and no syscall outside the filter appears.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/trace/lib-trace.sh"
need_strace
need_trace

FILE_RE='open|openat|openat2|creat|access|faccessat|faccessat2|stat|lstat|newfstatat|statx|statfs|readlink|readlinkat|execve|execveat|chdir|unlink|unlinkat|rename|renameat|renameat2|mkdir|mkdirat|getcwd|truncate|chmod|fchmodat|chown|fchownat|utimensat|symlink|symlinkat|link|linkat|rmdir|mknod|mknodat|getxattr|lgetxattr|setxattr|listxattr|llistxattr|removexattr|statfs|fstatfs|umount2|mount|pivot_root|chroot|swapon|swapoff|quotactl|inotify_add_watch|fanotify_mark|name_to_handle_at|acct|uselib|utime|utimes|futimesat|lremovexattr|lsetxattr|getdents64|fstatfs'
for w in "ls -la /" "sh -c 'echo a|cat'" "$P/forker 5 /bin/true" "$P/execchain 3" \
	 "$P/execchain 3 thread"; do
	n=$(echo "$w" | tr -c 'a-z0-9\n' _ | cut -c1-30)
	eval "fparity oc_$n trace=openat,close 'openat|close' '' $w"
	eval "fparity file_$n trace=%file '' '' $w"
done
# the per-call lines too: only the selected calls (pid prefixes and +++/--- lines aside)
"$TRACE" -f -e trace=openat,close -o "$T/lines" sh -c 'ls / > /dev/null; cat /dev/null' ||
	fail "trace -f -e trace=openat,close exited $?"
sed -E 's/^[0-9]+ +//' "$T/lines" | grep -Ev '^(\+\+\+|---|<\.\.\. (openat|close) resumed>)' |
	sed -nE 's/^([a-z_0-9]+)\(.*/\1/p' | sort -u > "$T/lines.names"
printf 'close\nopenat\n' | diff -u - "$T/lines.names" >&2 ||
	fail "-e trace=openat,close: other calls in the lines"
# negation: everything but openat and close. rt_sigreturn's error and clone's count vary
# between strace's own runs of the pipeline (tests/trace/parity.sh says why).
fparity neg_pipe '!openat,close' '' 'clone|rt_sigreturn' sh -c 'echo a | cat'
fparity neg_forker 'trace=!openat,close' '' '' "$P/forker" 5 /bin/true
grep -Eq '^(openat|close) ' "$T/neg_forker.seccomp.n" && fail "! negation: openat/close counted"
# threads: futex varies with scheduling (parity.sh)
fparity threads trace=%process,getpid '' 'futex' "$P/threads" 4 200
# without -f, under the filter, threads and children are followed only silently: the
# counts are still those of the first thread alone, as strace -c without -f counts
for w in "$P/threads 4 100" "$P/forker 3 /bin/true"; do
	for f in 'trace=%process,getpid,openat' 'trace=!futex'; do
		# shellcheck disable=SC2086
		"$TRACE" -c -e "$f" -o "$T/nf.t" $w > /dev/null 2>&1 || fail "trace -c -e $f $w: $?"
		# shellcheck disable=SC2086
		"$STRACE" -c -e "$f" -o "$T/nf.s" $w > /dev/null 2>&1
		counts "$T/nf.s" > "$T/nf.s.n"
		counts "$T/nf.t" > "$T/nf.t.n"
		diff -u "$T/nf.s.n" "$T/nf.t.n" >&2 ||
			fail "without -f: trace -c -e $f $w differs from strace (- strace, + trace)"
	done
done
note "without -f: the first thread's counts equal strace's"
# without -f: the program's children are followed only for the filter, never shown
"$TRACE" -e trace=execve,exit_group -o "$T/nof" "$P/forker" 3 /bin/true > /dev/null 2>&1 ||
	fail "trace -e without -f on a forker exited $?"
[ "$(grep -c '^execve(' "$T/nof")" = 1 ] || { cat "$T/nof" >&2; fail "without -f: children shown"; }
grep -q '^\[pid' "$T/nof" && { cat "$T/nof" >&2; fail "without -f: [pid N] prefixes"; }

# group-stop under the filter: SIGSTOP stops the program (no ticks), SIGCONT resumes it
"$TRACE" -e trace=write -o "$T/stop.log" "$P/signals" ticks "$T/go" > "$T/ticks" &
tp=$!
wait_until 20 test -s "$T/ticks"
pid=$(pgrep -P $tp) || fail "no traced child found"
kill -STOP $pid
wait_until 20 has_stopped $pid
n1=$(wc -l < "$T/ticks")
sleep 0.3	# a window in which the stopped program must print nothing
n2=$(wc -l < "$T/ticks")
touch "$T/go"	# it waits for this half way: it was still ticking when stopped
kill -CONT $pid
wait $tp
assert_eq "ticks under the filter: exit status after STOP/CONT" 0 $?
assert_eq "ticks under the filter: ticks while stopped" "$n1" "$n2"
assert_eq "ticks under the filter: write lines" 60 "$(grep -c '^write(' "$T/stop.log")"

# unknown name: exit 2, naming it
"$TRACE" -e trace=openat,bogus_call true > /dev/null 2> "$T/err"
rc=$?
assert_eq "exit status for an unknown syscall" 2 "$rc"
grep -q "invalid system call 'bogus_call'" "$T/err" || { cat "$T/err" >&2; fail "message"; }

# -Z: only failed calls, as strace -Z prints them; -c still counts every call (strace 6.1)
"$TRACE" -Z -o "$T/z.trace" "$P/syscalls" 3 2 > /dev/null || fail "trace -Z exited $?"
"$STRACE" -Z -o "$T/z.strace" "$P/syscalls" 3 2 > /dev/null
strace_syscalls "$T/z.strace" > "$T/z.s"
strace_syscalls "$T/z.trace" > "$T/z.t"
diff -u "$T/z.s" "$T/z.t" >&2 || fail "-Z: trace's failed calls differ from strace -Z's"
[ "$(wc -l < "$T/z.t")" -ge 2 ] || fail "-Z: expected the 2 failing openat"
grep -v -- '^+++' "$T/z.trace" | grep -v '= -1 E' >&2 && fail "-Z printed a call that did not fail"
"$TRACE" -e status=failed -o "$T/z2.trace" "$P/syscalls" 3 2 > /dev/null
strace_syscalls "$T/z2.trace" | diff -u "$T/z.t" - >&2 || fail "-e status=failed differs from -Z"
fparity zc status=failed '' '' "$P/syscalls" 3 2

# --dump-filter names the selected syscall and exits 0
"$TRACE" -e trace=openat --dump-filter > "$T/dump" || fail "--dump-filter exited $?"
grep -q openat "$T/dump" || { cat "$T/dump" >&2; fail "--dump-filter does not name openat"; }
grep -q getppid "$T/dump" && fail "--dump-filter names getppid, which is not selected"
# the i386 section is there whatever the machine can run (the filter is the same everywhere)
grep -q '^# filter for arch x86 ' "$T/dump" || { cat "$T/dump" >&2; fail "--dump-filter has no i386 section"; }

pass "-e trace=, -Z, seccomp and --no-seccomp agree with strace"
