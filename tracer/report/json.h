/*
 * tracer/report/json.h: `--json` (with -c), `--cost` and `--tree`: pure printers over the
 * -c data of tracer/report/count.h plus the two structs below, which the engine fills.
 *
 * JSON document (keys are stable; members appear in this order):
 * {
 *   "personality": "x86_64",
 *   "syscalls": [ {"name": "openat", "calls": 3, "errors": 1, "seconds": 0.000012,
 *                  "usecs_per_call": 4}, ... ],      rows of the -c table, in its order
 *   "total": {"calls": 29, "errors": 1, "seconds": 0.000173, "usecs_per_call": 5},
 *   "other_personalities": [ {"personality": "i386", "syscalls": [...], "total": {...}} ],
 *                                                    only if a non-native table has calls
 *   "exit": {"status": 0}   or   {"signal": "SIGTERM", "signo": 15},
 *   "cost": {"ptrace_stops": N, "stops_avoided_by_seccomp": N or null, "syscalls": N,
 *            "overhead_us_per_syscall": 15.2 or null},   only with --cost
 *   "tree": [ {"pid": 1, "ppid": 0, "command": "sh", "exit": {...}}, ... ]   only with --tree
 * }
 * Numbers are JSON numbers; "seconds" has 6 decimals (the -c table's precision) and
 * "usecs_per_call" is truncated like the table's column.
 */
#ifndef EXECLAB_SUMMARY_JSON_H
#define EXECLAB_SUMMARY_JSON_H

#include <stdint.h>
#include <stdio.h>
#include <sys/types.h>
#include "tracer/report/count.h"

/* --cost: what tracing cost. The engine counts; overhead is its estimate (see below). */
struct trace_cost {
	uint64_t ptrace_stops;			/* every waitpid() stop the tracer handled */
	uint64_t stops_avoided_by_seccomp;	/* 2 per syscall the filter let run untraced.
						 * The tracer never sees those calls: known from
						 * a perf count of the program's sys_enter
						 * (tracer/features.c), else COST_UNKNOWN
						 * (printed "unknown", JSON null) */
	uint64_t syscalls;			/* syscalls seen (entered) by the tracer */
	double overhead_us_per_syscall;		/* e.g. (traced wall time - estimated untraced
						 * time) / syscalls; negative: unknown */
};

#define COST_UNKNOWN UINT64_MAX

/* --tree: one tracee. The engine keeps them in creation order. */
struct proc_node {
	pid_t pid, ppid;			/* ppid: the tracee that created it (0: none) */
	char command[128];			/* argv[0] of its last execve, else its comm */
	struct run_result result;
};

/*
 * The --cost lines, preceded by a blank line (so the engine calls it right after
 * count_print()):
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

/*
 * The --tree block: a title line, then one line per process, children under their
 * parent indented by two spaces, in the order given:
 *
 *   process tree:
 *   1200 sh: exited with 0
 *     1201 ls: exited with 0
 *     1202 cat: killed by SIGPIPE
 */
void tree_print(FILE *out, const struct proc_node *nodes, size_t n);

/* "exited with 3" / "killed by SIGTERM" into buf. */
void run_result_text(char *buf, size_t size, const struct run_result *r);

/*
 * The JSON document (format above), one trailing newline. The syscall rows follow sort,
 * as count_print() orders the table. cost and tree may be NULL (member left out).
 * Returns 0, or -ENOMEM.
 */
int summary_json_print(FILE *out, const struct count_table *t, enum count_sort sort,
		       const struct run_result *r, const struct trace_cost *cost,
		       const struct proc_node *tree, size_t ntree);

/* ---- helpers shared with tracer/report/compare.c ---- */

/* Writes s as a JSON string, quotes included: escapes ", \ and control characters, and
 * writes bytes that are not valid UTF-8 as \u00XX (their Latin-1 reading). */
void json_put_string(FILE *out, const char *s);

/* {"status": 0} or {"signal": "SIGTERM", "signo": 15}. */
void json_put_exit(FILE *out, const struct run_result *r);

/* The rows of one personality's table with calls > 0, ordered by sort: fills nrs (room
 * for t->size[pers] entries) and returns how many. */
long count_rows(const struct count_table *t, int pers, enum count_sort sort, long *nrs);

/* The name the -c table prints: sysent_name(), or "syscall_0x1c8" (static storage for
 * that case: valid until the next call). */
const char *count_row_name(int pers, long nr);

/* "x86_64", "i386". */
const char *pers_name(int pers);

#endif
