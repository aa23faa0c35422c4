/*
 * tracer/decode/signal.c: decoders for signal calls (rt_sigaction, rt_sigprocmask,
 * sigaltstack, rt_sigsuspend, rt_sigpending; kill, tkill and tgkill are signatures) and decode_siginfo() for
 * the "--- SIGCHLD {...} ---" lines.
 */
#define _GNU_SOURCE
#include <inttypes.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>
#include "tracer/decode/common.h"
#include "tracer/decode/xlat_compat.h"


/* The kernel's struct sigaction: x86_64 {handler, flags, restorer, mask} in longs; i386 the
 * same order with 4-byte pointers and flags, then the 8-byte mask. */
static void print_sigaction_at(struct dctx *d, uint64_t addr, uint64_t setsize)
{
	uint64_t handler = 0, flags = 0, restorer = 0;
	unsigned char raw[32], mask[8] = { 0 };
	unsigned psz = ptr_size(d);

	if (!addr) {
		sb_puts(d->sb, "NULL");
		return;
	}
	if (mem_read_full(d, addr, raw, 3 * psz + sizeof mask) < 0) {
		print_addr(d->sb, addr);
		return;
	}
	memcpy(&handler, raw, psz);
	memcpy(&flags, raw + psz, psz);
	memcpy(&restorer, raw + 2 * psz, psz);
	memcpy(mask, raw + 3 * psz, sizeof mask);
	sb_puts(d->sb, "{sa_handler=");
	xlat_print_enum(d->sb, xlat_sa_handler, handler, NULL);
	sb_puts(d->sb, ", sa_mask=");
	print_sigset_bytes(d->sb, mask, setsize < sizeof mask ? (size_t)setsize : sizeof mask);
	sb_puts(d->sb, ", sa_flags=");
	xlat_print_flags(d->sb, xlat_sa_flags, flags, NULL);
	if (flags & SA_RESTORER) {
		sb_puts(d->sb, ", sa_restorer=");
		print_addr(d->sb, restorer);
	}
	sb_putc(d->sb, '}');
}

/* rt_sigaction(sig, act, oldact, sigsetsize): oldact at exit. */
DECODER(rt_sigaction)
{
	if (!d->exiting) {
		p_signo(d, 0);
		arg_sep(d);
		print_sigaction_at(d, arg(d, 1), arg(d, 3));
		return 0;
	}
	arg_sep(d);
	if (failed(d))
		print_addr(d->sb, arg(d, 2));
	else
		print_sigaction_at(d, arg(d, 2), arg(d, 3));
	p_ulong(d, 3);
	return 0;
}

/* rt_sigprocmask(how, set, oldset, sigsetsize): oldset at exit. */
DECODER(rt_sigprocmask)
{
	if (!d->exiting) {
		p_enum(d, 0, xlat_sigprocmask_how, "SIG_???");
		p_sigset(d, 1, arg(d, 3));
		return 0;
	}
	if (failed(d))
		p_ptr(d, 2);
	else
		p_sigset(d, 2, arg(d, 3));
	p_ulong(d, 3);
	return 0;
}

DECODER(rt_sigsuspend)
{
	p_sigset(d, 0, arg(d, 1));
	p_ulong(d, 1);
	return RV_DONE;
}

DECODER(rt_sigpending)
{
	if (!d->exiting)
		return 0;
	if (failed(d))
		p_ptr(d, 0);
	else
		p_sigset(d, 0, arg(d, 1));
	p_ulong(d, 1);
	return 0;
}

static void print_stack_at(struct dctx *d, uint64_t addr)
{
	unsigned char raw[24];
	uint64_t sp = 0, size = 0;
	int32_t flags;
	unsigned psz = ptr_size(d);
	size_t len = psz == 8 ? 24 : 12;

	if (!addr) {
		sb_puts(d->sb, "NULL");
		return;
	}
	if (mem_read_full(d, addr, raw, len) < 0) {
		print_addr(d->sb, addr);
		return;
	}
	memcpy(&sp, raw, psz);
	memcpy(&flags, raw + psz, sizeof flags);
	memcpy(&size, raw + (psz == 8 ? 16 : 8), psz);
	sb_puts(d->sb, "{ss_sp=");
	print_addr(d->sb, sp);
	sb_puts(d->sb, ", ss_flags=");
	xlat_print_flags(d->sb, xlat_ss_flags, (uint32_t)flags, NULL);
	sb_printf(d->sb, ", ss_size=%" PRIu64 "}", size);
}

/* sigaltstack(ss, old_ss): old_ss at exit. */
DECODER(sigaltstack)
{
	if (!d->exiting) {
		arg_sep(d);
		print_stack_at(d, arg(d, 0));
		return 0;
	}
	p_out_struct(d, 1, print_stack_at);
	return 0;
}

DECODER(rt_sigtimedwait)
{
	if (!d->exiting) {
		p_sigset(d, 0, arg(d, 3));
		return 0;
	}
	p_ptr(d, 1);
	arg_sep(d);
	print_timespec_at(d, arg(d, 2));
	p_ulong(d, 3);
	return 0;
}

/*
 * rt_sigreturn(): strace shows the mask the call restores, read from the signal frame the
 * handler returns through. At the syscall the handler's "ret" has popped the frame's first
 * word (pretcode), so the frame starts one word below sp; uc_sigmask sits after pretcode,
 * uc_flags, uc_link, uc_stack and uc_mcontext (x86_64: 8+8+8+24+256 = 304 bytes in; i386's
 * rt_sigframe has pretcode, sig, pinfo, puc and a 128-byte siginfo before the ucontext,
 * whose mask is 4+4+12+88 = 108 bytes in: 252 bytes in all).
 */
DECODER(rt_sigreturn)
{
	unsigned char mask[8];
	uint64_t at;

	if (!d->sp)
		return RV_DONE;
	at = is_compat(d) ? d->sp - 4 + 252 : d->sp - 8 + 304;
	if (mem_read_full(d, at, mask, sizeof mask) < 0)
		return RV_DONE;
	sb_puts(d->sb, "{mask=");
	print_sigset_bytes(d->sb, mask, sizeof mask);
	sb_putc(d->sb, '}');
	d->nprinted++;
	return RV_DONE;
}

/* ---- siginfo ---- */

static const struct xlat *si_code_table(int signo)
{
	switch (signo) {
	case SIGCHLD: return xlat_si_codes_chld;
	case SIGSEGV: return xlat_si_codes_segv;
	case SIGBUS: return xlat_si_codes_bus;
	case SIGILL: return xlat_si_codes_ill;
	case SIGFPE: return xlat_si_codes_fpe;
	case SIGTRAP: return xlat_si_codes_trap;
	case SIGIO: return xlat_si_codes_poll;
	case SIGSYS: return xlat_si_codes_sys;
	default: return NULL;
	}
}

static void print_si_value(struct strbuf *sb, const siginfo_t *si)
{
	sb_printf(sb, ", si_int=%d, si_ptr=", si->si_value.sival_int);
	print_addr(sb, (uint64_t)(uintptr_t)si->si_value.sival_ptr);
}

void decode_siginfo(struct strbuf *sb, const siginfo_t *si)
{
	sb_printf(sb, "%s ", signal_name(si->si_signo));
	print_siginfo(sb, si);
}

void print_siginfo(struct strbuf *sb, const siginfo_t *si)
{
	int signo = si->si_signo, code = si->si_code;
	const struct xlat *table = si_code_table(signo);
	const char *code_name = NULL;

	if (code <= 0 || code == SI_KERNEL)
		code_name = xlat_name(xlat_si_codes_generic, (uint64_t)(int64_t)code);
	else if (table)
		code_name = xlat_name(table, (uint64_t)code);
	sb_puts(sb, "{si_signo=");
	print_signo(sb, signo);
	sb_puts(sb, ", si_code=");
	if (code_name)
		xlat_print_styled(sb, (uint64_t)code, XLAT_NUM_HEX, code_name);
	else
		sb_printf(sb, "%d", code);
	if (si->si_errno) {
		const char *e = errno_name(si->si_errno);

		if (e)
			sb_printf(sb, ", si_errno=%s", e);
		else
			sb_printf(sb, ", si_errno=%d", si->si_errno);
	}
	if (code <= 0) {
		/* Sent by a process (kill, tkill, sigqueue) or a timer/queue/aio. */
		if (code == SI_TIMER) {
			sb_printf(sb, ", si_timerid=%#x, si_overrun=%d", (unsigned)si->si_timerid,
				  si->si_overrun);
			print_si_value(sb, si);
		} else {
			sb_printf(sb, ", si_pid=%d, si_uid=%u", si->si_pid, (unsigned)si->si_uid);
			if (code == SI_QUEUE || code == SI_MESGQ || code == SI_ASYNCIO)
				print_si_value(sb, si);
		}
	} else if (code == SI_KERNEL) {
		if (signo == SIGSEGV || signo == SIGBUS) {
			sb_puts(sb, ", si_addr=");
			print_addr(sb, (uint64_t)(uintptr_t)si->si_addr);
		}
	} else {
		switch (signo) {
		case SIGCHLD:
			sb_printf(sb, ", si_pid=%d, si_uid=%u, si_status=", si->si_pid,
				  (unsigned)si->si_uid);
			if (code == CLD_EXITED)
				sb_printf(sb, "%d", si->si_status);
			else
				print_signo(sb, si->si_status);
			sb_puts(sb, ", si_utime=");
			print_clock_t(sb, (long long)si->si_utime);
			sb_puts(sb, ", si_stime=");
			print_clock_t(sb, (long long)si->si_stime);
			break;
		case SIGSEGV: case SIGBUS: case SIGILL: case SIGFPE: case SIGTRAP:
			sb_puts(sb, ", si_addr=");
			print_addr(sb, (uint64_t)(uintptr_t)si->si_addr);
			break;
		case SIGIO:
			sb_printf(sb, ", si_band=%ld, si_fd=%d", (long)si->si_band, si->si_fd);
			break;
		case SIGSYS: {
			int pers = sysent_pers_from_audit_arch(si->si_arch);
			const char *name = pers >= 0 ? sysent_name(pers, si->si_syscall) : NULL;

			sb_puts(sb, ", si_call_addr=");
			print_addr(sb, (uint64_t)(uintptr_t)si->si_call_addr);
			if (name)
				sb_printf(sb, ", si_syscall=__NR_%s", name);
			else
				sb_printf(sb, ", si_syscall=%d", si->si_syscall);
			sb_printf(sb, ", si_arch=%s", pers == PERS_X86_64 ? "AUDIT_ARCH_X86_64" :
				  pers == PERS_I386 ? "AUDIT_ARCH_I386" : "AUDIT_ARCH_???");
			break;
		}
		default:
			sb_printf(sb, ", si_pid=%d, si_uid=%u", si->si_pid, (unsigned)si->si_uid);
			break;
		}
	}
	sb_putc(sb, '}');
}
