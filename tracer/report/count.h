/*
 * tracer/report/count.h: CONTRACT for -c data, shared by the counter (the engine's
 * count_add()), the table printer and row order (tracer/report/count.c) and the JSON /
 * --compare printers (tracer/report/json.c, tracer/report/compare.c). Plain data: the
 * printers are pure over it.
 */
#ifndef EXECLAB_COUNT_H
#define EXECLAB_COUNT_H

#include <stdint.h>
#include <stdio.h>
#include "tracer/sysent.h"

struct syscall_stat {
	uint64_t calls;
	uint64_t errors;	/* counted as strace counts them (-4095..-1 return values) */
	uint64_t time_ns;	/* total: system CPU time by default, wall-clock with -w */
	uint64_t min_ns, max_ns;
};

/* One table per personality, indexed by syscall number (0 .. sysent_count(pers) - 1). */
struct count_table {
	long size[PERS_COUNT];
	struct syscall_stat *stat[PERS_COUNT];
	int untimed;	/* no time was measured (the bpf engine without -w): the printers
			 * show the time columns as "-" (JSON null) and SORT_TIME sorts
			 * by calls */
};

enum count_sort {
	SORT_TIME = 0,		/* default: descending total time, ties in number order */
	SORT_CALLS,
	SORT_ERRORS,
	SORT_NAME,
	SORT_NONE,
};

/* How the traced program ended (for --json and --tree). */
struct run_result {
	int exited;		/* 1: exit status valid; 0: killed by signal */
	int status;		/* exit status, or the signal number */
};

/* Allocates zeroed tables for every personality. Returns 0 or -ENOMEM. */
int count_table_init(struct count_table *t);
void count_table_free(struct count_table *t);

/*
 * The rows of one personality's table with calls > 0, in the -S order (ties in number
 * order, as strace's stable sort gives): fills nrs (room for t->size[pers] entries) and
 * returns how many.
 */
long count_rows(const struct count_table *t, int pers, enum count_sort sort, long *nrs);

/* Prints strace's -c table for one personality (header, rows, dashes, total) to out. */
void count_print(FILE *out, const struct count_table *t, int pers, enum count_sort sort);

/* ---- additions by the engine (tracer/report/count.c) ---------------------------------------- */

/* 1 if pers has at least one call counted (strace prints only those tables). */
int count_has_calls(const struct count_table *t, int pers);

/*
 * Counts one finished call: the -c hot path, so inline and branch-light. Numbers outside
 * the table are not counted, as in strace 6.1.
 */
static inline void count_add(struct count_table *t, int pers, long nr, int is_error,
			     uint64_t ns)
{
	struct syscall_stat *st;

	if ((unsigned long)nr >= (unsigned long)t->size[pers])
		return;
	st = &t->stat[pers][nr];
	if (!st->calls++ || ns < st->min_ns)
		st->min_ns = ns;
	if (ns > st->max_ns)
		st->max_ns = ns;
	st->errors += is_error != 0;
	st->time_ns += ns;
}

#endif
