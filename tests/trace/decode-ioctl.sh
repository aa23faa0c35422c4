#!/bin/sh
# ioctl requests that take no argument print none (FIOCLEX, TIOCEXCL, ...); TIOCSCTTY and
# TCSBRK(P) print theirs as a number.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/trace/lib-trace.sh"
. "$top_srcdir/tests/trace/lib-decode.sh"
need_strace
need_trace

same_as_strace ioctl ioctl \
	'ioctl(3, FIOCLEX) ' 'ioctl(3, FIONCLEX) ' 'ioctl(3, TIOCEXCL) ' 'ioctl(3, TIOCNXCL) ' \
	'ioctl(3, TIOCVHANGUP) ' 'ioctl(3, TIOCSCTTY, -1) ' 'ioctl(3, TCSBRKP, 5) '
pass "ioctl requests without an argument as strace prints them"
