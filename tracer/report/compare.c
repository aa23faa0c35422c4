/*
 * tracer/report/compare.c: --compare's table and JSON (pure), and the command splitter.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include "tracer/report/compare.h"
#include "tracer/report/json.h"
#include "tracer/report/sysname.h"

/* One row: a syscall of one personality, and the largest count any command has for it. */
struct row {
	int pers;
	long nr;
	uint64_t max_calls;
	int users;		/* how many commands made the call */
	int only;		/* the index of that command, when users == 1 */
	char name[48];
};

static const struct syscall_stat *stat_of(const struct compare_run *run, int pers, long nr)
{
	static const struct syscall_stat zero;
	const struct count_table *t = run->table;

	return nr < t->size[pers] ? &t->stat[pers][nr] : &zero;
}

static int by_max_then_name(const void *a, const void *b)
{
	const struct row *x = a, *y = b;

	if (x->max_calls != y->max_calls)
		return x->max_calls < y->max_calls ? 1 : -1;
	return strcmp(x->name, y->name);
}

/* The rows, sorted; *nrows set. NULL with *nrows == 0 is "no rows"; NULL otherwise is
 * -ENOMEM (*nrows == -1). */
static struct row *collect_rows(const struct compare_run *runs, size_t n, long *nrows)
{
	long cap = 0, count = 0;
	struct row *rows;

	for (int p = 0; p < PERS_COUNT; p++) {
		long size = 0;

		for (size_t i = 0; i < n; i++)
			if (runs[i].table->size[p] > size)
				size = runs[i].table->size[p];
		cap += size;
	}
	rows = calloc((size_t)cap + 1, sizeof(*rows));
	if (!rows) {
		*nrows = -1;
		return NULL;
	}
	for (int p = 0; p < PERS_COUNT; p++) {
		for (long nr = 0;; nr++) {
			struct row r = { .pers = p, .nr = nr, .only = -1 };
			bool in_range = false;
			char name[SYSNAME_MAX];

			for (size_t i = 0; i < n; i++) {
				uint64_t calls;

				if (nr >= runs[i].table->size[p])
					continue;
				in_range = true;
				calls = runs[i].table->stat[p][nr].calls;
				if (!calls)
					continue;
				r.users++;
				r.only = (int)i;
				if (calls > r.max_calls)
					r.max_calls = calls;
			}
			if (!in_range)
				break;
			if (!r.users)
				continue;
			if (p == PERS_X86_64)
				snprintf(r.name, sizeof(r.name), "%s",
					 sysname(p, nr, name, sizeof(name)));
			else
				snprintf(r.name, sizeof(r.name), "%s (%s)",
					 sysname(p, nr, name, sizeof(name)), pers_name(p));
			rows[count++] = r;
		}
	}
	qsort(rows, (size_t)count, sizeof(*rows), by_max_then_name);
	*nrows = count;
	return rows;
}

static int digits(uint64_t v)
{
	int d = 1;

	while (v >= 10) {
		v /= 10;
		d++;
	}
	return d;
}

static void dashes(FILE *out, int width)
{
	for (int i = 0; i < width; i++)
		fputc('-', out);
}

int compare_print(FILE *out, const struct compare_run *runs, size_t n)
{
	long nrows;
	struct row *rows = collect_rows(runs, n, &nrows);
	uint64_t *totals = calloc(n + 1, sizeof(*totals));
	int *width = calloc(n + 1, sizeof(*width));
	int name_w = 16;	/* as strace's syscall column: max(16, longest name + 1) */
	bool marked = false;

	if (nrows < 0 || !totals || !width) {
		free(rows);
		free(totals);
		free(width);
		return -ENOMEM;
	}
	for (long r = 0; r < nrows; r++) {
		if ((int)strlen(rows[r].name) + 1 > name_w)
			name_w = (int)strlen(rows[r].name) + 1;
		for (size_t i = 0; i < n; i++)
			totals[i] += stat_of(&runs[i], rows[r].pers, rows[r].nr)->calls;
		marked |= n > 1 && rows[r].users == 1;
	}
	for (size_t i = 0; i < n; i++) {
		width[i] = (int)strlen(runs[i].label);
		if (digits(totals[i]) > width[i])
			width[i] = digits(totals[i]);
		if (width[i] < 5)
			width[i] = 5;
	}

	fprintf(out, "%-*s", name_w, "syscall");
	for (size_t i = 0; i < n; i++)
		fprintf(out, " %*s", width[i], runs[i].label);
	fputc('\n', out);
	for (int line = 0; line < 2; line++) {
		const char *name = "total";

		dashes(out, name_w);
		for (size_t i = 0; i < n; i++) {
			fputc(' ', out);
			dashes(out, width[i]);
		}
		if (line == 0 && marked)
			fputs(" -", out);
		fputc('\n', out);
		if (line == 1) {
			fprintf(out, "%-*s", name_w, name);
			for (size_t i = 0; i < n; i++)
				fprintf(out, " %*" PRIu64, width[i], totals[i]);
			fputc('\n', out);
			break;
		}
		for (long r = 0; r < nrows; r++) {
			fprintf(out, "%-*s", name_w, rows[r].name);
			for (size_t i = 0; i < n; i++)
				fprintf(out, " %*" PRIu64, width[i],
					stat_of(&runs[i], rows[r].pers, rows[r].nr)->calls);
			if (n > 1 && rows[r].users == 1)
				fputs(" *", out);
			fputc('\n', out);
		}
	}
	if (marked)
		fputs("\n* only in one command\n", out);
	free(rows);
	free(totals);
	free(width);
	return 0;
}

/* "key": [v0, v1, ...] over the commands, for one row (nr >= 0) or the totals (rows). */
enum field { F_CALLS, F_ERRORS, F_SECONDS };

static void json_array(FILE *out, const struct compare_run *runs, size_t n,
		       const struct row *rows, long nrows, enum field f)
{
	static const char *const keys[] = {
		[F_CALLS] = "calls", [F_ERRORS] = "errors", [F_SECONDS] = "seconds",
	};

	fprintf(out, "\"%s\": [", keys[f]);
	for (size_t i = 0; i < n; i++) {
		uint64_t calls = 0, errors = 0, time_ns = 0;

		for (long r = 0; r < nrows; r++) {
			const struct syscall_stat *st = stat_of(&runs[i], rows[r].pers, rows[r].nr);

			calls += st->calls;
			errors += st->errors;
			time_ns += st->time_ns;
		}
		if (i)
			fputs(", ", out);
		if (f == F_SECONDS && runs[i].table->untimed)
			fputs("null", out);	/* not measured */
		else if (f == F_CALLS)
			fprintf(out, "%" PRIu64, calls);
		else if (f == F_ERRORS)
			fprintf(out, "%" PRIu64, errors);
		else
			fprintf(out, "%.6f", (double)time_ns / 1e9);
	}
	fputc(']', out);
}

static void json_fields(FILE *out, const struct compare_run *runs, size_t n,
			const struct row *rows, long nrows)
{
	json_array(out, runs, n, rows, nrows, F_CALLS);
	fputs(", ", out);
	json_array(out, runs, n, rows, nrows, F_ERRORS);
	fputs(", ", out);
	json_array(out, runs, n, rows, nrows, F_SECONDS);
}

int compare_print_json(FILE *out, const struct compare_run *runs, size_t n)
{
	long nrows;
	struct row *rows = collect_rows(runs, n, &nrows);

	if (nrows < 0)
		return -ENOMEM;
	fputs("{\n  \"commands\": [", out);
	for (size_t i = 0; i < n; i++) {
		fprintf(out, "%s\n    {\"command\": ", i ? "," : "");
		json_put_string(out, runs[i].label);
		if (runs[i].result) {
			fputs(", \"exit\": ", out);
			json_put_exit(out, runs[i].result);
		}
		fputc('}', out);
	}
	fputs(n ? "\n  ],\n  \"syscalls\": [" : "],\n  \"syscalls\": [", out);
	for (long r = 0; r < nrows; r++) {
		fprintf(out, "%s\n    {\"name\": ", r ? "," : "");
		json_put_string(out, rows[r].name);
		fputs(", ", out);
		json_fields(out, runs, n, &rows[r], 1);
		if (n > 1 && rows[r].users == 1) {
			fputs(", \"only_in\": ", out);
			json_put_string(out, runs[rows[r].only].label);
		}
		fputc('}', out);
	}
	fputs(nrows ? "\n  ],\n  \"total\": {" : "],\n  \"total\": {", out);
	json_fields(out, runs, n, rows, nrows);
	fputs("}\n}\n", out);
	free(rows);
	return 0;
}

int compare_split_argv(const char *cmd, char ***argv_out)
{
	static const char blanks[] = " \t\n";
	size_t len = strlen(cmd), words = 0;
	char **argv, *copy;
	int argc = 0;

	for (const char *p = cmd; *p; ) {
		p += strspn(p, blanks);
		if (!*p)
			break;
		words++;
		p += strcspn(p, blanks);
	}
	if (!words)
		return -EINVAL;
	/* one block: the pointer array, then a copy of cmd cut into words in place */
	argv = malloc((words + 1) * sizeof(char *) + len + 1);
	if (!argv)
		return -ENOMEM;
	copy = (char *)(argv + words + 1);
	memcpy(copy, cmd, len + 1);
	for (char *p = copy; *p; ) {
		p += strspn(p, blanks);
		if (!*p)
			break;
		argv[argc++] = p;
		p += strcspn(p, blanks);
		if (*p)
			*p++ = '\0';
	}
	argv[argc] = NULL;
	*argv_out = argv;
	return argc;
}
