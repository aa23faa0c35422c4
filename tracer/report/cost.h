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
};

#define COST_UNKNOWN UINT64_MAX

/*
 * Before the run: measures what a stop costs here (cost_measure_stop_us()) and, with a
 * seccomp filter, watches for the run's program to count its calls with the kernel's
 * raw_syscalls:sys_enter tracepoint (where perf events are permitted).
 */
void cost_watch(int seccomp);

/* After the run: the cost, from the engine's counts of stops and syscalls. */
void cost_collect(struct trace_cost *c, uint64_t stops, uint64_t syscalls);

/*
 * The --cost lines, preceded by a blank line (so they come right after the -c table):
 *
 *   ptrace stops: 58
 *   stops avoided by seccomp filter: 0         ("unknown" for COST_UNKNOWN)
 *   estimated tracing overhead: 15.2 us/syscall  ("unknown" if negative)
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
