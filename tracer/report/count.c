/*
 * tracer/report/count.c: -c counting storage, the row order (-S) and strace 6.1's summary
 * table. count_print() is pure over struct count_table: the unit tests feed it tables and
 * compare with golden strings in strace's exact layout.
 */
#define _GNU_SOURCE		/* qsort_r */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "tracer/report/count.h"
#include "tracer/report/sysname.h"

int count_table_init(struct count_table *t)
{
	memset(t, 0, sizeof(*t));
	for (int p = 0; p < PERS_COUNT; p++) {
		long n = sysent_count(p);

		if (n <= 0)
			continue;
		t->stat[p] = calloc(n, sizeof(*t->stat[p]));
		if (!t->stat[p]) {
			count_table_free(t);
			return -ENOMEM;
		}
		t->size[p] = n;
	}
	return 0;
}

void count_table_free(struct count_table *t)
{
	for (int p = 0; p < PERS_COUNT; p++) {
		free(t->stat[p]);
		t->stat[p] = NULL;
		t->size[p] = 0;
	}
}

int count_has_calls(const struct count_table *t, int pers)
{
	for (long nr = 0; nr < t->size[pers]; nr++)
		if (t->stat[pers][nr].calls)
			return 1;
	return 0;
}

/* ---- the row order (strace's count.c semantics) ------------------------------------ */

struct sort_ctx {
	const struct syscall_stat *stat;
	int pers;
};

static int by_nr(const void *a, const void *b, void *arg)
{
	long x = *(const long *)a, y = *(const long *)b;

	(void)arg;
	return (x > y) - (x < y);
}

/* Descending on a field; ties in syscall-number order (what strace's stable sort gives). */
#define DESC_BY(field)                                                                \
	static int by_##field(const void *a, const void *b, void *arg)               \
	{                                                                             \
		const struct sort_ctx *c = arg;                                       \
		long x = *(const long *)a, y = *(const long *)b;                      \
		uint64_t fx = c->stat[x].field, fy = c->stat[y].field;                \
		if (fx != fy)                                                         \
			return fx < fy ? 1 : -1;                                      \
		return by_nr(a, b, arg);                                              \
	}
DESC_BY(time_ns)
DESC_BY(calls)
DESC_BY(errors)

static int by_name(const void *a, const void *b, void *arg)
{
	const struct sort_ctx *c = arg;
	char bx[SYSNAME_MAX], by[SYSNAME_MAX];
	int d = strcmp(sysname(c->pers, *(const long *)a, bx, sizeof(bx)),
		       sysname(c->pers, *(const long *)b, by, sizeof(by)));

	return d ? d : by_nr(a, b, arg);
}

static int (*const sorters[])(const void *, const void *, void *) = {
	[SORT_TIME] = by_time_ns,
	[SORT_CALLS] = by_calls,
	[SORT_ERRORS] = by_errors,
	[SORT_NAME] = by_name,
	[SORT_NONE] = by_nr,
};

long count_rows(const struct count_table *t, int pers, enum count_sort sort, long *nrs)
{
	struct sort_ctx ctx = { .stat = t->stat[pers], .pers = pers };
	long n = 0;

	if (t->untimed && sort == SORT_TIME)
		sort = SORT_CALLS;	/* no time to sort by: the busiest calls first */

	for (long nr = 0; nr < t->size[pers]; nr++)
		if (t->stat[pers][nr].calls)
			nrs[n++] = nr;
	if ((unsigned)sort >= sizeof(sorters) / sizeof(sorters[0]))
		sort = SORT_TIME;
	qsort_r(nrs, (size_t)n, sizeof(*nrs), sorters[sort], &ctx);
	return n;
}

/* ---- the table ---------------------------------------------------------------------- */

static int ndigits(uint64_t v)
{
	int n = 1;

	while (v >= 10) {
		v /= 10;
		n++;
	}
	return n;
}

static int max_int(int a, int b)
{
	return a > b ? a : b;
}

static void dashes(FILE *out, int w, const char *after)
{
	for (int i = 0; i < w; i++)
		fputc('-', out);
	fputs(after, out);
}

/* microseconds per call, truncated as strace's integer column is. */
static uint64_t usecs_per_call(uint64_t ns, uint64_t calls)
{
	return calls ? ns / 1000 / calls : 0;
}

/* An untimed table's row: "-" for each time column, calls and errors as print_row's. */
static void print_untimed_row(FILE *out, const int *w, uint64_t calls, uint64_t errors,
			      const char *name)
{
	fprintf(out, "%6s %*s %*s %*llu %*.*llu %s\n", "-", w[1], "-", w[2], "-", w[3],
		(unsigned long long)calls, w[4], errors ? 1 : 0, (unsigned long long)errors, name);
}

static void print_row(FILE *out, const int *w, double pct, uint64_t ns, uint64_t calls,
		      uint64_t errors, const char *name)
{
	/* errors with precision .0: a 0 prints as blanks, as in strace. */
	fprintf(out, "%6.2f %*.6f %*llu %*llu %*.*llu %s\n", pct, w[1], ns / 1e9, w[2],
		(unsigned long long)usecs_per_call(ns, calls), w[3], (unsigned long long)calls,
		w[4], errors ? 1 : 0, (unsigned long long)errors, name);
}

void count_print(FILE *out, const struct count_table *t, int pers, enum count_sort sort)
{
	struct syscall_stat total = { 0 };
	long *nrs, n;
	size_t namew = 0;
	int w[6];
	char buf[64];

	if (pers < 0 || pers >= PERS_COUNT || !t->stat[pers])
		return;
	nrs = calloc(t->size[pers] ? t->size[pers] : 1, sizeof(*nrs));
	if (!nrs)
		return;
	n = count_rows(t, pers, sort, nrs);
	for (long i = 0; i < n; i++) {
		const struct syscall_stat *st = &t->stat[pers][nrs[i]];
		size_t len = strlen(sysname(pers, nrs[i], buf, sizeof(buf)));

		if (len > namew)
			namew = len;
		total.calls += st->calls;
		total.errors += st->errors;
		total.time_ns += st->time_ns;
	}

	/* Column widths: strace's minimums, widened by the total row's values. */
	w[0] = 6;
	w[1] = max_int(11, snprintf(buf, sizeof(buf), "%.6f", total.time_ns / 1e9));
	w[2] = 11;
	for (long i = 0; i < n; i++) {
		const struct syscall_stat *st = &t->stat[pers][nrs[i]];

		w[2] = max_int(w[2], ndigits(usecs_per_call(st->time_ns, st->calls)));
	}
	w[3] = max_int(9, ndigits(total.calls));
	w[4] = max_int(9, ndigits(total.errors));
	w[5] = max_int(16, (int)namew + 1);

	fprintf(out, "%6s %*s %*s %*s %*s %s\n", "% time", w[1], "seconds", w[2], "usecs/call",
		w[3], "calls", w[4], "errors", "syscall");
	for (int i = 0; i < 6; i++)
		dashes(out, w[i], i < 5 ? " " : "\n");
	for (long i = 0; i < n; i++) {
		const struct syscall_stat *st = &t->stat[pers][nrs[i]];
		double pct = total.time_ns ? 100.0 * st->time_ns / total.time_ns : 0.0;

		if (t->untimed) {
			print_untimed_row(out, w, st->calls, st->errors,
					  sysname(pers, nrs[i], buf, sizeof(buf)));
			continue;
		}
		print_row(out, w, pct, st->time_ns, st->calls, st->errors,
			  sysname(pers, nrs[i], buf, sizeof(buf)));
	}
	for (int i = 0; i < 6; i++)
		dashes(out, w[i], i < 5 ? " " : "\n");
	if (t->untimed)
		print_untimed_row(out, w, total.calls, total.errors, "total");
	else
		print_row(out, w, 100.0, total.time_ns, total.calls, total.errors, "total");
	free(nrs);
}
