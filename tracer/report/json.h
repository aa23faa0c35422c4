/*
 * tracer/report/json.h: `--json` (with -c): a pure printer over the -c data of
 * tracer/report/count.h, --cost's numbers (cost.h) and --tree's processes (tree.h).
 *
 * JSON document (keys are stable; members appear in this order):
 * {
 *   "personality": "x86_64",
 *   "syscalls": [ {"name": "openat", "calls": 3, "errors": 1, "seconds": 0.000012,
 *                  "usecs_per_call": 4}, ... ],      rows of the -c table, in its order
 *   "total": {"calls": 29, "errors": 1, "seconds": 0.000173, "usecs_per_call": 5},
 *   "other_personalities": [ {"personality": "i386", "syscalls": [...], "total": {...}} ],
 *                                                    only if a non-native table has calls
 *   "exit": {"status": 0}   or   {"signal": "SIGTERM", "signo": 15}   or   null,
 *                                                    null: no exit status is known (-p:
 *                                                    trace detached, the process goes on)
 *   "cost": {"ptrace_stops": N, "stops_avoided_by_seccomp": N or null, "syscalls": N,
 *            "overhead_us_per_syscall": 15.2 or null},   only with --cost
 *   "tree": [ {"pid": 1, "ppid": 0, "command": "sh", "exit": {...}}, ... ]   only with --tree
 * }
 * Numbers are JSON numbers; "seconds" has 6 decimals (the -c table's precision) and
 * "usecs_per_call" is truncated like the table's column.
 */
#ifndef EXECLAB_JSON_H
#define EXECLAB_JSON_H

#include <stddef.h>
#include <stdio.h>
#include "tracer/report/cost.h"
#include "tracer/report/count.h"
#include "tracer/report/tree.h"

/*
 * The JSON document (format above), one trailing newline. The syscall rows follow sort,
 * as count_print() orders the table. r may be NULL ("exit": null); cost and tree may be
 * NULL (member left out).
 * Returns 0, or -ENOMEM.
 */
int summary_json_print(FILE *out, const struct count_table *t, enum count_sort sort,
		       const struct run_result *r, const struct trace_cost *cost,
		       const struct proc_node *tree, size_t ntree);

/* ---- helpers shared with tracer/report/compare.c ---- */

/* Writes s as a JSON string, quotes included: escapes ", \ and control characters, and
 * writes bytes that are not valid UTF-8 as \u00XX (their Latin-1 reading). */
void json_put_string(FILE *out, const char *s);

/* {"status": 0} or {"signal": "SIGTERM", "signo": 15}; null if r is NULL (not known). */
void json_put_exit(FILE *out, const struct run_result *r);

#endif
