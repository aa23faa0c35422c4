/*
 * tracer/report/json.c: --json, --cost and --tree printers (pure: data in, text out).
 */
#define _GNU_SOURCE		/* qsort_r, sigabbrev_np */
#include <errno.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <time.h>
#include <unistd.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include "tracer/report/json.h"

#define NELEMS(a) (sizeof(a) / sizeof((a)[0]))

static const char *const pers_names[PERS_COUNT] = {
	[PERS_X86_64] = "x86_64",
	[PERS_I386] = "i386",
};

const char *pers_name(int pers)
{
	return pers >= 0 && pers < PERS_COUNT ? pers_names[pers] : "?";
}

const char *count_row_name(int pers, long nr)
{
	static char unknown[32];
	const char *name = sysent_name(pers, nr);

	if (name)
		return name;
	snprintf(unknown, sizeof(unknown), "syscall_0x%lx", (unsigned long)nr);
	return unknown;
}

/* ---- row order: the -c table's (strace's count.c semantics) ---- */

struct sort_ctx {
	const struct syscall_stat *stat;
	int pers;
};

/* Descending on a field; ties in syscall-number order (strace relies on a stable sort). */
#define DESC_BY(field)                                                                \
	static int by_##field(const void *a, const void *b, void *arg)               \
	{                                                                             \
		const struct sort_ctx *c = arg;                                       \
		long x = *(const long *)a, y = *(const long *)b;                      \
		uint64_t fx = c->stat[x].field, fy = c->stat[y].field;                \
		if (fx != fy)                                                         \
			return fx < fy ? 1 : -1;                                      \
		return (x > y) - (x < y);                                             \
	}
DESC_BY(time_ns)
DESC_BY(calls)
DESC_BY(errors)

static int by_nr(const void *a, const void *b, void *arg)
{
	long x = *(const long *)a, y = *(const long *)b;

	(void)arg;
	return (x > y) - (x < y);
}

static int by_name(const void *a, const void *b, void *arg)
{
	const struct sort_ctx *c = arg;
	long x = *(const long *)a, y = *(const long *)b;
	char nx[32];
	int d;

	/* count_row_name() may return static storage: copy the first */
	snprintf(nx, sizeof(nx), "%s", count_row_name(c->pers, x));
	d = strcmp(nx, count_row_name(c->pers, y));
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

	for (long nr = 0; nr < t->size[pers]; nr++)
		if (t->stat[pers][nr].calls)
			nrs[n++] = nr;
	if ((unsigned)sort >= NELEMS(sorters))
		sort = SORT_TIME;
	qsort_r(nrs, (size_t)n, sizeof(*nrs), sorters[sort], &ctx);
	return n;
}

/* ---- JSON ---- */

/* Length of the valid UTF-8 sequence at s (1..4), or 0 if it is not one. */
static int utf8_len(const unsigned char *s)
{
	int len, i;
	uint32_t cp;

	if (s[0] < 0x80)
		return 1;
	if ((s[0] & 0xe0) == 0xc0) {
		len = 2;
		cp = s[0] & 0x1f;
	} else if ((s[0] & 0xf0) == 0xe0) {
		len = 3;
		cp = s[0] & 0x0f;
	} else if ((s[0] & 0xf8) == 0xf0) {
		len = 4;
		cp = s[0] & 0x07;
	} else {
		return 0;
	}
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)	/* also stops at the NUL */
			return 0;
		cp = cp << 6 | (s[i] & 0x3f);
	}
	/* overlong forms, UTF-16 surrogates and values past U+10FFFF are not UTF-8 */
	if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
	    (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff)
		return 0;
	return len;
}

/* JSON's two-character escapes; other control characters become \u00XX. */
static const char short_escapes[0x60] = {
	['"'] = '"', ['\\'] = '\\', ['\b'] = 'b', ['\f'] = 'f', ['\n'] = 'n', ['\r'] = 'r',
	['\t'] = 't',
};

void json_put_string(FILE *out, const char *str)
{
	const unsigned char *s = (const unsigned char *)str;

	fputc('"', out);
	while (*s) {
		int len;

		if (*s < sizeof(short_escapes) && short_escapes[*s]) {
			fputc('\\', out);
			fputc(short_escapes[*s], out);
			s++;
		} else if (*s < 0x20 || *s == 0x7f) {
			fprintf(out, "\\u%04x", *s);
			s++;
		} else if ((len = utf8_len(s)) > 0) {
			fwrite(s, 1, (size_t)len, out);
			s += len;
		} else {
			fprintf(out, "\\u%04x", *s);	/* a stray byte: its Latin-1 reading */
			s++;
		}
	}
	fputc('"', out);
}

static void json_stat(FILE *out, uint64_t calls, uint64_t errors, uint64_t time_ns)
{
	/* usecs/call as the table prints it: integer, truncated */
	uint64_t usecs = calls ? time_ns / 1000 / calls : 0;

	fprintf(out, "\"calls\": %" PRIu64 ", \"errors\": %" PRIu64 ", \"seconds\": %.6f, "
		"\"usecs_per_call\": %" PRIu64, calls, errors, (double)time_ns / 1e9, usecs);
}

/* "syscalls": [...], "total": {...} of one personality. Returns 0 or -ENOMEM. */
static int json_table(FILE *out, const struct count_table *t, int pers, enum count_sort sort,
		      const char *indent)
{
	long *nrs = malloc(((size_t)t->size[pers] + 1) * sizeof(*nrs));
	uint64_t calls = 0, errors = 0, time_ns = 0;
	long n;

	if (!nrs)
		return -ENOMEM;
	n = count_rows(t, pers, sort, nrs);
	fprintf(out, "%s\"syscalls\": [", indent);
	for (long i = 0; i < n; i++) {
		const struct syscall_stat *st = &t->stat[pers][nrs[i]];

		fprintf(out, "%s\n%s  {\"name\": ", i ? "," : "", indent);
		json_put_string(out, count_row_name(pers, nrs[i]));
		fputs(", ", out);
		json_stat(out, st->calls, st->errors, st->time_ns);
		fputc('}', out);
		calls += st->calls;
		errors += st->errors;
		time_ns += st->time_ns;
	}
	if (n)
		fprintf(out, "\n%s", indent);
	fprintf(out, "],\n%s\"total\": {", indent);
	json_stat(out, calls, errors, time_ns);
	fputc('}', out);
	free(nrs);
	return 0;
}

void json_put_exit(FILE *out, const struct run_result *r)
{
	if (r->exited) {
		fprintf(out, "{\"status\": %d}", r->status);
		return;
	}
	fputs("{\"signal\": ", out);
	{
		char name[32];
		const char *abbrev = sigabbrev_np(r->status);	/* "TERM"; NULL if unknown */

		if (abbrev)
			snprintf(name, sizeof(name), "SIG%s", abbrev);
		else
			snprintf(name, sizeof(name), "SIG%d", r->status);
		json_put_string(out, name);
	}
	fprintf(out, ", \"signo\": %d}", r->status);
}

static bool table_has_calls(const struct count_table *t, int pers)
{
	for (long nr = 0; nr < t->size[pers]; nr++)
		if (t->stat[pers][nr].calls)
			return true;
	return false;
}

int summary_json_print(FILE *out, const struct count_table *t, enum count_sort sort,
		       const struct run_result *r, const struct trace_cost *cost,
		       const struct proc_node *tree, size_t ntree)
{
	bool others = false;
	int rc;

	fputs("{\n  \"personality\": ", out);
	json_put_string(out, pers_name(PERS_X86_64));
	fputs(",\n", out);
	rc = json_table(out, t, PERS_X86_64, sort, "  ");
	if (rc < 0)
		return rc;
	for (int p = PERS_X86_64 + 1; p < PERS_COUNT; p++) {
		if (!table_has_calls(t, p))
			continue;
		fprintf(out, others ? ",\n    {\n" : ",\n  \"other_personalities\": [\n    {\n");
		others = true;
		fputs("      \"personality\": ", out);
		json_put_string(out, pers_name(p));
		fputs(",\n", out);
		rc = json_table(out, t, p, sort, "      ");
		if (rc < 0)
			return rc;
		fputs("\n    }", out);
	}
	if (others)
		fputs("\n  ]", out);
	fputs(",\n  \"exit\": ", out);
	json_put_exit(out, r);
	if (cost) {
		fprintf(out, ",\n  \"cost\": {\"ptrace_stops\": %" PRIu64 ", "
			"\"stops_avoided_by_seccomp\": ", cost->ptrace_stops);
		if (cost->stops_avoided_by_seccomp == COST_UNKNOWN)
			fputs("null", out);
		else
			fprintf(out, "%" PRIu64, cost->stops_avoided_by_seccomp);
		fprintf(out, ", \"syscalls\": %" PRIu64 ", \"overhead_us_per_syscall\": ",
			cost->syscalls);
		if (cost->overhead_us_per_syscall < 0)
			fputs("null}", out);
		else
			fprintf(out, "%.3f}", cost->overhead_us_per_syscall);
	}
	if (tree) {
		fputs(",\n  \"tree\": [", out);
		for (size_t i = 0; i < ntree; i++) {
			fprintf(out, "%s\n    {\"pid\": %d, \"ppid\": %d, \"command\": ",
				i ? "," : "", (int)tree[i].pid, (int)tree[i].ppid);
			json_put_string(out, tree[i].command);
			fputs(", \"exit\": ", out);
			json_put_exit(out, &tree[i].result);
			fputc('}', out);
		}
		fputs(ntree ? "\n  ]" : "]", out);
	}
	fputs("\n}\n", out);
	return 0;
}

/* ---- --cost and --tree ---- */

void cost_print(FILE *out, const struct trace_cost *c)
{
	fprintf(out, "\nptrace stops: %" PRIu64 "\n", c->ptrace_stops);
	if (c->stops_avoided_by_seccomp == COST_UNKNOWN)
		fputs("stops avoided by seccomp filter: unknown\n", out);
	else
		fprintf(out, "stops avoided by seccomp filter: %" PRIu64 "\n",
			c->stops_avoided_by_seccomp);
	if (c->overhead_us_per_syscall < 0)
		fputs("estimated tracing overhead: unknown\n", out);
	else
		fprintf(out, "estimated tracing overhead: %.1f us/syscall\n",
			c->overhead_us_per_syscall);
}

void run_result_text(char *buf, size_t size, const struct run_result *r)
{
	const char *abbrev;

	if (r->exited) {
		snprintf(buf, size, "exited with %d", r->status);
		return;
	}
	abbrev = sigabbrev_np(r->status);
	if (abbrev)
		snprintf(buf, size, "killed by SIG%s", abbrev);
	else
		snprintf(buf, size, "killed by SIG%d", r->status);
}

static bool is_pid_in(const struct proc_node *nodes, size_t n, pid_t pid)
{
	for (size_t i = 0; i < n; i++)
		if (nodes[i].pid == pid)
			return true;
	return false;
}

/*
 * Depth-first from each root. Recursion depth is the process tree's depth, which is
 * bounded by the number of tracees; quadratic scan, fine for the hundreds of processes
 * a traced command makes.
 */
static void tree_walk(FILE *out, const struct proc_node *nodes, size_t n, size_t i, int depth)
{
	char status[48];

	run_result_text(status, sizeof(status), &nodes[i].result);
	fprintf(out, "%*s%d %s: %s\n", 2 * depth, "", (int)nodes[i].pid, nodes[i].command,
		status);
	for (size_t j = 0; j < n; j++)
		if (j != i && nodes[j].ppid == nodes[i].pid)
			tree_walk(out, nodes, n, j, depth + 1);
}

void tree_print(FILE *out, const struct proc_node *nodes, size_t n)
{
	fputs("process tree:\n", out);
	for (size_t i = 0; i < n; i++)
		if (!is_pid_in(nodes, n, nodes[i].ppid))	/* a root: parent not traced */
			tree_walk(out, nodes, n, i, 0);
}

/* ---- --cost: what a stop costs ---- */

enum { PROBE_CALLS = 2000 };

static double mono_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

/* The probe child: stops itself, then PROBE_CALLS getppid (raw: no libc caching). */
static void probe_child(bool traced)
{
	if (traced && ptrace(PTRACE_TRACEME, 0, NULL, NULL) != 0)
		_exit(1);
	raise(SIGSTOP);
	for (int i = 0; i < PROBE_CALLS; i++)
		syscall(SYS_getppid);
	_exit(0);
}

/*
 * Runs one probe; returns its duration from the release of its SIGSTOP to its exit (µs),
 * or -errno. Traced: restarted with PTRACE_SYSCALL at every stop.
 */
static double probe_run(bool traced)
{
	double t0;
	int status;
	pid_t pid = fork();

	if (pid < 0)
		return -errno;
	if (pid == 0)
		probe_child(traced);
	if (waitpid(pid, &status, WUNTRACED) != pid || !WIFSTOPPED(status))
		goto fail;
	t0 = mono_us();
	if (traced) {
		if (ptrace(PTRACE_SETOPTIONS, pid, NULL, (void *)(long)PTRACE_O_EXITKILL) != 0 ||
		    ptrace(PTRACE_SYSCALL, pid, NULL, NULL) != 0)
			goto fail;
		while (waitpid(pid, &status, 0) == pid && WIFSTOPPED(status))
			if (ptrace(PTRACE_SYSCALL, pid, NULL, NULL) != 0)
				goto fail;
	} else {
		kill(pid, SIGCONT);
		if (waitpid(pid, &status, 0) != pid)
			goto fail;
	}
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
		return -ECHILD;
	return mono_us() - t0;
fail:
	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);
	return -ECHILD;
}

int cost_measure_stop_us(double *us_per_stop)
{
	double plain = probe_run(false), traced;

	if (plain < 0)
		return (int)plain;
	traced = probe_run(true);
	if (traced < 0)
		return (int)traced;
	/* 2 stops per getppid (entry, exit); exit_group adds one stop: negligible */
	*us_per_stop = traced > plain ? (traced - plain) / (2.0 * PROBE_CALLS) : 0;
	return 0;
}

double cost_overhead_us(const struct trace_cost *c, double us_per_stop)
{
	if (!c->syscalls)
		return -1;
	return (double)c->ptrace_stops / (double)c->syscalls * us_per_stop;
}
