#!/bin/sh
# What each libc adds: the freestanding hello makes 3 system calls counting its execve,
# glibc static more, glibc dynamic more still (strace counts them).
. "$top_srcdir/tests/lib.sh"
need_strace
count() { "$STRACE" -f -o "$T/$2.log" "$1" >/dev/null && strace_syscalls "$T/$2.log" | wc -l; }
for v in hello hello-glibc hello-glibc-static; do need_built "$B/nostd-demo/$v" "make builds it"; done
n0=$(count "$B/nostd-demo/hello" nostd)
n1=$(count "$B/nostd-demo/hello-glibc" glibc)
n2=$(count "$B/nostd-demo/hello-glibc-static" static)
note "syscalls (with execve): freestanding $n0, glibc static $n2, glibc dynamic $n1"
[ "$n0" -eq 3 ] || fail "freestanding hello made $n0 calls, expected 3"
[ "$n2" -gt "$n0" ] && [ "$n1" -gt "$n2" ] || fail "expected freestanding < static < dynamic"
pass "freestanding $n0 < glibc static $n2 < glibc dynamic $n1 system calls"
