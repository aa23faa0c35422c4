/*
 * tracer/bpf/bpf_run.h: trace's second engine for -c: eBPF programs on the kernel's
 * syscall tracepoints count each call of the program in the kernel (tracer/bpf/
 * count.bpf.c), and the tables are read once when the program is gone. The program runs
 * without a single stop. What it counts equals the ptrace engine's: the started thread
 * (with follow: every descendant thread and process), from its execve on, calls and errors
 * per (personality, number); with timed (-w) each call's enter-to-exit latency too.
 * Without timed the tables say their time was not measured (count_table.untimed).
 *
 *   open (load and attach, once) -> run (a program; --compare: one per command) -> close
 */
#ifndef EXECLAB_BPF_RUN_H
#define EXECLAB_BPF_RUN_H

#include <stddef.h>
#include "tracer/engine/run.h"

struct bpf_counter;

/* 1 if this trace was built with the bpf engine (configure --enable-bpf). */
int bpf_engine_built(void);

/*
 * Loads and attaches the counting programs. Returns 0 and *out, or -errno with why
 * (len bytes) saying in one phrase why the engine cannot run here: not built in, not
 * permitted (root, or CAP_BPF with CAP_PERFMON), no kernel BTF, lockdown.
 */
int bpf_counter_open(struct bpf_counter **out, int follow, int timed, char *why, size_t len);

/*
 * Runs argv (found in PATH) with the counters on, waits for it and every descendant that
 * is left (trace is their subreaper), and fills *out as run() does (stops: 0; syscalls:
 * the calls counted). Only the calls tstate.selected() takes (-e trace=) are kept.
 * Returns 0, or an exit status (enum trace_exit) after one message.
 */
int bpf_counter_run(struct bpf_counter *c, char **argv, struct run_outcome *out);

void bpf_counter_close(struct bpf_counter *c);

/*
 * --cost: what counting costs a call here (µs), with -w's latency if timed: a probe
 * child makes a getppid loop with no program attached, then counted by counters opened
 * for it, and the difference
 * is divided by the calls (the fastest of 3 runs each). Some 100 ms; call it before the run's counters are open (they
 * would slow the first loop too). Returns 0 or -errno (the engine cannot load here).
 */
int bpf_measure_call_us(int timed, double *us);

#endif
