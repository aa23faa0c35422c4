/*
 * tests/probe/ptrace.c: may this process trace? Two questions: tracing its own child
 * (what `trace PROGRAM` and strace do) and attaching to a process that is not its
 * descendant (what `trace -p` does: Yama's ptrace_scope 1 forbids it without
 * CAP_SYS_PTRACE, scope 3 forbids all ptrace; a container may drop CAP_SYS_PTRACE or
 * filter ptrace out).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tests/probe/probe.h"

/* Yama's setting, for the reason only (the answer comes from trying). */
static const char *yama(char *buf, size_t len)
{
	return probe_setting("/proc/sys/kernel/yama/ptrace_scope", "Yama ptrace_scope",
			     "no Yama", buf, len);
}

int probe_ptrace(char *why, size_t len)
{
	char ybuf[64];
	int status, err = 0;
	pid_t pid = fork();

	if (pid == 0) {
		if (ptrace(PTRACE_TRACEME, 0, 0, 0) != 0)
			_exit(100 + errno);
		raise(SIGSTOP);
		getppid();
		_exit(0);
	}
	if (pid < 0)
		return snprintf(why, len, "fork: %s", strerror(errno)), 1;
	/* The stop, then one syscall-entry stop: ptrace really works, not just the call. */
	if (waitpid(pid, &status, 0) != pid || !WIFSTOPPED(status))
		goto refused;
	if (ptrace(PTRACE_SYSCALL, pid, 0, 0) != 0) {
		err = errno;
		goto refused;
	}
	if (waitpid(pid, &status, 0) != pid || !WIFSTOPPED(status) || WSTOPSIG(status) != SIGTRAP)
		goto refused;
	kill(pid, SIGKILL);
	waitpid(pid, &status, 0);
	snprintf(why, len, "a child stopped at a system call under PTRACE_SYSCALL (%s)",
		 yama(ybuf, sizeof(ybuf)));
	return 0;
refused:
	kill(pid, SIGKILL);
	if (WIFEXITED(status) && WEXITSTATUS(status) > 100)
		err = WEXITSTATUS(status) - 100;
	waitpid(pid, &status, 0);
	snprintf(why, len, "ptrace of a child failed%s%s (%s)", err ? ": " : "",
		 err ? strerror(err) : "", yama(ybuf, sizeof(ybuf)));
	return 1;
}

int probe_ptrace_attach(char *why, size_t len)
{
	char ybuf[64];
	int status, err;
	pid_t target, tracer;

	target = fork();
	if (target == 0) {
		pause();
		_exit(0);
	}
	/* A sibling of the target, so not its ancestor: Yama scope 1 decides here. */
	tracer = fork();
	if (tracer == 0) {
		if (ptrace(PTRACE_SEIZE, target, 0, 0) != 0)
			_exit(100 + errno);
		ptrace(PTRACE_DETACH, target, 0, 0);
		_exit(0);
	}
	waitpid(tracer, &status, 0);
	kill(target, SIGKILL);
	waitpid(target, NULL, 0);
	if (WIFEXITED(status) && WEXITSTATUS(status) == 0) {
		snprintf(why, len, "PTRACE_SEIZE of a sibling process worked (%s)",
			 yama(ybuf, sizeof(ybuf)));
		return 0;
	}
	err = WIFEXITED(status) && WEXITSTATUS(status) > 100 ? WEXITSTATUS(status) - 100 : 0;
	snprintf(why, len, "PTRACE_SEIZE of a sibling process failed: %s (%s)",
		 err ? strerror(err) : "no status", yama(ybuf, sizeof(ybuf)));
	return 1;
}
