/*
 * tracer/engine/syscall.c: entering and exiting a call (see syscall.h).
 *
 * In -c mode a stop costs one PTRACE_GET_SYSCALL_INFO, the rusage wait4 already gave us
 * (or one vDSO clock read with -w) and a counter update: no allocation, no decoding, no
 * /proc reads, no output.
 */
#include <errno.h>
#include <linux/audit.h>
#include <stdio.h>
#include <string.h>
#include <stddef.h>
#include <sys/ptrace.h>
#include <sys/user.h>
#include <time.h>
#include "tracer/engine/mem.h"
#include "tracer/report/output.h"
#include "tracer/report/sysname.h"
#include "tracer/engine/syscall.h"
#include "tracer/sysent.h"

struct trace_state tstate;

static long exec_nr[PERS_COUNT][2];	/* execve and execveat of each personality */

/* One line's text; strings are cut at -s, so this bounds every line we print. */
static char linebuf[1 << 18];

int syscall_init(void)
{
	int err = sysent_init();

	if (err < 0)
		return err;
	for (int p = 0; p < PERS_COUNT; p++) {
		exec_nr[p][0] = sysent_lookup(p, "execve");
		exec_nr[p][1] = sysent_lookup(p, "execveat");
	}
	return 0;
}

int syscall_is_exec(int pers, long nr)
{
	return nr >= 0 && (nr == exec_nr[pers][0] || nr == exec_nr[pers][1]);
}

const char *syscall_name(const struct call *c, char *buf, size_t len)
{
	return sysname(c->pers, c->nr, buf, len);
}

static inline uint64_t stamp(const struct rusage *ru)
{
	struct timespec ts;

	if (tstate.wall) {
		clock_gettime(CLOCK_MONOTONIC, &ts);
		return ts.tv_sec * 1000000000ull + ts.tv_nsec;
	}
	/* strace's default: the system CPU time the tracee used, as wait4 reported it. */
	return ru->ru_stime.tv_sec * 1000000000ull + ru->ru_stime.tv_usec * 1000ull;
}

static inline int pers_of(uint32_t arch)
{
	if (__builtin_expect(arch == AUDIT_ARCH_X86_64, 1))
		return PERS_X86_64;
	return sysent_pers_from_audit_arch(arch);
}

/* -e read=, -e write=: one hex dump line, to the stream of the call's line. */
static void dump_line(void *ctx, const char *line)
{
	fputs(line, ctx);
}

/* sp: the tracee's stack pointer, where rt_sigreturn finds the mask it restores. */
static void print_entry(struct tcb *t, uint64_t sp)
{
	struct strbuf sb;
	struct tracee_mem mem;

	tracee_mem_init(&mem, t->pid);
	sb_init(&sb, linebuf, sizeof(linebuf));
	decode_entry_sp(&sb, &t->call, &mem, &tstate.dopts, sp);
	output_entry(t, sb.buf);
	t->flags |= TCB_ENTRY_SHOWN;
}

static void print_exit(struct tcb *t, int noreturn)
{
	struct strbuf sb;
	struct tracee_mem mem;
	char namebuf[SYSNAME_MAX];

	tracee_mem_init(&mem, t->pid);
	sb_init(&sb, linebuf, sizeof(linebuf));
	if (noreturn)
		decode_noreturn(&sb, &t->call);
	else
		decode_exit(&sb, &t->call, &mem, &tstate.dopts);
	if (t->flags & TCB_INJECTED)
		sb_puts(&sb, " (INJECTED)");
	output_exit(t, syscall_name(&t->call, namebuf, sizeof(namebuf)), sb.buf);
	t->flags &= ~TCB_ENTRY_SHOWN;
	/* strace dumps after the line, before the stack; lines without the pid leader. */
	if (__builtin_expect(tstate.dumping, 0) && !noreturn)
		decode_dumpio(&t->call, &mem, &tstate.dumps, dump_line, output_stream_of(t));
	if (tstate.printed_hook)
		tstate.printed_hook(t);
}

/* Writes one register of t's user area (struct user_regs_struct's field at off). */
static int poke_reg(struct tcb *t, size_t off, int64_t val)
{
	return ptrace(PTRACE_POKEUSER, t->pid, (void *)(offsetof(struct user, regs) + off),
		      (void *)(long)val) < 0 ? -errno : 0;
}

/*
 * -e inject=: the call does not run. Its number becomes -1 (no such syscall: the kernel
 * skips it, at an entry stop as at a seccomp stop) and the exit stop writes the result.
 */
static void inject_entry(struct tcb *t)
{
	int64_t rval;

	if (!tstate.inject(t, &rval))
		return;
	if (poke_reg(t, offsetof(struct user_regs_struct, orig_rax), -1) < 0)
		return;
	t->inject_rval = rval;
	t->flags |= TCB_INJECTED;
}

static void inject_exit(struct tcb *t)
{
	if (poke_reg(t, offsetof(struct user_regs_struct, rax), t->inject_rval) < 0)
		return;
	t->call.rval = t->inject_rval;
	t->call.is_error = t->inject_rval < 0;
}

static void syscall_entering(struct tcb *t, const struct __ptrace_syscall_info *info,
			     const struct rusage *ru)
{
	int pers = pers_of(info->arch);
	long nr = (long)info->entry.nr;

	if (pers < 0)
		return;		/* an arch we have no table for: not shown, not counted */
	t->call.pers = pers;
	t->call.nr = nr;
	memcpy(t->call.args, info->entry.args, sizeof(t->call.args));
	t->call.rval = 0;
	t->call.is_error = 0;
	t->call.decoder_state = 0;
	if (__builtin_expect(t->flags & TCB_HIDE, 0)) {
		/* The started child runs our code until its execve: strace starts there too. */
		if (!syscall_is_exec(pers, nr))
			return;
		t->flags &= ~TCB_HIDE;
	}
	tstate.syscalls++;
	t->flags |= TCB_INSYSCALL;
	t->flags &= ~(TCB_FILTERED | TCB_INJECTED);
	if (__builtin_expect(t->flags & TCB_SILENT, 0)) {
		t->flags |= TCB_FILTERED;
		return;
	}
	if (tstate.selected && !tstate.selected(pers, nr)) {
		t->flags |= TCB_FILTERED;
		return;
	}
	/* Only a traced call is tampered with (and counted by when=), as strace 6.1 does. */
	if (__builtin_expect(tstate.inject != NULL, 0))
		inject_entry(t);
	if (__builtin_expect(tstate.call_time, 0))
		t->entry_mono_ns = output_now_ns();
	if (tstate.entry_hook)
		tstate.entry_hook(t);
	/* -Z: whether to print is known only at the exit. */
	if (tstate.print_calls && !tstate.failed_only)
		print_entry(t, info->stack_pointer);
	if (tstate.counting)
		t->entry_ns = stamp(ru);
}

static void syscall_exiting(struct tcb *t, const struct __ptrace_syscall_info *info,
			    const struct rusage *ru)
{
	if (!(t->flags & TCB_INSYSCALL))
		return;		/* an exit without its entry (attach, pre-exec): ignored */
	t->flags &= ~TCB_INSYSCALL;
	t->call.rval = info->exit.rval;
	t->call.is_error = info->exit.is_error;
	if (__builtin_expect(t->flags & TCB_INJECTED, 0))
		inject_exit(t);
	if (tstate.exit_hook)
		tstate.exit_hook(t);
	if (t->flags & TCB_FILTERED)
		return;
	if (tstate.counting)
		count_add(&tstate.counts, t->call.pers, t->call.nr, t->call.is_error,
			  stamp(ru) - t->entry_ns);
	if (t->flags & TCB_ENTRY_SHOWN) {
		print_exit(t, 0);
	} else if (tstate.failed_only && tstate.print_calls && t->call.is_error) {
		/* -Z: the whole line now (arguments read at the exit, as strace does). */
		print_entry(t, info->stack_pointer);
		print_exit(t, 0);
	}
}

void syscall_stop(struct tcb *t, const struct rusage *ru)
{
	/*
	 * Zeroed: memcheck does not know that this request fills the struct, and would take
	 * every field read from it as undefined (valgrind.sh runs trace under memcheck).
	 */
	struct __ptrace_syscall_info info = { 0 };

	if (ptrace(PTRACE_GET_SYSCALL_INFO, t->pid, sizeof(info), &info) <= 0)
		return;		/* ESRCH: it died meanwhile; its exit comes through wait4 */
	if (info.op == PTRACE_SYSCALL_INFO_EXIT)
		syscall_exiting(t, &info, ru);
	else if (info.op == PTRACE_SYSCALL_INFO_ENTRY || info.op == PTRACE_SYSCALL_INFO_SECCOMP)
		syscall_entering(t, &info, ru);
}

void syscall_noreturn(struct tcb *t)
{
	if (!(t->flags & TCB_INSYSCALL))
		return;
	t->flags &= ~TCB_INSYSCALL;
	if (t->flags & TCB_ENTRY_SHOWN)
		print_exit(t, 1);
}
