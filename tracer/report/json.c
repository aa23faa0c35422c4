/*
 * tracer/report/json.c: the --json printer (pure: data in, text out).
 */
#define _GNU_SOURCE		/* sigabbrev_np */
#include <errno.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include "tracer/report/json.h"
#include "tracer/report/sysname.h"

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

static void json_stat(FILE *out, uint64_t calls, uint64_t errors, uint64_t time_ns,
		      int untimed)
{
	/* usecs/call as the table prints it: integer, truncated */
	uint64_t usecs = calls ? time_ns / 1000 / calls : 0;

	if (untimed) {	/* not measured: null, never a 0 that reads as "no time" */
		fprintf(out, "\"calls\": %" PRIu64 ", \"errors\": %" PRIu64 ", \"seconds\": null, "
			"\"usecs_per_call\": null", calls, errors);
		return;
	}
	fprintf(out, "\"calls\": %" PRIu64 ", \"errors\": %" PRIu64 ", \"seconds\": %.6f, "
		"\"usecs_per_call\": %" PRIu64, calls, errors, (double)time_ns / 1e9, usecs);
}

/* "syscalls": [...], "total": {...} of one personality. Returns 0 or -ENOMEM. */
static int json_table(FILE *out, const struct count_table *t, int pers, enum count_sort sort,
		      const char *indent)
{
	long *nrs = malloc(((size_t)t->size[pers] + 1) * sizeof(*nrs));
	uint64_t calls = 0, errors = 0, time_ns = 0;
	char name[SYSNAME_MAX];
	long n;

	if (!nrs)
		return -ENOMEM;
	n = count_rows(t, pers, sort, nrs);
	fprintf(out, "%s\"syscalls\": [", indent);
	for (long i = 0; i < n; i++) {
		const struct syscall_stat *st = &t->stat[pers][nrs[i]];

		fprintf(out, "%s\n%s  {\"name\": ", i ? "," : "", indent);
		json_put_string(out, sysname(pers, nrs[i], name, sizeof(name)));
		fputs(", ", out);
		json_stat(out, st->calls, st->errors, st->time_ns, t->untimed);
		fputc('}', out);
		calls += st->calls;
		errors += st->errors;
		time_ns += st->time_ns;
	}
	if (n)
		fprintf(out, "\n%s", indent);
	fprintf(out, "],\n%s\"total\": {", indent);
	json_stat(out, calls, errors, time_ns, t->untimed);
	fputc('}', out);
	free(nrs);
	return 0;
}

void json_put_exit(FILE *out, const struct run_result *r)
{
	if (!r) {
		fputs("null", out);
		return;
	}
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
		if (!count_has_calls(t, p))
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
			fputs("null", out);
		else
			fprintf(out, "%.3f", cost->overhead_us_per_syscall);
		fprintf(out, ", \"engine\": \"%s\", \"other_engine\": {\"engine\": \"%s\", "
			"\"stops\": %" PRIu64 ", \"context_switches\": %" PRIu64 ", "
			"\"overhead_us_per_syscall\": ", cost->bpf ? "bpf" : "ptrace",
			cost->bpf ? "ptrace" : "bpf", cost->other_stops, cost->other_switches);
		if (cost->other_us_per_syscall < 0)
			fputs("null}}", out);
		else
			fprintf(out, "%.3f}}", cost->other_us_per_syscall);
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
