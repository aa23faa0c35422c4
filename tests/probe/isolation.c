/*
 * tests/probe/isolation.c: privileges and isolation: root, an unprivileged user
 * namespace mapping our own ids, a private mount namespace with a tmpfs, a seccomp
 * filter.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "tests/probe/probe.h"

int probe_root(char *why, size_t len)
{
	snprintf(why, len, "uid %d, euid %d", (int)getuid(), (int)geteuid());
	return geteuid() == 0 ? 0 : 1;
}

static int write_file(const char *path, const char *text)
{
	int fd = open(path, O_WRONLY);
	ssize_t n;

	if (fd < 0)
		return -errno;
	n = write(fd, text, strlen(text));
	close(fd);
	return n == (ssize_t)strlen(text) ? 0 : -EIO;
}

int probe_userns(char *why, size_t len)
{
	char map[64];
	uid_t uid = getuid();
	gid_t gid = getgid();
	int err;

	if (unshare(CLONE_NEWUSER) != 0) {
		snprintf(why, len, "unshare(CLONE_NEWUSER): %s", strerror(errno));
		return 1;
	}
	snprintf(map, sizeof(map), "%d %d 1\n", (int)uid, (int)uid);
	if ((err = write_file("/proc/self/uid_map", map)) != 0) {
		snprintf(why, len, "uid_map in a new user namespace: %s", strerror(-err));
		return 1;
	}
	/* An unprivileged process must deny setgroups before it may write gid_map. */
	write_file("/proc/self/setgroups", "deny");
	snprintf(map, sizeof(map), "%d %d 1\n", (int)gid, (int)gid);
	if ((err = write_file("/proc/self/gid_map", map)) != 0) {
		snprintf(why, len, "gid_map in a new user namespace: %s", strerror(-err));
		return 1;
	}
	snprintf(why, len, "a user namespace mapping uid %d and gid %d", (int)uid, (int)gid);
	return 0;
}

int probe_mountns(char *why, size_t len)
{
	char dir[] = "/tmp/execlab-probe.XXXXXX";
	int rc = 1;

	if (unshare(CLONE_NEWNS) != 0) {
		snprintf(why, len, "unshare(CLONE_NEWNS): %s", strerror(errno));
		return 1;
	}
	/* Private propagation first, so the tmpfs below is never seen outside. */
	if (mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) != 0) {
		snprintf(why, len, "making / private in a new mount namespace: %s", strerror(errno));
		return 1;
	}
	if (!mkdtemp(dir)) {
		snprintf(why, len, "mkdtemp: %s", strerror(errno));
		return 1;
	}
	if (mount("execlab-probe", dir, "tmpfs", MS_NOEXEC, "size=64k") != 0) {
		snprintf(why, len, "mounting a noexec tmpfs in a private namespace: %s", strerror(errno));
	} else {
		umount(dir);
		snprintf(why, len, "mounted a noexec tmpfs in a private mount namespace");
		rc = 0;
	}
	rmdir(dir);
	return rc;
}

int probe_seccomp(char *why, size_t len)
{
	struct sock_filter allow[] = { BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW) };
	struct sock_fprog prog = { .len = 1, .filter = allow };

	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0) {
		snprintf(why, len, "PR_SET_NO_NEW_PRIVS: %s", strerror(errno));
		return 1;
	}
	if (syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &prog) != 0) {
		snprintf(why, len, "seccomp(SECCOMP_SET_MODE_FILTER): %s", strerror(errno));
		return 1;
	}
	snprintf(why, len, "a seccomp-bpf filter was installed");
	return 0;
}

int probe_netns(char *why, size_t len)
{
	if (unshare(CLONE_NEWNET) != 0) {
		snprintf(why, len, "unshare(CLONE_NEWNET): %s", strerror(errno));
		return 1;
	}
	snprintf(why, len, "a network namespace of its own (unshare(CLONE_NEWNET))");
	return 0;
}
