/*
 * tracer/decode/process.c: decoders for process life cycle and process-wide state: execve,
 * clone, clone3, wait4, waitid, prlimit64, getrandom, arch_prctl, prctl, uname, sysinfo, getrusage,
 * futex, personality, sched_* (policies, priorities, affinity), ioprio_*, times, sleeps and clocks (exit, set_tid_address, set_robust_list, rseq,
 * alarm are signatures).
 */
#define _GNU_SOURCE
#include <inttypes.h>
#include <string.h>
#include <sched.h>
#include <sys/prctl.h>
#include <sys/sysinfo.h>
#include <sys/wait.h>
#include <asm/prctl.h>
#include <linux/futex.h>
#include <linux/ioprio.h>
#include <linux/personality.h>
#include "tracer/decode/xlat_compat.h"
#include "tracer/decode/common.h"

/*
 * A window over a tracee array of pointers (argv, envp), refilled 128 entries at a time:
 * counting 3000 environment variables costs a few reads, not 3000.
 */
struct ptr_array {
	struct dctx *d;
	uint64_t addr;
	uint64_t first;			/* index of vals[0] */
	size_t count;			/* valid entries in vals */
	uint64_t vals[128];
};

static void ptr_array_init(struct ptr_array *pa, struct dctx *d, uint64_t addr)
{
	pa->d = d;
	pa->addr = addr;
	pa->first = 0;
	pa->count = 0;
}

/* The pointer at index i; 0 on success, -1 if unreadable. */
static int read_ptr(struct ptr_array *pa, uint64_t i, uint64_t *out)
{
	unsigned psz = ptr_size(pa->d);
	unsigned char raw[sizeof pa->vals];
	size_t got, k;

	if (i < pa->first || i >= pa->first + pa->count) {
		got = mem_read_some(pa->d, pa->addr + i * psz, raw, 128 * psz, 0) / psz;
		if (!got)
			return -1;
		for (k = 0; k < got; k++) {
			pa->vals[k] = 0;
			memcpy(&pa->vals[k], raw + k * psz, psz);
		}
		pa->first = i;
		pa->count = got;
	}
	*out = pa->vals[i - pa->first];
	return 0;
}

/* argv: ["ls", "-la", "/"] (at most -s elements, then "...", unless -v). */
static void print_argv(struct dctx *d, uint64_t addr)
{
	struct ptr_array pa;
	uint64_t i, p;

	if (!addr) {
		sb_puts(d->sb, "NULL");
		return;
	}
	ptr_array_init(&pa, d, addr);
	if (read_ptr(&pa, 0, &p) < 0) {
		print_addr(d->sb, addr);
		return;
	}
	sb_putc(d->sb, '[');
	for (i = 0;; i++) {
		if (read_ptr(&pa, i, &p) < 0) {
			sb_puts(d->sb, i ? ", ..." : "...");
			break;
		}
		if (!p)
			break;
		if (!d->o->verbose && i >= (uint64_t)d->o->strsize) {
			sb_puts(d->sb, i ? ", ..." : "...");
			break;
		}
		if (i)
			sb_puts(d->sb, ", ");
		print_tracee_str(d, p, -1, (uint64_t)d->o->strsize, 0);
	}
	sb_putc(d->sb, ']');
}

/* envp: 0x7ffd... /\* 23 vars *\/; with -v the strings, as argv. */
static void print_envp(struct dctx *d, uint64_t addr)
{
	struct ptr_array pa;
	uint64_t n, p;

	if (d->o->verbose) {
		print_argv(d, addr);
		return;
	}
	print_addr(d->sb, addr);
	if (!addr)
		return;
	ptr_array_init(&pa, d, addr);
	for (n = 0; n < 65536; n++) {
		if (read_ptr(&pa, n, &p) < 0)
			return;
		if (!p)
			break;
	}
	sb_printf(d->sb, " /* %" PRIu64 " var%s */", n, n == 1 ? "" : "s");
}

DECODER(execve)
{
	p_path(d, 0);
	arg_sep(d);
	print_argv(d, arg(d, 1));
	arg_sep(d);
	print_envp(d, arg(d, 2));
	return RV_DONE;
}

DECODER(execveat)
{
	p_dirfd(d, 0);
	p_path(d, 1);
	arg_sep(d);
	print_argv(d, arg(d, 2));
	arg_sep(d);
	print_envp(d, arg(d, 3));
	p_flags(d, 4, xlat_execveat_flags, NULL);
	return RV_DONE;
}


static void print_clone_flags(struct strbuf *sb, uint64_t flags, int with_signal)
{
	uint64_t sig = with_signal ? flags & CSIGNAL : 0;

	flags &= with_signal ? ~(uint64_t)CSIGNAL : ~(uint64_t)0;
	if (flags)
		xlat_print_flags(sb, xlat_clone_flags, flags, NULL);
	if (sig) {
		if (flags)
			sb_putc(sb, '|');
		print_signo(sb, (int)sig);
	}
	if (!flags && !sig)
		sb_putc(sb, '0');
}

static void print_tid_at(struct dctx *d, uint64_t addr)
{
	int tid;

	if (addr && mem_read_full(d, addr, &tid, sizeof tid) == 0)
		sb_printf(d->sb, "[%d]", tid);
	else
		print_addr(d->sb, addr);
}

/*
 * clone: strace's named form. x86_64 order (flags, stack, parent_tid, child_tid, tls);
 * i386 swaps the last two (flags, stack, parent_tid, tls, child_tid).
 */
DECODER(clone)
{
	uint64_t flags = arg(d, 0);
	int ctid = is_compat(d) ? 4 : 3, tls = is_compat(d) ? 3 : 4;

	if (!d->exiting) {
		arg_sep(d);
		sb_puts(d->sb, "child_stack=");
		print_addr(d->sb, arg(d, 1));
		arg_sep(d);
		sb_puts(d->sb, "flags=");
		print_clone_flags(d->sb, flags, 1);
		if (!(flags & (CLONE_PARENT_SETTID | CLONE_PIDFD | CLONE_CHILD_SETTID |
			       CLONE_CHILD_CLEARTID | CLONE_SETTLS)))
			return RV_DONE;
		return 0;
	}
	if (flags & (CLONE_PARENT_SETTID | CLONE_PIDFD)) {
		arg_sep(d);
		sb_puts(d->sb, "parent_tid=");
		print_tid_at(d, arg(d, 2));
	}
	if (flags & CLONE_SETTLS) {
		arg_sep(d);
		sb_puts(d->sb, "tls=");
		print_addr(d->sb, arg(d, tls));
	}
	if (flags & (CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID)) {
		arg_sep(d);
		sb_puts(d->sb, "child_tidptr=");
		print_addr(d->sb, arg(d, ctid));
	}
	return 0;
}

/* struct clone_args (linux/sched.h), the fields strace prints. */
struct clone_args_ {
	uint64_t flags, pidfd, child_tid, parent_tid, exit_signal, stack, stack_size, tls,
		 set_tid, set_tid_size, cgroup;
};

DECODER(clone3)
{
	struct clone_args_ ca;
	uint64_t size = arg(d, 1);
	size_t n = size < sizeof ca ? (size_t)size : sizeof ca;

	memset(&ca, 0, sizeof ca);
	if (!d->exiting) {
		arg_sep(d);
		if (n < 64 || mem_read_full(d, arg(d, 0), &ca, n) < 0) {
			print_addr(d->sb, arg(d, 0));
			p_ulong(d, 1);
			return RV_DONE;
		}
		sb_puts(d->sb, "{flags=");
		print_clone_flags(d->sb, ca.flags, 0);
		if (ca.flags & CLONE_PIDFD)
			sb_printf(d->sb, ", pidfd=%#" PRIx64, ca.pidfd);
		if (ca.flags & (CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID))
			sb_printf(d->sb, ", child_tid=%#" PRIx64, ca.child_tid);
		if (ca.flags & CLONE_PARENT_SETTID)
			sb_printf(d->sb, ", parent_tid=%#" PRIx64, ca.parent_tid);
		sb_puts(d->sb, ", exit_signal=");
		print_signo(d->sb, (int)ca.exit_signal);
		sb_puts(d->sb, ", stack=");
		print_addr(d->sb, ca.stack);
		sb_printf(d->sb, ", stack_size=%#" PRIx64, ca.stack_size);
		if (ca.flags & CLONE_SETTLS)
			sb_printf(d->sb, ", tls=%#" PRIx64, ca.tls);
		sb_putc(d->sb, '}');
		return 0;
	}
	if (!failed(d) && n >= 64 && mem_read_full(d, arg(d, 0), &ca, n) == 0 &&
	    (ca.flags & (CLONE_PARENT_SETTID | CLONE_PIDFD))) {
		sb_puts(d->sb, " => {");
		if (ca.flags & CLONE_PIDFD) {
			sb_puts(d->sb, "pidfd=");
			print_tid_at(d, ca.pidfd);
		}
		if (ca.flags & CLONE_PARENT_SETTID) {
			sb_puts(d->sb, ca.flags & CLONE_PIDFD ? ", parent_tid=" : "parent_tid=");
			print_tid_at(d, ca.parent_tid);
		}
		sb_putc(d->sb, '}');
	}
	p_ulong(d, 1);
	return 0;
}

/* struct rusage's fields after the two timevals, in order (all longs on x86_64). */
static const char *const rusage_longs[] = {
	"maxrss", "ixrss", "idrss", "isrss", "minflt", "majflt", "nswap", "inblock",
	"oublock", "msgsnd", "msgrcv", "nsignals", "nvcsw", "nivcsw",
};

/* "{ru_utime={...}, ru_stime={...}, ...}"; with -v every field, as strace. */
static void print_rusage_at(struct dctx *d, uint64_t addr)
{
	int64_t ru[4 + sizeof rusage_longs / sizeof rusage_longs[0]];
	size_t i;

	if (!addr || is_compat(d) || mem_read_full(d, addr, ru, sizeof ru) < 0) {
		print_addr(d->sb, addr);
		return;
	}
	sb_printf(d->sb, "{ru_utime={tv_sec=%" PRId64 ", tv_usec=%" PRId64 "}, "
		  "ru_stime={tv_sec=%" PRId64 ", tv_usec=%" PRId64 "}",
		  ru[0], ru[1], ru[2], ru[3]);
	if (!d->o->verbose) {
		sb_puts(d->sb, ", ...}");
		return;
	}
	for (i = 0; i < sizeof rusage_longs / sizeof rusage_longs[0]; i++)
		sb_printf(d->sb, ", ru_%s=%" PRId64, rusage_longs[i], ru[4 + i]);
	sb_putc(d->sb, '}');
}

/* wait4(pid, status, options, rusage): all but pid at exit. */
DECODER(wait4)
{
	int status;

	if (!d->exiting) {
		p_int(d, 0);
		return 0;
	}
	arg_sep(d);
	if (!arg(d, 1))
		sb_puts(d->sb, "NULL");
	else if (failed(d) || retval(d) == 0 ||
		 mem_read_full(d, arg(d, 1), &status, sizeof status) < 0)
		print_addr(d->sb, arg(d, 1));
	else
		print_wait_status(d->sb, status);
	p_flags(d, 2, xlat_wait_options, NULL);
	if (d->c->nr >= 0 && sysent_nargs(d->c->pers, d->c->nr) < 4)
		return 0;	/* waitpid */
	p_out_struct(d, 3, print_rusage_at);
	return 0;
}

/*
 * waitid(idtype, id, infop, options, rusage): the id an fd for P_PIDFD; the rest at exit,
 * the siginfo "{}" when WNOHANG found no child (the kernel leaves si_signo 0).
 */
DECODER(waitid)
{
	siginfo_t si;

	if (!d->exiting) {
		p_enum(d, 0, xlat_waitid_types, "P_???");
		if (arg(d, 0) == P_PIDFD)
			p_fd(d, 1);
		else
			p_int(d, 1);
		return 0;
	}
	arg_sep(d);
	if (!arg(d, 2))
		sb_puts(d->sb, "NULL");
	else if (failed(d) || is_compat(d) ||
		 mem_read_full(d, arg(d, 2), &si, sizeof si) < 0)
		print_addr(d->sb, arg(d, 2));
	else if (si.si_signo == 0)
		sb_puts(d->sb, "{}");
	else
		print_siginfo(d->sb, &si);
	p_flags(d, 3, xlat_waitid_options, NULL);
	p_out_struct(d, 4, print_rusage_at);
	return 0;
}

static void print_rlimit64_at(struct dctx *d, uint64_t addr)
{
	uint64_t r[2];

	if (!addr) {
		sb_puts(d->sb, "NULL");
		return;
	}
	if (mem_read_full(d, addr, r, sizeof r) < 0) {
		print_addr(d->sb, addr);
		return;
	}
	sb_puts(d->sb, "{rlim_cur=");
	print_rlim(d->sb, r[0]);
	sb_puts(d->sb, ", rlim_max=");
	print_rlim(d->sb, r[1]);
	sb_putc(d->sb, '}');
}

/* prlimit64(pid, resource, new, old): old at exit. */
DECODER(prlimit64)
{
	if (!d->exiting) {
		p_int(d, 0);
		p_enum(d, 1, xlat_rlimit, "RLIMIT_???");
		arg_sep(d);
		print_rlimit64_at(d, arg(d, 2));
		return 0;
	}
	p_out_struct(d, 3, print_rlimit64_at);
	return 0;
}

/* getrlimit/setrlimit(resource, rlim): longs, so RLIM_INFINITY is ~0UL. */
static void print_rlimit_at(struct dctx *d, uint64_t addr)
{
	if (is_compat(d) || !addr) {
		print_addr(d->sb, addr);
		return;
	}
	print_rlimit64_at(d, addr);
}

DECODER(getrlimit)
{
	if (!d->exiting) {
		p_enum(d, 0, xlat_rlimit, "RLIMIT_???");
		return 0;
	}
	p_out_struct(d, 1, print_rlimit_at);
	return 0;
}

DECODER(setrlimit)
{
	p_enum(d, 0, xlat_rlimit, "RLIMIT_???");
	arg_sep(d);
	print_rlimit_at(d, arg(d, 1));
	return RV_DONE;
}

/* getrandom(buf, len, flags): the bytes at exit, in hex escapes like strace. */
DECODER(getrandom)
{
	if (!d->exiting)
		return 0;
	arg_sep(d);
	if (failed(d))
		print_addr(d->sb, arg(d, 0));
	else
		print_tracee_str(d, arg(d, 0), retval(d), (uint64_t)d->o->strsize, 1);
	p_ulong(d, 1);
	p_flags(d, 2, xlat_grnd, NULL);
	return 0;
}


DECODER(arch_prctl)
{
	uint64_t code = arg(d, 0), v;

	if (!d->exiting) {
		p_enum(d, 0, xlat_arch_prctl, "ARCH_???");
		if (code == ARCH_GET_FS || code == ARCH_GET_GS)
			return 0;
		p_hex(d, 1);
		return RV_DONE;
	}
	arg_sep(d);
	if (!failed(d) && mem_read_full(d, arg(d, 1), &v, sizeof v) == 0)
		sb_printf(d->sb, "[%#" PRIx64 "]", v);
	else
		print_addr(d->sb, arg(d, 1));
	return 0;
}

/* prctl(option, ...): only the arguments the option uses, like strace. */
DECODER(prctl)
{
	int option = arg_int(d, 0);
	int i;

	if (d->exiting && option == PR_GET_DUMPABLE) {
		static const char *const dumpable[] = {
			"SUID_DUMP_DISABLE", "SUID_DUMP_USER", "SUID_DUMP_ROOT"
		};

		if (!failed(d) && retval(d) >= 0 && retval(d) < 3)
			sb_puts(&d->aux, dumpable[retval(d)]);
		return 0;
	}
	if (d->exiting) {
		/* PR_GET_NAME / PR_GET_PDEATHSIG: the result lands in arg 1. */
		arg_sep(d);
		if (failed(d))
			print_addr(d->sb, arg(d, 1));
		else if (option == PR_GET_NAME)
			print_tracee_str(d, arg(d, 1), -1, 15, 0);
		else {
			int v;

			if (mem_read_full(d, arg(d, 1), &v, sizeof v) == 0)
				sb_printf(d->sb, "[%s]", v ? signal_name(v) : "0");
			else
				print_addr(d->sb, arg(d, 1));
		}
		return 0;
	}
	p_enum(d, 0, xlat_prctl_options, "PR_???");
	switch (option) {
	case PR_GET_DUMPABLE:
		return 0;	/* the result gets its name at exit */
	case PR_GET_KEEPCAPS: case PR_GET_TIMING: case PR_GET_SECCOMP:
	case PR_GET_SECUREBITS: case PR_GET_TIMERSLACK: case PR_TASK_PERF_EVENTS_DISABLE:
	case PR_TASK_PERF_EVENTS_ENABLE: case PR_MCE_KILL_GET: case PR_GET_NO_NEW_PRIVS:
	case PR_GET_THP_DISABLE: case PR_GET_FP_MODE: case PR_GET_TAGGED_ADDR_CTRL:
	case PR_GET_IO_FLUSHER: case PR_GET_MDWE:
		return RV_DONE;
	case PR_GET_NAME: case PR_GET_PDEATHSIG:
		return 0;
	case PR_SET_NAME:
		arg_sep(d);
		print_tracee_str(d, arg(d, 1), -1, 15, 0);
		return RV_DONE;
	case PR_SET_PDEATHSIG:
		p_signo(d, 1);
		return RV_DONE;
	case PR_SET_NO_NEW_PRIVS: case PR_SET_THP_DISABLE:
		for (i = 1; i < 5; i++)
			p_ulong(d, i);
		return RV_DONE;
	case PR_CAPBSET_READ: case PR_CAPBSET_DROP:
		p_enum(d, 1, xlat_capabilities, "CAP_???");
		return RV_DONE;
	case PR_CAP_AMBIENT:
		p_enum(d, 1, xlat_pr_cap_ambient, "PR_CAP_AMBIENT_???");
		i = 2;
		if (arg(d, 1) == PR_CAP_AMBIENT_RAISE || arg(d, 1) == PR_CAP_AMBIENT_LOWER ||
		    arg(d, 1) == PR_CAP_AMBIENT_IS_SET)
			p_enum(d, i++, xlat_capabilities, "CAP_???");
		for (; i < 5; i++)
			p_hex(d, i);
		return RV_DONE;
	case PR_SET_DUMPABLE: case PR_SET_KEEPCAPS: case PR_SET_SECUREBITS: case PR_SET_TIMERSLACK:
	case PR_SET_CHILD_SUBREAPER:
		p_ulong(d, 1);
		return RV_DONE;
	default:
		for (i = 1; i < 5; i++)
			p_hex(d, i);
		return RV_DONE;
	}
}

DECODER(unshare)
{
	p_flags_or_unknown(d, 0, xlat_unshare_flags, "CLONE_???");
	return RV_DONE;
}

/* uname(buf): {sysname="Linux", nodename="host", ...} at exit. */
DECODER(uname)
{
	char u[2][65];

	if (!d->exiting)
		return 0;
	arg_sep(d);
	if (failed(d) || mem_read_full(d, arg(d, 0), u, sizeof u) < 0) {
		print_addr(d->sb, arg(d, 0));
		return 0;
	}
	u[0][64] = u[1][64] = '\0';
	sb_puts(d->sb, "{sysname=\"");
	print_escaped(d->sb, (unsigned char *)u[0], strlen(u[0]), 0);
	sb_puts(d->sb, "\", nodename=\"");
	print_escaped(d->sb, (unsigned char *)u[1], strlen(u[1]), 0);
	sb_puts(d->sb, "\", ...}");
	return 0;
}

DECODER(sysinfo)
{
	struct sysinfo si;

	if (!d->exiting)
		return 0;
	arg_sep(d);
	if (failed(d) || is_compat(d) || mem_read_full(d, arg(d, 0), &si, sizeof si) < 0) {
		print_addr(d->sb, arg(d, 0));
		return 0;
	}
	sb_printf(d->sb, "{uptime=%ld, loads=[%lu, %lu, %lu], totalram=%lu, freeram=%lu, "
		  "sharedram=%lu, bufferram=%lu, totalswap=%lu, freeswap=%lu, procs=%u, "
		  "totalhigh=%lu, freehigh=%lu, mem_unit=%u}",
		  si.uptime, si.loads[0], si.loads[1], si.loads[2], si.totalram, si.freeram,
		  si.sharedram, si.bufferram, si.totalswap, si.freeswap, (unsigned)si.procs,
		  si.totalhigh, si.freehigh, si.mem_unit);
	return 0;
}

DECODER(getrusage)
{
	if (!d->exiting) {
		arg_sep(d);
		xlat_print_enum(d->sb, xlat_rusage_who, (uint64_t)arg_long(d, 0), "RUSAGE_???");
		return 0;
	}
	p_out_struct(d, 1, print_rusage_at);
	return 0;
}

/* The command: the bits below FUTEX_PRIVATE_FLAG, as strace reads them. */
#define FUTEX_CMD_BITS (FUTEX_PRIVATE_FLAG - 1)

static void print_bitset(struct dctx *d, int i)
{
	arg_sep(d);
	if ((uint32_t)arg(d, i) == UINT32_MAX)
		sb_puts(d->sb, "FUTEX_BITSET_MATCH_ANY");
	else
		sb_printf(d->sb, "%#" PRIx32, (uint32_t)arg(d, i));
}

static void p_timespec(struct dctx *d, int i)
{
	arg_sep(d);
	print_timespec_at(d, arg(d, i));
}

/* A named futex op with its flags: FUTEX_WAIT_PRIVATE|FUTEX_CLOCK_REALTIME. */
static void futex_op_text(struct strbuf *sb, uint64_t op)
{
	const unsigned known = FUTEX_CMD_BITS | FUTEX_PRIVATE_FLAG | FUTEX_CLOCK_REALTIME;

	sb_puts(sb, xlat_name(xlat_futex_ops, op & FUTEX_CMD_BITS));
	if (op & FUTEX_PRIVATE_FLAG)
		sb_puts(sb, "_PRIVATE");
	if (op & FUTEX_CLOCK_REALTIME)
		sb_puts(sb, "|FUTEX_CLOCK_REALTIME");
	if (op & ~(uint64_t)known)
		sb_printf(sb, "|%#x", (unsigned)(op & ~(uint64_t)known));
}

/* futex(uaddr, op, val, timeout|val2, uaddr2, val3): the arguments op uses. */
DECODER(futex)
{
	unsigned op = (unsigned)arg(d, 1), cmd = op & FUTEX_CMD_BITS;
	const char *name = xlat_name(xlat_futex_ops, cmd);

	p_ptr(d, 0);
	arg_sep(d);
	if (name)
		xlat_print_styled_by(d->sb, op, XLAT_NUM_HEX, futex_op_text);
	else
		sb_printf(d->sb, "%#x /* FUTEX_??? */", op);
	switch (cmd) {
	case FUTEX_WAIT:
		p_uint(d, 2);
		p_timespec(d, 3);
		break;
	case FUTEX_WAKE: case FUTEX_FD:
		p_uint(d, 2);
		break;
	case FUTEX_REQUEUE:
		p_uint(d, 2);
		p_uint(d, 3);
		p_ptr(d, 4);
		break;
	case FUTEX_CMP_REQUEUE: case FUTEX_CMP_REQUEUE_PI:
		p_uint(d, 2);
		p_uint(d, 3);
		p_ptr(d, 4);
		p_uint(d, 5);
		break;
	case FUTEX_WAKE_OP:
		p_uint(d, 2);
		p_uint(d, 3);
		p_ptr(d, 4);
		p_hex(d, 5);
		break;
	case FUTEX_LOCK_PI: case FUTEX_LOCK_PI2:
		p_timespec(d, 3);
		break;
	case FUTEX_UNLOCK_PI: case FUTEX_TRYLOCK_PI:
		break;
	case FUTEX_WAIT_BITSET:
		p_uint(d, 2);
		p_timespec(d, 3);
		print_bitset(d, 5);
		break;
	case FUTEX_WAKE_BITSET:
		p_uint(d, 2);
		print_bitset(d, 5);
		break;
	case FUTEX_WAIT_REQUEUE_PI:
		p_uint(d, 2);
		p_timespec(d, 3);
		p_ptr(d, 4);
		break;
	default:
		p_hex(d, 2);
		p_hex(d, 3);
		p_hex(d, 4);
		p_hex(d, 5);
		break;
	}
	return RV_DONE;
}

/* A CPU mask: "[0 1]" (the numbers of the set bits). */
static void print_cpumask_at(struct dctx *d, uint64_t addr, uint64_t len)
{
	unsigned char mask[1024];
	uint64_t bit;
	int first = 1;

	if (len > sizeof mask || mem_read_full(d, addr, mask, (size_t)len) < 0) {
		print_addr(d->sb, addr);
		return;
	}
	sb_putc(d->sb, '[');
	for (bit = 0; bit < len * 8; bit++) {
		if (!(mask[bit / 8] & (1u << (bit % 8))))
			continue;
		sb_printf(d->sb, "%s%" PRIu64, first ? "" : " ", bit);
		first = 0;
	}
	sb_putc(d->sb, ']');
}

DECODER(sched_getaffinity)
{
	if (!d->exiting) {
		p_int(d, 0);
		p_ulong(d, 1);
		return 0;
	}
	arg_sep(d);
	if (failed(d))
		print_addr(d->sb, arg(d, 2));
	else
		print_cpumask_at(d, arg(d, 2), (uint64_t)retval(d));
	return 0;
}

DECODER(sched_setaffinity)
{
	p_int(d, 0);
	p_ulong(d, 1);
	arg_sep(d);
	print_cpumask_at(d, arg(d, 2), arg(d, 1));
	return RV_DONE;
}

/* nanosleep(req, rem): rem is filled only when interrupted. */
static void print_rem(struct dctx *d, int i)
{
	arg_sep(d);
	if (d->c->is_error && arg(d, i))
		print_timespec_at(d, arg(d, i));
	else
		print_addr(d->sb, arg(d, i));
}

DECODER(nanosleep)
{
	if (!d->exiting) {
		p_timespec(d, 0);
		return 0;
	}
	print_rem(d, 1);
	return 0;
}

DECODER(clock_nanosleep)
{
	if (!d->exiting) {
		p_enum(d, 0, xlat_clocks, "CLOCK_???");
		p_flags(d, 1, xlat_timer_flags, NULL);
		p_timespec(d, 2);
		return 0;
	}
	print_rem(d, 3);
	return 0;
}

/* clock_gettime/clock_getres(clk, tp): tp at exit. */
DECODER(clock_gettime)
{
	if (!d->exiting) {
		p_enum(d, 0, xlat_clocks, "CLOCK_???");
		return 0;
	}
	p_out_struct(d, 1, print_timespec_at);
	return 0;
}

DECODER(clock_settime)
{
	p_enum(d, 0, xlat_clocks, "CLOCK_???");
	p_timespec(d, 1);
	return RV_DONE;
}

DECODER(gettimeofday)
{
	if (!d->exiting)
		return 0;
	p_out_struct(d, 0, print_timeval_at);
	p_ptr(d, 1);
	return 0;
}

DECODER(getpriority)
{
	p_enum(d, 0, xlat_priority_which, "PRIO_???");
	p_int(d, 1);
	return RV_DONE;
}

DECODER(setpriority)
{
	dec_getpriority(d);
	p_int(d, 2);
	return RV_DONE;
}

/* A persona: its type (the low byte) by name, then its flags: "PER_LINUX|ADDR_NO_RANDOMIZE". */
static void print_persona(struct strbuf *sb, unsigned int pers)
{
	xlat_print_enum(sb, xlat_personality_types, pers & PER_MASK, "PER_???");
	if (pers & ~PER_MASK) {
		sb_putc(sb, '|');
		xlat_print_flags(sb, xlat_personality_flags, pers & ~PER_MASK, NULL);
	}
}

/* personality(PER_LINUX|ADDR_NO_RANDOMIZE) = 0 (PER_LINUX): the old persona, also named. */
DECODER(personality)
{
	unsigned int pers = (unsigned int)arg(d, 0);

	if (!d->exiting) {
		arg_sep(d);
		if (pers == PERSONALITY_QUERY)
			sb_puts(d->sb, "0xffffffff");
		else
			print_persona(d->sb, pers);
		return 0;
	}
	if (failed(d))
		return 0;
	print_persona(&d->aux, (unsigned int)retval(d));
	return RV_HEX;
}

/* A scheduling policy: SCHED_BATCH, or "0x4d /\* SCHED_??? *\/". */
DECODER(sched_get_priority_max)
{
	p_enum(d, 0, xlat_sched_policies, "SCHED_???");
	return RV_DONE;
}

/* sched_getscheduler(0) = 3 (SCHED_BATCH): the result named in every -X style, as strace. */
DECODER(sched_getscheduler)
{
	const char *name;

	if (!d->exiting) {
		p_int(d, 0);
		return 0;
	}
	if (!failed(d) && (name = xlat_name(xlat_sched_policies, (uint64_t)retval(d))))
		sb_puts(&d->aux, name);
	return 0;
}

/* sched_setscheduler(0, SCHED_BATCH, [0]): the priority read from the struct sched_param. */
DECODER(sched_setscheduler)
{
	p_int(d, 0);
	p_enum(d, 1, xlat_sched_policies, "SCHED_???");
	arg_sep(d);
	print_int_at(d, arg(d, 2));
	return RV_DONE;
}

/* sched_setparam(0, [0]) at entry; sched_getparam(0, [0]) shows it at exit. */
DECODER(sched_setparam)
{
	p_int(d, 0);
	arg_sep(d);
	print_int_at(d, arg(d, 1));
	return RV_DONE;
}

DECODER(sched_getparam)
{
	if (!d->exiting) {
		p_int(d, 0);
		return 0;
	}
	p_out_struct(d, 1, print_int_at);
	return 0;
}

DECODER(sched_rr_get_interval)
{
	if (!d->exiting) {
		p_int(d, 0);
		return 0;
	}
	p_out_struct(d, 1, print_timespec_at);
	return 0;
}

/* An I/O priority, "IOPRIO_PRIO_VALUE(IOPRIO_CLASS_BE, 4)": the class above bit 13, data below. */
static void print_ioprio_value(struct strbuf *sb, unsigned int ioprio)
{
	sb_puts(sb, "IOPRIO_PRIO_VALUE(");
	xlat_print_enum(sb, xlat_ioprio_class, IOPRIO_PRIO_CLASS(ioprio), "IOPRIO_CLASS_???");
	sb_printf(sb, ", %lu)", (unsigned long)IOPRIO_PRIO_DATA(ioprio));
}

/* ioprio_get(IOPRIO_WHO_PROCESS, 0) = 8196 (IOPRIO_PRIO_VALUE(IOPRIO_CLASS_RT, 4)) */
DECODER(ioprio_get)
{
	if (!d->exiting) {
		p_enum(d, 0, xlat_ioprio_who, "IOPRIO_WHO_???");
		p_int(d, 1);
		return 0;
	}
	/* strace leaves the comment out under -X raw */
	if (!failed(d) && xlat_get_style() != XLAT_STYLE_RAW)
		print_ioprio_value(&d->aux, (unsigned int)retval(d));
	return 0;
}

/* The priority: the macro form, its number (-X raw), or both (-X verbose), as strace. */
DECODER(ioprio_set)
{
	unsigned int ioprio = (unsigned int)arg(d, 2);

	dec_ioprio_get(d);
	arg_sep(d);
	if (xlat_get_style() != XLAT_STYLE_ABBREV)
		sb_printf(d->sb, "%d", (int)ioprio);
	if (xlat_get_style() == XLAT_STYLE_VERBOSE) {
		sb_puts(d->sb, " /* ");
		print_ioprio_value(d->sb, ioprio);
		sb_puts(d->sb, " */");
	} else if (xlat_get_style() == XLAT_STYLE_ABBREV) {
		print_ioprio_value(d->sb, ioprio);
	}
	return RV_DONE;
}

/* times({tms_utime=3 /\* 0.03 s *\/, ...}): four clock_t, 4 bytes each for i386. */
static void print_tms_at(struct dctx *d, uint64_t addr)
{
	static const char *const field[4] = { "tms_utime", "tms_stime", "tms_cutime",
					      "tms_cstime" };
	union { int32_t c32[4]; int64_t c64[4]; } t;

	if (!addr || mem_read_full(d, addr, &t, is_compat(d) ? sizeof t.c32 : sizeof t.c64) < 0) {
		print_addr(d->sb, addr);
		return;
	}
	for (int i = 0; i < 4; i++) {
		sb_printf(d->sb, "%s%s=", i ? ", " : "{", field[i]);
		print_clock_t(d->sb, is_compat(d) ? t.c32[i] : t.c64[i]);
	}
	sb_putc(d->sb, '}');
}

DECODER(times)
{
	if (!d->exiting)
		return 0;
	p_out_struct(d, 0, print_tms_at);
	return 0;
}

DECODER(membarrier)
{
	p_enum(d, 0, xlat_membarrier_cmds, "MEMBARRIER_CMD_???");
	p_hex(d, 1);
	p_int(d, 2);
	return RV_DONE;
}

DECODER(ptrace)
{
	p_enum(d, 0, xlat_ptrace_requests, "PTRACE_???");
	p_int(d, 1);
	p_ptr(d, 2);
	p_ptr(d, 3);
	return RV_DONE;
}

DECODER(seccomp)
{
	p_enum(d, 0, xlat_seccomp_ops, "SECCOMP_???");
	p_hex(d, 1);
	p_ptr(d, 2);
	return RV_DONE;
}

/* A list of n gids (4 bytes each; 2 for i386's 16-bit getgroups/setgroups): "[0, 4, 27]". */
static void print_gids_at(struct dctx *d, uint64_t addr, uint64_t n, unsigned size)
{
	uint64_t i;

	if (!addr) {
		sb_puts(d->sb, "NULL");
		return;
	}
	sb_putc(d->sb, '[');
	for (i = 0; i < n; i++) {
		uint32_t gid = 0;

		if (i >= (uint64_t)d->o->strsize) {
			sb_puts(d->sb, i ? ", ..." : "...");
			break;
		}
		if (mem_read_full(d, addr + i * size, &gid, size) < 0) {
			sb_puts(d->sb, i ? ", ..." : "...");
			break;
		}
		sb_printf(d->sb, "%s%u", i ? ", " : "", gid);
	}
	sb_putc(d->sb, ']');
}

static unsigned gid_size(const struct dctx *d)
{
	const char *name = sysent_name(d->c->pers, d->c->nr);

	return is_compat(d) && name && !strstr(name, "32") ? 2 : 4;
}

/* getgroups(size, list): the list at exit, as many gids as returned. */
DECODER(getgroups)
{
	uint64_t n;

	if (!d->exiting) {
		p_int(d, 0);
		return 0;
	}
	arg_sep(d);
	if (failed(d)) {
		print_addr(d->sb, arg(d, 1));
		return 0;
	}
	n = arg(d, 0) == 0 ? 0 : (uint64_t)retval(d);
	print_gids_at(d, arg(d, 1), n, gid_size(d));
	return 0;
}

DECODER(setgroups)
{
	p_int(d, 0);
	arg_sep(d);
	print_gids_at(d, arg(d, 1), (uint32_t)arg(d, 0), gid_size(d));
	return RV_DONE;
}

/* struct sigevent: {sigev_signo=SIGALRM, sigev_notify=SIGEV_SIGNAL} (strace's form). */
static void print_sigevent_at(struct dctx *d, uint64_t addr)
{
	struct {
		uint64_t value;
		int32_t signo, notify;
		union { int32_t tid; uint64_t function; } u;
		uint64_t attributes;
	} ev;

	if (!addr) {
		sb_puts(d->sb, "NULL");
		return;
	}
	if (is_compat(d) || mem_read_full(d, addr, &ev, sizeof ev) < 0) {
		print_addr(d->sb, addr);
		return;
	}
	sb_putc(d->sb, '{');
	if (ev.value)
		sb_printf(d->sb, "sigev_value={sival_int=%d, sival_ptr=%#" PRIx64 "}, ",
			  (int)(uint32_t)ev.value, ev.value);
	if (ev.notify != 1) {
		sb_puts(d->sb, "sigev_signo=");
		print_signo(d->sb, ev.signo);
		sb_puts(d->sb, ", ");
	}
	sb_puts(d->sb, "sigev_notify=");
	xlat_print_enum(d->sb, xlat_sigev_notify, (uint32_t)ev.notify, "SIGEV_???");
	if (ev.notify == 4)
		sb_printf(d->sb, ", sigev_notify_thread_id=%d", ev.u.tid);
	else if (ev.notify == 2)
		sb_printf(d->sb, ", sigev_notify_function=%#" PRIx64
			  ", sigev_notify_attributes=%#" PRIx64, ev.u.function, ev.attributes);
	sb_putc(d->sb, '}');
}

/* timer_create(clockid, sevp, timerid): the new id at exit, "[0]". */
DECODER(timer_create)
{
	int id;

	if (!d->exiting) {
		p_enum(d, 0, xlat_clocks, "CLOCK_???");
		arg_sep(d);
		print_sigevent_at(d, arg(d, 1));
		return 0;
	}
	arg_sep(d);
	if (!failed(d) && mem_read_full(d, arg(d, 2), &id, sizeof id) == 0)
		sb_printf(d->sb, "[%d]", id);
	else
		print_addr(d->sb, arg(d, 2));
	return 0;
}

/* struct itimerspec / itimerval: {it_interval={...}, it_value={...}} */
static void print_itimer_at(struct dctx *d, uint64_t addr, int nsec)
{
	unsigned half = is_compat(d) ? 8 : 16;

	if (!addr) {
		sb_puts(d->sb, "NULL");
		return;
	}
	{
		unsigned char probe[32];

		if (mem_read_full(d, addr, probe, 2 * half) < 0) {
			print_addr(d->sb, addr);
			return;
		}
	}
	sb_puts(d->sb, "{it_interval=");
	if (nsec)
		print_timespec_at(d, addr);
	else
		print_timeval_at(d, addr);
	sb_puts(d->sb, ", it_value=");
	if (nsec)
		print_timespec_at(d, addr + half);
	else
		print_timeval_at(d, addr + half);
	sb_putc(d->sb, '}');
}

/* timer_settime(id, flags, new, old) / timerfd_settime(fd, flags, new, old) */
DECODER(timer_settime)
{
	if (!d->exiting) {
		p_int(d, 0);
		p_flags(d, 1, xlat_timer_flags, NULL);
		arg_sep(d);
		print_itimer_at(d, arg(d, 2), 1);
		return 0;
	}
	arg_sep(d);
	if (failed(d))
		print_addr(d->sb, arg(d, 3));
	else
		print_itimer_at(d, arg(d, 3), 1);
	return 0;
}

DECODER(timer_gettime)
{
	if (!d->exiting) {
		p_int(d, 0);
		return 0;
	}
	arg_sep(d);
	if (failed(d))
		print_addr(d->sb, arg(d, 1));
	else
		print_itimer_at(d, arg(d, 1), 1);
	return 0;
}

/* setitimer(which, new, old) / getitimer(which, cur) */
DECODER(setitimer)
{
	if (!d->exiting) {
		p_enum(d, 0, xlat_itimer_which, "ITIMER_???");
		arg_sep(d);
		print_itimer_at(d, arg(d, 1), 0);
		return 0;
	}
	arg_sep(d);
	if (failed(d))
		print_addr(d->sb, arg(d, 2));
	else
		print_itimer_at(d, arg(d, 2), 0);
	return 0;
}

DECODER(getitimer)
{
	if (!d->exiting) {
		p_enum(d, 0, xlat_itimer_which, "ITIMER_???");
		return 0;
	}
	arg_sep(d);
	if (failed(d))
		print_addr(d->sb, arg(d, 1));
	else
		print_itimer_at(d, arg(d, 1), 0);
	return 0;
}
