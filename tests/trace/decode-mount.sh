#!/bin/sh
# unshare's flags, mount's flags (and the strings it ignores), umount2's flags: as root in a
# mount namespace of the test program's own.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/trace/lib-trace.sh"
. "$top_srcdir/tests/trace/lib-decode.sh"
need_strace
need_trace
need root "mount needs root"
need mountns "the program mounts in a mount namespace of its own"

same_as_strace mount unshare,mount,umount2 \
	'unshare(CLONE_NEWNS|CLONE_NEWUTS) ' \
	'unshare(0x4 /* CLONE_??? */) ' \
	'mount("none", "/", NULL, MS_REC|MS_PRIVATE, NULL) = 0' \
	'mount("proc", "decode.mnt", "proc", MS_NOSUID|MS_NODEV|MS_NOEXEC, NULL) = 0' \
	'mount(NULL, "decode.mnt", NULL, MS_RDONLY|MS_REMOUNT|MS_BIND, NULL) = 0' \
	'umount2("decode.mnt", MNT_DETACH|UMOUNT_NOFOLLOW) = 0' \
	'umount2("decode.mnt", 0x100 /* MNT_??? */)' \
	'mount("none", "decode.mnt", "tmpfs", MS_MGC_VAL, NULL) = 0'
pass "unshare, mount and umount2 as strace prints them"
