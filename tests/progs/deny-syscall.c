/*
 * tests/progs/deny-syscall.c: deny-syscall CALL ERRNO [--fd-only] PROGRAM [ARG...]
 *
 * Runs PROGRAM (execv: no PATH search) under a seccomp filter that fails every call of
 * CALL (execveat, memfd_create or unshare) with ERRNO (a number), as a sandbox does that
 * refuses the call (container runtimes answer ENOSYS or EPERM). execve(2) stays allowed,
 * so PROGRAM itself starts, natively or as the loader. With --fd-only, only a call whose
 * first argument is not AT_FDCWD fails (for execveat: one on a file descriptor) and one on
 * a path is let through: a refusal that depends on the file, as a security module's
 * verdict does, which the loader must not mistake for a sandbox.
 * Sets no_new_privs (seccomp requires it of an unprivileged caller). Exit 125 if the
 * filter cannot be installed; if PROGRAM cannot be run, 127 when not found and 126
 * otherwise, as env(1).
 */
#include <errno.h>
#include <fcntl.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#define ARG0_LOW offsetof(struct seccomp_data, args[0])	/* little endian: the low half */

static const struct { const char *name; unsigned nr; } calls[] = {
	{ "execveat", __NR_execveat },
	{ "memfd_create", __NR_memfd_create },
	{ "unshare", __NR_unshare },
};

int main(int argc, char **argv)
{
	int fd_only = 0, first = 3;
	long err;
	char *end;
	unsigned nr = ~0u;

	if (argc > 3 && !strcmp(argv[3], "--fd-only"))
		fd_only = 1, first = 4;
	if (argc <= first) {
		fprintf(stderr, "usage: deny-syscall CALL ERRNO [--fd-only] PROGRAM [ARG...]\n");
		return 2;
	}
	for (size_t i = 0; i < sizeof calls / sizeof calls[0]; i++)
		if (!strcmp(argv[1], calls[i].name))
			nr = calls[i].nr;
	err = strtol(argv[2], &end, 10);
	if (nr == ~0u || *end || err <= 0 || err > 4095) {
		fprintf(stderr, "deny-syscall: bad call '%s' or errno '%s'\n", argv[1], argv[2]);
		return 2;
	}

	struct sock_filter prog[] = {
		/* 0: another architecture's calls (i386 int $0x80) are not ours to judge */
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, arch)),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, AUDIT_ARCH_X86_64, 0, 4),
		/* 2: CALL or not */
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, nr, 0, 2),
		/* 4: with --fd-only, dirfd AT_FDCWD (a path) is allowed: jump to the allow */
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS, ARG0_LOW),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, (unsigned)AT_FDCWD, fd_only ? 0 : 1, 1),
		/* 6 */
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
		/* 7 */
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | (unsigned)err),
	};
	struct sock_fprog fprog = { .len = sizeof prog / sizeof prog[0], .filter = prog };

	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0 ||
	    prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &fprog, 0, 0) != 0) {
		fprintf(stderr, "deny-syscall: cannot install the filter: %s\n", strerror(errno));
		return 125;
	}
	execv(argv[first], argv + first);
	fprintf(stderr, "deny-syscall: %s: %s\n", argv[first], strerror(errno));
	return errno == ENOENT ? 127 : 126;
}
