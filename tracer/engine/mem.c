/*
 * tracer/engine/mem.c: reading tracee memory for the decoders (struct tracee_mem, decode.h).
 * process_vm_readv reads a whole string or struct in one system call; where it is not
 * permitted (or not built into the kernel), PTRACE_PEEKDATA reads a word at a time.
 */
#define _GNU_SOURCE 1	/* process_vm_readv */
#include <errno.h>
#include <stdint.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/uio.h>
#include "tracer/engine/mem.h"

static int use_peek;	/* process_vm_readv failed with ENOSYS/EPERM once: stop trying it */

static ssize_t peek_read(pid_t pid, uint64_t addr, void *buf, size_t len)
{
	size_t done = 0;

	while (done < len) {
		uint64_t a = addr + done;
		uint64_t aligned = a & ~(uint64_t)7;
		size_t skip = a - aligned, n;
		long word;

		errno = 0;
		word = ptrace(PTRACE_PEEKDATA, pid, (void *)(uintptr_t)aligned, 0);
		if (errno)
			return done ? (ssize_t)done : -errno;
		n = sizeof(word) - skip;
		if (n > len - done)
			n = len - done;
		memcpy((char *)buf + done, (char *)&word + skip, n);
		done += n;
	}
	return done;
}

ssize_t tracee_read(void *ctx, uint64_t addr, void *buf, size_t len)
{
	pid_t pid = (pid_t)(intptr_t)ctx;
	struct iovec local = { buf, len }, remote = { (void *)(uintptr_t)addr, len };
	ssize_t n;

	if (!len)
		return 0;
	if (!use_peek) {
		n = process_vm_readv(pid, &local, 1, &remote, 1, 0);
		if (n >= 0)
			return n;
		if (errno != ENOSYS && errno != EPERM)
			return -errno;	/* EFAULT, ESRCH: PEEKDATA would fail the same way */
		use_peek = 1;
	}
	return peek_read(pid, addr, buf, len);
}

void tracee_mem_init(struct tracee_mem *m, pid_t pid)
{
	m->read = tracee_read;
	m->ctx = (void *)(intptr_t)pid;
	m->pid = pid;
}
