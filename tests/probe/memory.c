/*
 * tests/probe/memory.c: the memory features tests depend on: protection keys, address
 * space randomisation (on, and whether it can be turned off for one process) and
 * PR_SET_MDWE.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/personality.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tests/probe/probe.h"

#ifndef PR_SET_MDWE
#define PR_SET_MDWE 65
#define PR_MDWE_REFUSE_EXEC_GAIN 1
#endif

int probe_pku(char *why, size_t len)
{
	long key = syscall(SYS_pkey_alloc, 0, 0);

	if (key < 0) {
		snprintf(why, len, "pkey_alloc: %s", strerror(errno));
		return 1;
	}
	syscall(SYS_pkey_free, key);
	snprintf(why, len, "pkey_alloc gave key %ld", key);
	return 0;
}

/*
 * The stack address of a fresh exec of this program (`probe --print-stack`): only an
 * exec re-randomises, so each sample is a new process image.
 */
static int stack_sample(unsigned long *addr)
{
	int fds[2], status;
	char buf[64] = "";
	ssize_t n;
	pid_t pid;

	if (pipe(fds) != 0)
		return -1;
	pid = fork();
	if (pid == 0) {
		char *argv[] = { "probe", "--print-stack", NULL };

		dup2(fds[1], 1);
		execv("/proc/self/exe", argv);
		_exit(127);
	}
	close(fds[1]);
	n = read(fds[0], buf, sizeof(buf) - 1);
	close(fds[0]);
	waitpid(pid, &status, 0);
	if (n <= 0)
		return -1;
	buf[n] = '\0';
	*addr = strtoul(buf, NULL, 16);
	return 0;
}

/* Three samples: two equal ones by chance are unlikely, three impossible in practice. */
static int samples_differ(int *differ)
{
	unsigned long a, b, c;

	if (stack_sample(&a) || stack_sample(&b) || stack_sample(&c))
		return -1;
	*differ = a != b || b != c;
	return 0;
}

int probe_aslr(char *why, size_t len)
{
	int differ;

	if (samples_differ(&differ) != 0) {
		snprintf(why, len, "could not re-execute the probe to sample the stack");
		return 1;
	}
	snprintf(why, len, "three execs placed the stack %s", differ ? "apart" : "at the same address");
	return differ ? 0 : 1;
}

int probe_norandom(char *why, size_t len)
{
	int differ;

	if (personality(ADDR_NO_RANDOMIZE) == -1) {
		snprintf(why, len, "personality(ADDR_NO_RANDOMIZE): %s", strerror(errno));
		return 1;
	}
	if (samples_differ(&differ) != 0) {
		snprintf(why, len, "could not re-execute the probe to sample the stack");
		return 1;
	}
	snprintf(why, len, "with ADDR_NO_RANDOMIZE three execs placed the stack %s",
		 differ ? "apart (not honoured)" : "at the same address");
	return differ ? 1 : 0;
}

int probe_mdwe(char *why, size_t len)
{
	void *p;

	if (prctl(PR_SET_MDWE, PR_MDWE_REFUSE_EXEC_GAIN, 0, 0, 0) != 0) {
		snprintf(why, len, "prctl(PR_SET_MDWE): %s", strerror(errno));
		return 1;
	}
	p = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED || mprotect(p, 4096, PROT_READ | PROT_EXEC) == 0) {
		snprintf(why, len, "PR_SET_MDWE accepted but an RW page could still become executable");
		return 1;
	}
	snprintf(why, len, "PR_SET_MDWE refuses making a written page executable");
	return 0;
}
