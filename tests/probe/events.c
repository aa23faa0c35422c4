/*
 * tests/probe/events.c: in-kernel event sources: a perf counter on a tracepoint (what
 * `trace --cost` opens) and loading an eBPF tracepoint program. Both depend on root or
 * capabilities, perf_event_paranoid, lockdown, and on tracefs being mounted.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/bpf.h>
#include <linux/perf_event.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "tests/probe/probe.h"

static const char *const tracepoint_ids[] = {
	"/sys/kernel/tracing/events/raw_syscalls/sys_enter/id",
	"/sys/kernel/debug/tracing/events/raw_syscalls/sys_enter/id",
};

static long tracepoint_id(void)
{
	long id;

	for (size_t i = 0; i < sizeof(tracepoint_ids) / sizeof(tracepoint_ids[0]); i++)
		if (probe_read_long(tracepoint_ids[i], &id) == 0 && id >= 0)
			return id;
	return -1;
}

static const char *paranoid(char *buf, size_t len)
{
	return probe_setting("/proc/sys/kernel/perf_event_paranoid", "perf_event_paranoid",
			     "perf_event_paranoid unreadable", buf, len);
}

int probe_perf(char *why, size_t len)
{
	struct perf_event_attr attr = { .size = sizeof(attr), .type = PERF_TYPE_TRACEPOINT };
	long id = tracepoint_id();
	char pbuf[64];
	int fd;

	if (id < 0) {
		snprintf(why, len, "the raw_syscalls:sys_enter tracepoint id is not readable: tracefs "
			 "is not mounted (as root: mount -t tracefs tracefs /sys/kernel/tracing) "
			 "or not readable by uid %d", (int)getuid());
		return 1;
	}
	attr.config = (unsigned long long)id;
	attr.disabled = 1;
	fd = (int)syscall(SYS_perf_event_open, &attr, 0, -1, -1, 0);
	if (fd < 0) {
		snprintf(why, len, "perf_event_open on raw_syscalls:sys_enter: %s (%s)",
			 strerror(errno), paranoid(pbuf, sizeof(pbuf)));
		return 1;
	}
	close(fd);
	snprintf(why, len, "perf_event_open on raw_syscalls:sys_enter worked (%s)",
		 paranoid(pbuf, sizeof(pbuf)));
	return 0;
}

/*
 * What trace --engine=bpf needs: the kernel's BTF (its programs are CO-RE), loading a
 * tracepoint program, and attaching it to raw_syscalls:sys_enter (a perf event on the
 * tracepoint, then PERF_EVENT_IOC_SET_BPF), then one call with it attached.
 */
int probe_bpf(char *why, size_t len)
{
	/* r0 = 0; exit: the smallest valid program. */
	struct bpf_insn insns[] = {
		{ .code = BPF_ALU64 | BPF_MOV | BPF_K, .dst_reg = BPF_REG_0, .imm = 0 },
		{ .code = BPF_JMP | BPF_EXIT },
	};
	struct perf_event_attr pattr = { .size = sizeof(pattr), .type = PERF_TYPE_TRACEPOINT };
	union bpf_attr attr;
	long id = tracepoint_id();
	int fd, pfd;

	if (access("/sys/kernel/btf/vmlinux", R_OK) != 0) {
		snprintf(why, len, "the kernel's BTF is not there (/sys/kernel/btf/vmlinux: %s): "
			 "CO-RE programs cannot load", strerror(errno));
		return 1;
	}
	memset(&attr, 0, sizeof(attr));
	attr.prog_type = BPF_PROG_TYPE_TRACEPOINT;
	attr.insns = (unsigned long)insns;
	attr.insn_cnt = sizeof(insns) / sizeof(insns[0]);
	attr.license = (unsigned long)"GPL";
	fd = (int)syscall(SYS_bpf, BPF_PROG_LOAD, &attr, sizeof(attr));
	if (fd < 0) {
		snprintf(why, len, "BPF_PROG_LOAD of a tracepoint program: %s", strerror(errno));
		return 1;
	}
	if (id < 0) {
		snprintf(why, len, "a tracepoint program loads, but the raw_syscalls:sys_enter "
			 "tracepoint id is not readable (tracefs not mounted?)");
		return 1;
	}
	pattr.config = (unsigned long long)id;
	pattr.sample_period = 1;
	pattr.wakeup_events = 1;
	pfd = (int)syscall(SYS_perf_event_open, &pattr, -1, 0, -1, PERF_FLAG_FD_CLOEXEC);
	if (pfd < 0 || ioctl(pfd, PERF_EVENT_IOC_SET_BPF, fd) != 0 ||
	    ioctl(pfd, PERF_EVENT_IOC_ENABLE, 0) != 0) {
		snprintf(why, len, "a tracepoint program loads, but attaching it to "
			 "raw_syscalls:sys_enter failed: %s", strerror(errno));
		return 1;
	}
	getppid();	/* one call through the attached program */
	close(pfd);
	close(fd);
	snprintf(why, len, "a tracepoint program loads and attaches to raw_syscalls:sys_enter");
	return 0;
}
