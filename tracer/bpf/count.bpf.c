// SPDX-License-Identifier: GPL-2.0
/*
 * tracer/bpf/count.bpf.c: trace's in-kernel counting engine, the BPF side. Compiled by
 * clang for the BPF target; bpftool turns the object into a skeleton (count.skel.h) that
 * bpf_run.c loads. Three programs on BTF tracepoints (tp_btf: the tracepoint's own
 * arguments, no record built for them):
 *
 *   sys_exit            counts the call of a watched thread into the per-CPU stats map
 *   sys_enter           (-w only) notes when the call entered, for its latency
 *   sched_process_fork  (-f only) a watched thread's new thread or process is watched too
 *
 * Which threads are watched is the threads map, a task storage: an entry lives and dies
 * with its task, so a thread's exit removes it and a recycled thread id never inherits
 * it. User space puts the started child in it (BPF_THREAD_PENDING) while the child waits
 * before its execve; the child's own start-up calls are not counted, and its successful
 * execve turns it to BPF_THREAD_COUNTED, counting that execve and everything after, as the
 * ptrace engine (and strace) count.
 *
 * GPL: bpf_task_storage_get and the BTF tracepoints are offered to GPL programs only.
 */
#include <linux/types.h>
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include "tracer/bpf/count_map.h"
#include "tracer/bpf/kernel_types.h"

char LICENSE[] SEC("license") = "GPL";

#define SIGKILL_NR 9	/* the same number on every Linux architecture */

/* Set by user space before the programs are loaded (read-only once loaded). */
const volatile int follow;		/* -f: watch descendants */
const volatile int timed;		/* -w: measure enter-to-exit latency */
const volatile long nr_execve;		/* x86-64's execve and execveat: the call */
const volatile long nr_execveat;	/* that starts the counting */

struct {
	__uint(type, BPF_MAP_TYPE_TASK_STORAGE);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__type(key, int);
	__type(value, struct bpf_thread);
} threads SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, BPF_PERS * BPF_NR_SLOTS);
	__type(key, __u32);
	__type(value, struct bpf_stat);
} stats SEC(".maps");

SEC("tp_btf/sys_enter")
int BPF_PROG(on_enter, struct pt_regs *regs, long id)
{
	struct bpf_thread *th;

	th = bpf_task_storage_get(&threads, bpf_get_current_task_btf(), 0, 0);
	if (th)
		th->enter_ns = bpf_ktime_get_ns();
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(on_exit, struct pt_regs *regs, long ret)
{
	struct task_struct *task = bpf_get_current_task_btf();
	struct bpf_thread *th = bpf_task_storage_get(&threads, task, 0, 0);
	struct bpf_stat *st;
	unsigned long nr;
	__u32 key;
	__u64 ns;

	if (!th)
		return 0;
	/*
	 * A thread with SIGKILL pending is being killed (exit_group, an exec by another
	 * thread, kill -9): the call it was in ends with an error but never returns to it.
	 * ptrace reports no exit stop then, and strace and the ptrace engine do not count it.
	 */
	if (task->pending.signal.sig[0] & (1UL << (SIGKILL_NR - 1)))
		return 0;
	nr = regs->orig_ax;
	if (th->state == BPF_THREAD_FORKED) {
		/* the child's return from fork or clone: the parent's call, counted there */
		th->state = BPF_THREAD_COUNTED;
		return 0;
	}
	if (th->state != BPF_THREAD_COUNTED) {
		/* the program begins where its execve succeeds */
		if (ret != 0 || (nr != nr_execve && nr != nr_execveat))
			return 0;
		th->state = BPF_THREAD_COUNTED;
	}
	if (nr >= BPF_NR_SLOTS)
		return 0;
	key = nr;
	if (task->thread_info.status & EXECLAB_TS_COMPAT)
		key += BPF_NR_SLOTS;
	st = bpf_map_lookup_elem(&stats, &key);
	if (!st)
		return 0;
	/* per-CPU: this CPU's row only, and the program is not preempted in it */
	st->calls++;
	if ((unsigned long)ret >= (unsigned long)-4095)
		st->errors++;
	if (timed) {
		ns = th->enter_ns ? bpf_ktime_get_ns() - th->enter_ns : 0;
		st->time_ns += ns;
		if (st->calls == 1 || ns < st->min_ns)
			st->min_ns = ns;
		if (ns > st->max_ns)
			st->max_ns = ns;
		th->enter_ns = 0;
	}
	return 0;
}

SEC("tp_btf/sched_process_fork")
int BPF_PROG(on_fork, struct task_struct *parent, struct task_struct *child)
{
	struct bpf_thread *p, *c;

	if (!follow)
		return 0;
	p = bpf_task_storage_get(&threads, parent, 0, 0);
	if (!p || p->state != BPF_THREAD_COUNTED)
		return 0;
	c = bpf_task_storage_get(&threads, child, 0, BPF_LOCAL_STORAGE_GET_F_CREATE);
	if (c)
		c->state = BPF_THREAD_FORKED;
	return 0;
}
