/*
 * tracer/report/count.c: -c counting storage and strace 6.1's summary table.
 * count_print() is pure over struct count_table: the unit tests feed it tables and
 * compare with golden strings in strace's exact layout.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "tracer/report/count.h"

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

/* ---- the table ---------------------------------------------------------------------- */

struct row {
	long nr;
	const char *name;
	const struct syscall_stat *st;
	char namebuf[32];	/* "syscall_0x..." for numbers libseccomp cannot name */
};

static int by_number(const struct row *a, const struct row *b)
{
	return (a->nr > b->nr) - (a->nr < b->nr);
}

/* Descending on a key, ties in syscall-number order (what strace's stable qsort gives). */
#define DESC(field) \
	static int by_##field(const void *pa, const void *pb) \
	{ \
		const struct row *a = pa, *b = pb; \
		if (a->st->field != b->st->field) \
			return a->st->field > b->st->field ? -1 : 1; \
		return by_number(a, b); \
	}
DESC(time_ns)
DESC(calls)
DESC(errors)

static int by_name(const void *pa, const void *pb)
{
	const struct row *a = pa, *b = pb;
	int c = strcmp(a->name, b->name);

	return c ? c : by_number(a, b);
}

static int by_nr(const void *pa, const void *pb)
{
	return by_number(pa, pb);
}

static int (*const sorters[])(const void *, const void *) = {
	[SORT_TIME] = by_time_ns,
	[SORT_CALLS] = by_calls,
	[SORT_ERRORS] = by_errors,
	[SORT_NAME] = by_name,
	[SORT_NONE] = by_nr,
};

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
	struct row *rows;
	size_t n = 0, namew = 0;
	int w[6];
	char buf[64];

	if (pers < 0 || pers >= PERS_COUNT || !t->stat[pers])
		return;
	rows = calloc(t->size[pers] ? t->size[pers] : 1, sizeof(*rows));
	if (!rows)
		return;
	for (long nr = 0; nr < t->size[pers]; nr++) {
		const struct syscall_stat *st = &t->stat[pers][nr];
		struct row *r;

		if (!st->calls)
			continue;
		r = &rows[n++];
		r->nr = nr;
		r->st = st;
		r->name = sysent_name(pers, nr);
		if (!r->name) {
			snprintf(r->namebuf, sizeof(r->namebuf), "syscall_0x%lx", nr);
			r->name = r->namebuf;
		}
		if (strlen(r->name) > namew)
			namew = strlen(r->name);
		total.calls += st->calls;
		total.errors += st->errors;
		total.time_ns += st->time_ns;
	}
	if ((unsigned)sort >= sizeof(sorters) / sizeof(sorters[0]))
		sort = SORT_TIME;
	qsort(rows, n, sizeof(*rows), sorters[sort]);

	/* Column widths: strace's minimums, widened by the total row's values. */
	w[0] = 6;
	w[1] = max_int(11, snprintf(buf, sizeof(buf), "%.6f", total.time_ns / 1e9));
	w[2] = 11;
	for (size_t i = 0; i < n; i++)
		w[2] = max_int(w[2], ndigits(usecs_per_call(rows[i].st->time_ns, rows[i].st->calls)));
	w[3] = max_int(9, ndigits(total.calls));
	w[4] = max_int(9, ndigits(total.errors));
	w[5] = max_int(16, (int)namew + 1);

	fprintf(out, "%6s %*s %*s %*s %*s %s\n", "% time", w[1], "seconds", w[2], "usecs/call",
		w[3], "calls", w[4], "errors", "syscall");
	for (int i = 0; i < 6; i++)
		dashes(out, w[i], i < 5 ? " " : "\n");
	for (size_t i = 0; i < n; i++) {
		const struct syscall_stat *st = rows[i].st;
		double pct = total.time_ns ? 100.0 * st->time_ns / total.time_ns : 0.0;

		print_row(out, w, pct, st->time_ns, st->calls, st->errors, rows[i].name);
	}
	for (int i = 0; i < 6; i++)
		dashes(out, w[i], i < 5 ? " " : "\n");
	print_row(out, w, 100.0, total.time_ns, total.calls, total.errors, "total");
	free(rows);
}
