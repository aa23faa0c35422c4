/*
 * tracer/arch/x86_64/regs.c: register access that PTRACE_GET_SYSCALL_INFO does not cover.
 */
#include <errno.h>
#include <stddef.h>
#include <sys/ptrace.h>
#include <sys/user.h>
#include "tracer/arch/x86_64/arch.h"
#include "tracer/sysent.h"

/* strace's personality names on x86_64: "64 bit", "32 bit", "x32". */
static const char *const headings[PERS_COUNT] = {
	[PERS_X86_64] = NULL,
	[PERS_I386] = "System call usage summary for 32 bit mode:",
};

const char *arch_pers_heading(int pers)
{
	return pers >= 0 && pers < PERS_COUNT ? headings[pers] : NULL;
}

long arch_get_scno(pid_t pid)
{
	long v;

	errno = 0;
	v = ptrace(PTRACE_PEEKUSER, pid, offsetof(struct user_regs_struct, orig_rax), 0);
	return errno ? -errno : v;
}
