#!/bin/sh
# tests/trace/io_uring.sh: io_uring_setup (the parameters and what the kernel fills in),
# io_uring_enter and io_uring_register's opcodes printed as strace prints them.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/trace/lib-trace.sh"
. "$top_srcdir/tests/trace/lib-lines.sh"
need_strace
need_trace

"$P/io_uring"
case $? in
0) ;;
77) skip "the kernel refuses io_uring_setup here (io_uring disabled)" ;;
*) error "tests/trace/progs/io_uring failed untraced" ;;
esac
same_lines io_uring 'io_uring_setup,io_uring_enter,io_uring_register' "$P/io_uring"
pass "io_uring lines as strace prints them"
