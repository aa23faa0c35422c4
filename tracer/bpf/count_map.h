/*
 * tracer/bpf/count_map.h: CONTRACT between the in-kernel counting programs
 * (count.bpf.c) and the engine that loads and reads them (bpf_run.c): the layout of the
 * maps. Plain C types only: both the BPF target and the host compiler read it.
 */
#ifndef EXECLAB_BPF_COUNT_MAP_H
#define EXECLAB_BPF_COUNT_MAP_H

/*
 * The stats map: a per-CPU array of BPF_PERS tables of BPF_NR_SLOTS rows, the row of
 * (personality, nr) at pers * BPF_NR_SLOTS + nr. Personality 0 is x86-64, 1 is i386
 * (tracer/sysent.h's PERS_X86_64, PERS_I386). Numbers past the slots are not counted,
 * as the ptrace engine does not count numbers outside its table.
 */
#define BPF_PERS 2
#define BPF_NR_SLOTS 1024

struct bpf_stat {
	unsigned long long calls;
	unsigned long long errors;	/* return values -4095..-1, as strace counts */
	unsigned long long time_ns;	/* enter-to-exit latency (with -w only) */
	unsigned long long min_ns, max_ns;
};

/* A watched thread's entry in the threads map (task storage: freed when it ends). */
enum bpf_thread_state {
	BPF_THREAD_PENDING = 1,	/* the started child before its execve: nothing counted */
	BPF_THREAD_COUNTED = 2,	/* the program's threads: every call counted */
	BPF_THREAD_FORKED = 3,	/* a new thread or process: its first exit is the return
				 * of the parent's fork or clone, not a call of its own */
};

struct bpf_thread {
	unsigned int state;	/* enum bpf_thread_state */
	unsigned int pad;
	unsigned long long enter_ns;	/* -w: when the current call entered */
};

#endif
