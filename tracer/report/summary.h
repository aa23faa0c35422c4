/*
 * tracer/report/summary.h: what trace prints when a run is over: the -c tables (or their
 * JSON), --cost's lines and --tree's block.
 */
#ifndef EXECLAB_SUMMARY_H
#define EXECLAB_SUMMARY_H

#include <stddef.h>
#include <stdio.h>
#include "tracer/report/cost.h"
#include "tracer/report/count.h"
#include "tracer/report/tree.h"

struct summary {
	const struct count_table *counts;	/* the -c tables; NULL: not counting */
	enum count_sort sort;			/* -S */
	int json;				/* --json */
	const struct run_result *end;		/* how the program ended; NULL: unknown */
	const struct trace_cost *cost;		/* --cost; NULL: not asked */
	const struct proc_node *tree;		/* --tree; NULL: not asked */
	size_t ntree;
};

/*
 * JSON (tracer/report/json.h) with --json; else each personality's table that has calls
 * (strace's heading above a non-native one), then the --cost lines, then (after a blank
 * line if a table came first) the --tree block. Returns 0 or -ENOMEM.
 */
int summary_print(FILE *out, const struct summary *s);

#endif
