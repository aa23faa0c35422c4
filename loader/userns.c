/*
 * loader/userns.c: --userns, the loader's own step: gain, in a user namespace of one's
 * own, the capability set_mm_exe_file() needs (CAP_SYS_ADMIN or CAP_CHECKPOINT_RESTORE
 * in the caller's user namespace), so that an ordinary user's /proc/self/exe can be the
 * program too. The kernel's exec needs nothing of the kind: it changes exe itself.
 *
 * unshare(CLONE_NEWUSER) gives the process every capability in the new namespace; the
 * namespace maps the caller's own uid and gid and nothing else (setgroups denied first,
 * as user_namespaces(7) requires of an unprivileged writer of gid_map). Then every
 * capability goes: the bounding set here (PR_CAPBSET_DROP, one call per capability), the
 * effective and permitted sets in start_thread() right after the PR_SET_MM_MAP that
 * needs them (capset, all empty); the inheritable and ambient sets are empty already
 * (unshare clears them). What follows for the program is in loader.1 (USER NAMESPACE).
 */
#include <linux/capability.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include "loader/binprm.h"
#include "loader/errstr.h"
#include "loader/sys.h"

static long write_file(const char *path, const char *text, size_t len)
{
	long fd = sys_openat(AT_FDCWD, path, O_WRONLY | O_CLOEXEC), w;

	if (fd < 0)
		return fd;
	w = sys_write((int)fd, text, len);
	sys_close((int)fd);
	return w < 0 ? w : w == (long)len ? 0 : -EIO;
}

int userns_enter(struct binprm *b, struct start_thread_args *a)
{
	char map[64];
	size_t n;
	long r = sys_unshare(CLONE_NEWUSER);
	int cap;

	if (r < 0) {
		eprintf("loader: --userns: unshare(CLONE_NEWUSER) refused (%s): /proc/self/exe "
			"stays the loader\n", errno_string((int)-r));
		return 0;
	}
	n = fmt(map, sizeof map, "%lu %lu 1\n", b->euid, b->euid);
	r = write_file("/proc/self/uid_map", map, n);
	if (r == 0)
		r = write_file("/proc/self/setgroups", "deny", 4);
	if (r == 0) {
		n = fmt(map, sizeof map, "%lu %lu 1\n", b->egid, b->egid);
		r = write_file("/proc/self/gid_map", map, n);
	}
	if (r < 0)	/* unmapped ids would leave the process owned by nobody: stop */
		return diag_fail(&b->diag, (int)r, "--userns: cannot map uid %lu and gid %lu in "
				 "the new user namespace", b->euid, b->egid);
	for (cap = 0; sys_prctl(PR_CAPBSET_DROP, (unsigned long)cap, 0, 0, 0) == 0; cap++)
		;
	a->capset = 1;
	a->cap_hdr.version = _LINUX_CAPABILITY_VERSION_3;
	a->cap_hdr.pid = 0;
	b->userns = 1;
	say_own(b, "--userns: a user namespace mapping uid %lu and gid %lu; bounding set "
		"dropped (%d capabilities), effective and permitted sets dropped by "
		"start_thread() after PR_SET_MM_MAP", b->euid, b->egid, cap);
	return 0;
}
