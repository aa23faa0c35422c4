/*
 * sccount: count the system calls a program makes, as `trace -c` counts them.
 *
 *   sccount PROGRAM [ARG...]
 *
 * Runs PROGRAM under ptrace and, when it has ended, prints on standard error one line
 * `COUNT NAME` per system call its first thread made from its execve on, sorted by name.
 * A call is counted at its exit stop, so exit and exit_group (which never return) are not
 * counted, as in trace -c and strace -c. Children and other threads are not traced.
 * Exit status: the program's own, 128+N if signal N killed it; 1 when tracing fails,
 * 2 on bad usage, 127 when PROGRAM cannot be run.
 *
 * Course lab 1's exercise (docs/labs/01-system-calls.md): the part between the LAB 1
 * SOLUTION markers is what the student writes.
 */
#include <errno.h>
#include <seccomp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/wait.h>
#include <unistd.h>

/* One row per (architecture, syscall number): a program makes a few dozen distinct calls. */
struct count {
	unsigned int arch;
	int nr;
	unsigned long calls;
	const char *name;
};

struct counter {
	struct count rows[1024];
	size_t n;
	int after_exec;			/* the program's execve has happened */
	unsigned int arch;		/* the call the thread is in, from its entry stop */
	int nr;
};

/*
 * handle_stop: the tracee PID stopped with wait status STATUS. Count what must be
 * counted and return the signal to deliver when it resumes (0 for none).
 */
/* LAB 1 SOLUTION BEGIN */
static void count_call(struct counter *c, unsigned int arch, int nr)
{
	size_t i;

	for (i = 0; i < c->n; i++)
		if (c->rows[i].arch == arch && c->rows[i].nr == nr)
			break;
	if (i == c->n) {
		if (c->n == sizeof(c->rows) / sizeof(c->rows[0]))
			return;		/* more distinct calls than there are syscalls: cannot be */
		c->rows[c->n++] = (struct count){ .arch = arch, .nr = nr };
	}
	c->rows[i].calls++;
}

static int handle_stop(struct counter *c, pid_t pid, int status)
{
	int sig = WSTOPSIG(status), event = (unsigned int)status >> 16;

	if (sig == (SIGTRAP | 0x80)) {	/* a syscall stop (PTRACE_O_TRACESYSGOOD) */
		struct __ptrace_syscall_info info = { 0 };

		if (ptrace(PTRACE_GET_SYSCALL_INFO, pid, sizeof(info), &info) <= 0)
			return 0;	/* it died meanwhile: waitpid tells how */
		if (info.op == PTRACE_SYSCALL_INFO_ENTRY) {
			/* The exit stop does not carry the number: keep it from the entry. */
			c->arch = info.arch;
			c->nr = (int)info.entry.nr;
		} else if (info.op == PTRACE_SYSCALL_INFO_EXIT && c->after_exec) {
			count_call(c, c->arch, c->nr);
		}
		return 0;
	}
	/*
	 * PTRACE_EVENT_EXEC comes between the entry and the exit stop of the execve that
	 * succeeded; its exit stop is the first one counted. The failed execve calls of
	 * execvp's PATH search, and everything before them, are sccount's own.
	 */
	if (event == PTRACE_EVENT_EXEC) {
		c->after_exec = 1;
		return 0;
	}
	/* PTRACE_EVENT_STOP: a group-stop (or the seize's own stop); nothing to deliver. */
	if (event != 0)
		return 0;
	return sig;		/* a signal-delivery stop: the program gets its signal */
}
/* LAB 1 SOLUTION END */
/* LAB 1 STUB BEGIN
static int handle_stop(struct counter *c, pid_t pid, int status)
{
	(void)c;
	(void)pid;
	(void)status;
	return 0;
}
   LAB 1 STUB END */

static int by_name(const void *a, const void *b)
{
	return strcmp(((const struct count *)a)->name, ((const struct count *)b)->name);
}

static void print_counts(struct counter *c)
{
	for (size_t i = 0; i < c->n; i++) {
		c->rows[i].name = seccomp_syscall_resolve_num_arch(c->rows[i].arch, c->rows[i].nr);
		if (!c->rows[i].name)
			c->rows[i].name = "?";	/* a number libseccomp does not know */
	}
	qsort(c->rows, c->n, sizeof(c->rows[0]), by_name);
	for (size_t i = 0; i < c->n; i++)
		fprintf(stderr, "%lu %s\n", c->rows[i].calls, c->rows[i].name);
}

int main(int argc, char **argv)
{
	static struct counter c;
	int status;
	pid_t pid;

	if (argc < 2) {
		fprintf(stderr, "usage: sccount PROGRAM [ARG...]\n");
		return 2;
	}
	pid = fork();
	if (pid < 0) {
		perror("sccount: fork");
		return 1;
	}
	if (pid == 0) {
		/* Wait, stopped, until the parent has seized us; then become PROGRAM. */
		kill(getpid(), SIGSTOP);
		execvp(argv[1], argv + 1);
		fprintf(stderr, "sccount: %s: %s\n", argv[1], strerror(errno));
		_exit(127);
	}
	if (waitpid(pid, &status, WSTOPPED) < 0 || !WIFSTOPPED(status)) {
		fprintf(stderr, "sccount: the child ended before it could be traced\n");
		return 1;
	}
	/* EXITKILL: if sccount dies, the program dies with it rather than run on untraced. */
	if (ptrace(PTRACE_SEIZE, pid, 0L, PTRACE_O_TRACESYSGOOD | PTRACE_O_TRACEEXEC |
		   PTRACE_O_EXITKILL) < 0) {
		fprintf(stderr, "sccount: cannot trace: %s\n", strerror(errno));
		kill(pid, SIGKILL);
		return 1;
	}
	/* The SIGSTOP group-stop is now a ptrace stop; SIGCONT ends the group-stop. */
	kill(pid, SIGCONT);
	for (;;) {
		if (waitpid(pid, &status, 0) < 0) {
			if (errno == EINTR)
				continue;
			perror("sccount: waitpid");
			return 1;
		}
		if (WIFEXITED(status) || WIFSIGNALED(status))
			break;
		ptrace(PTRACE_SYSCALL, pid, 0L, (long)handle_stop(&c, pid, status));
	}
	print_counts(&c);
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}
