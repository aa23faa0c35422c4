#!/bin/sh
# fcntl's lock commands: the struct flock as strace prints it, at entry for F_SETLK(W) and
# F_OFD_SETLK(W), at exit with l_pid for F_GETLK and F_OFD_GETLK.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/trace/lib-trace.sh"
. "$top_srcdir/tests/trace/lib-decode.sh"
need_strace
need_trace

same_as_strace fcntl fcntl \
	'fcntl(3, F_SETLK, {l_type=F_RDLCK, l_whence=SEEK_SET, l_start=1073741824, l_len=1}) = 0' \
	'fcntl(3, F_GETLK, {l_type=F_UNLCK, l_whence=SEEK_CUR, l_start=128, l_len=1, l_pid=0}) = 0' \
	'fcntl(3, F_OFD_SETLKW, {l_type=F_UNLCK, l_whence=SEEK_END, l_start=-1, l_len=0})' \
	'fcntl(3, F_OFD_GETLK, {l_type=F_UNLCK, l_whence=SEEK_SET, l_start=0, l_len=10, l_pid=0}) = 0' \
	'fcntl(3, F_SETLK, {l_type=0x7 /* F_??? */,'
pass "fcntl lock structs as strace prints them"
