#!/bin/sh
# tests/trace/statfs.sh: statfs and fstatfs results printed as strace prints them, f_flags
# in strace's order (ST_VALID first): a tmpfs mounted with many flags, and a few others.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/trace/lib-trace.sh"
. "$top_srcdir/tests/trace/lib-lines.sh"
need_strace
need_trace
need mountns "a tmpfs with many flags is mounted in a private mount namespace"

mkdir "$T/mnt"
# (free blocks and inodes change between the two runs on a live file system)
LINES_VARY='s/(f_bfree|f_bavail|f_ffree)=[0-9]+/\1=N/g'
same_lines statfs 'statfs,fstatfs' "$P/statfs" -m "$T/mnt" /proc /sys /dev/shm / /tmp
grep -q 'f_flags=ST_VALID|ST_RDONLY|ST_NOSUID|ST_NODEV|ST_NOEXEC|ST_SYNCHRONOUS|ST_NOATIME|ST_NODIRATIME}' \
	"$T/statfs.trace" || fail "the tmpfs's flags are not all shown: $(head -n 1 "$T/statfs.trace")"
pass "statfs lines as strace prints them"
