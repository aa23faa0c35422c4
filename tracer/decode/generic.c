/*
 * tracer/decode/generic.c: calls whose arguments are all plain values, decoded from a
 * one-letter-per-argument signature instead of a hand-written function. Enough to print
 * fds as -1 rather than 0xffffffffffffffff, pointers as NULL, paths as strings, as strace
 * does, for calls that have no richer decoder.
 *
 *   f fd    D dirfd (AT_FDCWD)    d int    l long    u unsigned long    x hex
 *   p pointer (NULL)    s path    S string (cut at -s)    o mode (octal)    g signal
 *   c clock id
 */
#include <string.h>
#include "tracer/decode/common.h"

static const struct {
	const char *name;
	const char *sig;
} signatures[] = {
	{ "capget", "pp" },
	{ "capset", "pp" },
	{ "epoll_pwait", "fpddpu" },
	{ "epoll_pwait2", "fpdppu" },
	{ "eventfd", "u" },
	{ "fallocate", "fxll" },
	{ "fanotify_init", "xx" },
	{ "flistxattr", "fpu" },
	{ "fremovexattr", "fS" },
	{ "fsetxattr", "fSpux" },
	{ "futimesat", "Dsp" },
	{ "get_mempolicy", "ppupx" },
	{ "get_robust_list", "dpp" },
	{ "getcpu", "ppp" },
	{ "getresgid", "ppp" },
	{ "getresgid32", "ppp" },
	{ "getresuid", "ppp" },
	{ "getresuid32", "ppp" },
	{ "inotify_add_watch", "fsx" },
	{ "inotify_init1", "x" },
	{ "inotify_rm_watch", "fd" },
	{ "io_destroy", "p" },
	{ "io_setup", "up" },
	{ "ioprio_get", "dd" },
	{ "ioprio_set", "ddd" },
	{ "lremovexattr", "sS" },
	{ "mincore", "pup" },
	{ "mlock2", "pux" },
	{ "mlockall", "x" },
	{ "mq_unlink", "S" },
	{ "name_to_handle_at", "Dsppx" },
	{ "pidfd_open", "dx" },
	{ "pidfd_send_signal", "fgpx" },
	{ "process_vm_readv", "dpupux" },
	{ "process_vm_writev", "dpupux" },
	{ "readahead", "flu" },
	{ "removexattr", "sS" },
	{ "rt_sigqueueinfo", "dgp" },
	{ "rt_tgsigqueueinfo", "ddgp" },
	{ "sched_get_priority_max", "d" },
	{ "sched_get_priority_min", "d" },
	{ "sched_getparam", "dp" },
	{ "sched_getscheduler", "d" },
	{ "sched_rr_get_interval", "dp" },
	{ "sched_setparam", "dp" },
	{ "sched_setscheduler", "ddp" },
	{ "setns", "fx" },
	{ "signalfd", "fpu" },
	{ "signalfd4", "fpux" },
	{ "splice", "fpfpux" },
	{ "swapoff", "s" },
	{ "swapon", "sx" },
	{ "sync_file_range", "fllx" },
	{ "syncfs", "f" },
	{ "tee", "ffux" },
	{ "timerfd_create", "cx" },
	{ "times", "p" },
	{ "unshare", "x" },
	{ "userfaultfd", "x" },
	{ "utime", "sp" },
	{ "utimes", "sp" },
	{ "vmsplice", "fpux" },
	{ "waitid", "ddpxp" },
};

const char *generic_signature(const char *name)
{
	size_t lo = 0, hi = sizeof signatures / sizeof signatures[0];

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int cmp = strcmp(name, signatures[mid].name);

		if (cmp == 0)
			return signatures[mid].sig;
		if (cmp < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

/* For the unit test of the table's order. */
const char *generic_table_name(size_t i)
{
	return i < sizeof signatures / sizeof signatures[0] ? signatures[i].name : NULL;
}

DECODER(generic)
{
	const char *name = sysent_name(d->c->pers, d->c->nr);
	const char *sig = name ? generic_signature(name) : NULL;
	int i;

	for (i = 0; sig && sig[i] && i < 6; i++) {
		switch (sig[i]) {
		case 'f': case 'd': p_int(d, i); break;
		case 'D': p_dirfd(d, i); break;
		case 'l': p_long(d, i); break;
		case 'u': p_ulong(d, i); break;
		case 'p': p_ptr(d, i); break;
		case 's': p_path(d, i); break;
		case 'S': p_str(d, i); break;
		case 'o': p_oct(d, i); break;
		case 'g': p_signo(d, i); break;
		case 'c': p_enum(d, i, xlat_clocks, "CLOCK_???"); break;
		default: p_hex(d, i); break;
		}
	}
	return RV_DONE;
}
