/*
 * tracer/bpf/kernel_types.h: the few kernel types the counting programs read, and no
 * more. Each is marked preserve_access_index: clang records every field access as a CO-RE
 * relocation, and libbpf moves it to the running kernel's offset (from its BTF,
 * /sys/kernel/btf/vmlinux) when the programs are loaded. So the members listed here need
 * only exist, under these names, in the running kernel; their order and the rest of the
 * structure do not matter. Only the BPF programs (count.bpf.c) include this file.
 */
#ifndef EXECLAB_BPF_KERNEL_TYPES_H
#define EXECLAB_BPF_KERNEL_TYPES_H

/* x86-64's saved user registers: the syscall number stays in orig_ax until the exit. */
struct pt_regs {
	unsigned long orig_ax;
} __attribute__((preserve_access_index));

/* x86's per-thread status word: TS_COMPAT while the current call is an i386 one. */
struct thread_info {
	unsigned int status;
} __attribute__((preserve_access_index));

/*
 * TS_COMPAT (arch/x86/include/asm/thread_info.h): set on entry through int $0x80,
 * sysenter or the 32-bit syscall instruction, and cleared on the way back to user space,
 * after the sys_exit tracepoint has run: it names the personality at both tracepoints.
 */
#define EXECLAB_TS_COMPAT 0x0002

/* A thread's pending signals: the first word holds SIGKILL's bit. */
struct sigset_words {
	unsigned long sig[1];
} __attribute__((preserve_access_index));

struct sigpending {
	struct sigset_words signal;
} __attribute__((preserve_access_index));

struct task_struct {
	struct thread_info thread_info;
	int pid;
	struct sigpending pending;
} __attribute__((preserve_access_index));

#endif
