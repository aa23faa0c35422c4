#!/bin/sh
# The same hello.c built against glibc (dynamic, static) and musl prints the same text and
# exits 0; the libc versions make more system calls than the freestanding one.
. "$top_srcdir/tests/lib.sh"

for v in hello hello-glibc hello-glibc-static hello-musl; do
	p=$B/nostd-demo/$v
	if [ ! -x "$p" ]; then
		[ $v = hello-musl ] && { note "hello-musl not built (musl-gcc missing): skipped"; continue; }
		fail "$p was not built"
	fi
	out=$(run_timeout 10 "$p") || fail "$v exited with $?"
	assert_eq "$v output" "hello, world" "$out"
done
file_type() { od -An -t u2 -j 16 -N 2 "$1" | tr -d ' '; }	# e_type
assert_eq "hello is ET_EXEC" 2 "$(file_type "$B/nostd-demo/hello")"
assert_eq "hello-glibc is ET_DYN (PIE)" 3 "$(file_type "$B/nostd-demo/hello-glibc")"

if [ -n "$STRACE" ] && "$STRACE" -o /dev/null true 2>/dev/null; then
	count() { "$STRACE" -f -o "$T/$2.log" "$1" >/dev/null && strace_syscalls "$T/$2.log" | wc -l; }
	n0=$(count "$B/nostd-demo/hello" nostd)
	n1=$(count "$B/nostd-demo/hello-glibc" glibc)
	n2=$(count "$B/nostd-demo/hello-glibc-static" static)
	note "syscalls (with execve): freestanding $n0, glibc static $n2, glibc dynamic $n1"
	[ "$n0" -eq 3 ] || fail "freestanding hello made $n0 calls, expected 3"
	[ "$n2" -gt "$n0" ] && [ "$n1" -gt "$n2" ] || fail "expected freestanding < static < dynamic"
fi
pass "hello variants"
