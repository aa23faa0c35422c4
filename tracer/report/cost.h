/*
 * tracer/report/cost.h: --cost, what tracing cost a run: the ptrace stops, the stops the
 * seccomp filter avoided and the estimated overhead per syscall.
 */
#ifndef EXECLAB_COST_H
#define EXECLAB_COST_H

#include <stdint.h>
#include <stdio.h>

/* What tracing cost. The engine counts; overhead is its estimate (see below). */
struct trace_cost {
	uint64_t ptrace_stops;			/* every waitpid() stop the tracer handled */
	uint64_t stops_avoided_by_seccomp;	/* 2 per syscall the filter let run untraced.
						 * The tracer never sees those calls: known from
						 * a perf count of the program's sys_enter
						 * (cost_watch()), else COST_UNKNOWN
						 * (printed "unknown", JSON null) */
	uint64_t syscalls;			/* syscalls seen (entered) by the tracer */
	double overhead_us_per_syscall;		/* e.g. (traced wall time - estimated untraced
						 * time) / syscalls; negative: unknown */
	/* what the other engine (--engine) would have cost the same run */
	int bpf;				/* this run was the bpf engine's */
	uint64_t other_stops;			/* ptrace: 2 per call; bpf: 0 */
	uint64_t other_switches;		/* 2 context switches per stop */
	double other_us_per_syscall;		/* estimated; negative: unknown */
};

#define COST_UNKNOWN UINT64_MAX

/*
 * Before the run: measures what a stop costs here (cost_measure_stop_us()) and, with a
 * seccomp filter, watches for the run's program to count its calls with the kernel's
 * raw_syscalls:sys_enter tracepoint (where perf events are permitted).
 */
void cost_watch(int seccomp);

/*
 * Before a run of either engine: the bpf engine's price per call, measured by the caller
 * (tracer/bpf/bpf_run.h's bpf_measure_call_us), or negative if unknown. For a bpf run it
 * is the run's own overhead; for a ptrace run, the other engine's.
 */
void cost_bpf_price(double us_per_call);

/* Before a bpf run (instead of cost_watch()): a ptrace stop's price, for the other line. */
void cost_watch_bpf(void);

/* After the run: the cost, from the engine's counts of stops and syscalls. */
void cost_collect(struct trace_cost *c, uint64_t stops, uint64_t syscalls);

/*
 * The --cost lines, preceded by a blank line (so they come right after the -c table):
 *
 *   ptrace stops: 58
 *   stops avoided by seccomp filter: 0         ("unknown" for COST_UNKNOWN)
 *   estimated tracing overhead: 15.2 us/syscall  ("unknown" if negative)
 *   with --engine=bpf: 0 stops, 0 context switches, about 0.1 us/syscall
 *
 * The last line is the other engine's cost for the same calls ("with --engine=ptrace:
 * 70 stops, 140 context switches, about 16.0 us/syscall" after a bpf run; "overhead
 * unknown" when its price could not be measured here).
 */
void cost_print(FILE *out, const struct trace_cost *c);

/*
 * Measures what one ptrace stop costs here (µs): a probe child makes the same getppid
 * loop untraced, then under PTRACE_SYSCALL (two stops per call), and the difference is
 * divided by the stops. ~20 ms; not for the hot path: call once, with --cost only. The
 * tracer must have no other child it waits for with waitpid(-1) meanwhile (call it
 * before starting the tracee). Returns 0 or -errno.
 */
int cost_measure_stop_us(double *us_per_stop);

/* The overhead estimate: stops per syscall times the cost of one stop; -1 if no calls. */
double cost_overhead_us(const struct trace_cost *c, double us_per_stop);

#endif
