/* memprot/fault_catch.c: a fault-catching child per experiment. */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <ucontext.h>
#include <unistd.h>

#include "memprot/fault_catch.h"
#include "memprot/fault_decode.h"

static int report_fd = -1;

/* Async-signal-safe: fills a report from the context and writes it in one write(2). */
static void on_fault(int sig, siginfo_t *si, void *ctx)
{
	ucontext_t *uc = ctx;
	struct fault_report r = {
		.faulted = 1,
		.signo = sig,
		.code = si->si_code,
		.addr = (unsigned long)si->si_addr,
		.err = (unsigned long)uc->uc_mcontext.gregs[REG_ERR],
		.trapno = (unsigned long)uc->uc_mcontext.gregs[REG_TRAPNO],
		.ip = (unsigned long)uc->uc_mcontext.gregs[REG_RIP],
		.pkey = si->si_code == SEGV_PKUERR ? (int)si->si_pkey : -1,
	};

	if (write(report_fd, &r, sizeof(r)) != (ssize_t)sizeof(r))
		_exit(3);
	_exit(0);
}

static _Noreturn void child(fault_fn *fn, void *arg, int fd)
{
	static char altstack[64 * 1024];
	stack_t ss = { .ss_sp = altstack, .ss_size = sizeof(altstack) };
	struct sigaction sa = { .sa_sigaction = on_fault, .sa_flags = SA_SIGINFO | SA_ONSTACK };
	struct fault_report r = { 0 };

	report_fd = fd;
	sigaltstack(&ss, NULL);
	sigemptyset(&sa.sa_mask);
	sigaction(SIGSEGV, &sa, NULL);
	sigaction(SIGBUS, &sa, NULL);
	r.ret = fn(arg);
	if (write(fd, &r, sizeof(r)) != (ssize_t)sizeof(r))
		_exit(3);
	_exit(0);
}

int fault_catch(fault_fn *fn, void *arg, struct fault_report *r)
{
	int fds[2], status, err = 0;
	ssize_t n;
	pid_t pid;

	memset(r, 0, sizeof(*r));
	if (pipe(fds) != 0)
		return -errno;
	fflush(NULL);	/* the child must not print the parent's buffered output again */
	pid = fork();
	if (pid < 0) {
		err = -errno;
		close(fds[0]);
		close(fds[1]);
		return err;
	}
	if (pid == 0) {
		close(fds[0]);
		child(fn, arg, fds[1]);
	}
	close(fds[1]);
	do
		n = read(fds[0], r, sizeof(*r));
	while (n < 0 && errno == EINTR);
	close(fds[0]);
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return -errno;
	if (n != (ssize_t)sizeof(*r))
		return WIFSIGNALED(status) ? -EINTR : -EIO;
	return 0;
}

void fault_report_format(const struct fault_report *r, unsigned long base, char *buf,
			 unsigned long len)
{
	const char *name = segv_code_name(r->code);
	char codes[128], at[48] = "", pkey[24] = "";

	if (!r->faulted) {
		snprintf(buf, len, "returned %d", r->ret);
		return;
	}
	pf_error_format(r->err, codes, sizeof(codes));
	if (r->pkey >= 0)
		snprintf(pkey, sizeof(pkey), ", si_pkey %d", r->pkey);
	if (base && r->addr >= base)
		snprintf(at, sizeof(at), " (page + 0x%lx)", r->addr - base);
	snprintf(buf, len, "%s at 0x%lx%s, trap %lu, error code 0x%lx (%s)%s",
		 r->signo == SIGSEGV && name ? name : strsignal(r->signo), r->addr, at,
		 r->trapno, r->err, codes, r->pkey >= 0 ? pkey : "");
}
