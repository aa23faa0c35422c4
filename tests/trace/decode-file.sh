#!/bin/sh
# umask's argument and result in octal (000), utimensat's UTIME_NOW/UTIME_OMIT and times,
# mknodat's mode and device.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/trace/lib-trace.sh"
. "$top_srcdir/tests/trace/lib-decode.sh"
need_strace
need_trace

same_as_strace file umask,utimensat,mknodat \
	'umask(022)                              = 000' \
	'utimensat(3, NULL, [UTIME_OMIT, {tv_sec=0, tv_nsec=0}], 0) = 0' \
	'utimensat(AT_FDCWD, "decode.tmp", [UTIME_NOW, UTIME_OMIT], AT_SYMLINK_NOFOLLOW) = 0' \
	'mknodat(AT_FDCWD, "decode.fifo", S_IFIFO|0600) = 0' \
	'mknodat(3, "decode.blk", S_IFBLK|S_ISUID|0755, makedev(0x103, 0x11170))' \
	'mknodat(AT_FDCWD, "decode.sock", 0777)'
pass "umask, utimensat and mknodat as strace prints them"
