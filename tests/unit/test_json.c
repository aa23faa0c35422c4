/*
 * tests/unit/test_json.c: --json, --cost and --tree printers (tracer/report/json.c)
 * against golden strings; every text is also checked against JSON's grammar.
 */
#include <check.h>
#include <ctype.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <unistd.h>
#include "tracer/report/json.h"

int unit_sysent_init(void);

/* A -c table built by hand (count_table_init() is the engine's; not needed here). */
static struct count_table table;

static void setup(void)
{
	ck_assert_int_eq(unit_sysent_init(), 0);
	for (int p = 0; p < PERS_COUNT; p++) {
		table.size[p] = sysent_count(p);
		table.stat[p] = calloc((size_t)table.size[p], sizeof(struct syscall_stat));
		ck_assert_ptr_nonnull(table.stat[p]);
	}
}

static void teardown(void)
{
	for (int p = 0; p < PERS_COUNT; p++)
		free(table.stat[p]);
}

static void put(int pers, const char *name, uint64_t calls, uint64_t errors, uint64_t ns)
{
	long nr = sysent_lookup(pers, name);

	ck_assert_int_ge(nr, 0);
	table.stat[pers][nr] = (struct syscall_stat){ .calls = calls, .errors = errors,
						      .time_ns = ns };
}

/* Runs fn into a memory stream and returns the text (free() it). */
#define CAPTURE(text, call)                                                   \
	do {                                                                  \
		size_t len_;                                                  \
		FILE *out = open_memstream(&(text), &len_);                   \
		call;                                                         \
		fclose(out);                                                  \
	} while (0)

/*
 * A JSON syntax check (RFC 8259's grammar, no semantics): the golden strings below fix
 * the layout, this makes sure any text the summary prints is JSON a parser accepts.
 * Each json_* function skips one value starting at *p and returns false on bad syntax.
 */
static void json_ws(const char **p)
{
	while (**p == ' ' || **p == '\n' || **p == '\t' || **p == '\r')
		(*p)++;
}

static bool json_value(const char **p, int depth);

static bool json_string(const char **p)
{
	if (**p != '"')
		return false;
	for ((*p)++; **p != '"'; (*p)++) {
		if ((unsigned char)**p < 0x20)
			return false;		/* control characters must be escaped */
		if (**p == '\\') {
			(*p)++;
			if (**p == 'u') {
				for (int i = 1; i <= 4; i++)
					if (!isxdigit((unsigned char)(*p)[i]))
						return false;
				*p += 4;
			} else if (!**p || !strchr("\"\\/bfnrt", **p)) {
				return false;
			}
		}
	}
	(*p)++;
	return true;
}

static bool json_number(const char **p)
{
	const char *s = *p;

	if (**p == '-')
		(*p)++;
	if (**p == '0')
		(*p)++;
	else if (isdigit((unsigned char)**p))
		while (isdigit((unsigned char)**p))
			(*p)++;
	else
		return false;
	if (**p == '.') {
		(*p)++;
		if (!isdigit((unsigned char)**p))
			return false;
		while (isdigit((unsigned char)**p))
			(*p)++;
	}
	if (**p == 'e' || **p == 'E') {
		(*p)++;
		if (**p == '+' || **p == '-')
			(*p)++;
		if (!isdigit((unsigned char)**p))
			return false;
		while (isdigit((unsigned char)**p))
			(*p)++;
	}
	return *p > s;
}

/* Members of an object (pairs) or an array, between open and close. */
static bool json_members(const char **p, char close, bool pairs, int depth)
{
	(*p)++;
	json_ws(p);
	if (**p == close) {
		(*p)++;
		return true;
	}
	for (;;) {
		if (pairs) {
			if (!json_string(p))
				return false;
			json_ws(p);
			if (*(*p)++ != ':')
				return false;
		}
		if (!json_value(p, depth + 1))
			return false;
		json_ws(p);
		if (**p == close) {
			(*p)++;
			return true;
		}
		if (*(*p)++ != ',')
			return false;
		json_ws(p);
	}
}

static bool json_value(const char **p, int depth)
{
	static const char *const words[] = { "true", "false", "null" };

	if (depth > 64)
		return false;
	json_ws(p);
	switch (**p) {
	case '{': return json_members(p, '}', true, depth);
	case '[': return json_members(p, ']', false, depth);
	case '"': return json_string(p);
	}
	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (strncmp(*p, words[i], strlen(words[i])) == 0) {
			*p += strlen(words[i]);
			return true;
		}
	return json_number(p);
}

static bool json_parses(const char *text)
{
	const char *p = text;

	if (!json_value(&p, 0))
		return false;
	json_ws(&p);
	return *p == '\0';
}

/* The checker itself must refuse what is not JSON, or it proves nothing. */
START_TEST(json_checker_refuses)
{
	static const char *const bad[] = {
		"", "{", "{\"a\": 1,}", "[1 2]", "{\"a\" 1}", "01", "1.", "\"\\x\"", "\"a\nb\"",
		"{\"a\": nul}", "[1]]", "-", "{a: 1}",
	};
	static const char *const good[] = {
		"{}", "[]", "{\"a\": [1, -2.5e+3, true, null, \"x\\u00e9\"]}", "0", " \"s\" ",
	};

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		ck_assert_msg(!json_parses(bad[i]), "accepted '%s'", bad[i]);
	for (size_t i = 0; i < sizeof(good) / sizeof(good[0]); i++)
		ck_assert_msg(json_parses(good[i]), "refused '%s'", good[i]);
}
END_TEST

START_TEST(json_golden)
{
	static const char expected[] =
		"{\n"
		"  \"personality\": \"x86_64\",\n"
		"  \"syscalls\": [\n"
		"    {\"name\": \"openat\", \"calls\": 3, \"errors\": 1, \"seconds\": 0.000012, "
		"\"usecs_per_call\": 4},\n"
		"    {\"name\": \"close\", \"calls\": 2, \"errors\": 0, \"seconds\": 0.000002, "
		"\"usecs_per_call\": 1}\n"
		"  ],\n"
		"  \"total\": {\"calls\": 5, \"errors\": 1, \"seconds\": 0.000014, "
		"\"usecs_per_call\": 2},\n"
		"  \"exit\": {\"status\": 0}\n"
		"}\n";
	struct run_result r = { .exited = 1, .status = 0 };
	char *text;

	put(PERS_X86_64, "close", 2, 0, 2000);
	put(PERS_X86_64, "openat", 3, 1, 12000);
	CAPTURE(text, ck_assert_int_eq(summary_json_print(out, &table, SORT_TIME, &r, NULL,
							  NULL, 0), 0));
	ck_assert_str_eq(text, expected);
	ck_assert(json_parses(text));
	free(text);
}
END_TEST

START_TEST(json_sort_and_signal)
{
	struct run_result r = { .exited = 0, .status = SIGTERM };
	char *text;

	put(PERS_X86_64, "close", 2, 0, 2000);
	put(PERS_X86_64, "openat", 3, 1, 12000);
	CAPTURE(text, summary_json_print(out, &table, SORT_NAME, &r, NULL, NULL, 0));
	ck_assert_ptr_nonnull(strstr(text, "\"exit\": {\"signal\": \"SIGTERM\", \"signo\": 15}"));
	/* by name: close before openat */
	ck_assert_ptr_nonnull(strstr(text, "\"close\""));
	ck_assert(strstr(text, "\"close\"") < strstr(text, "\"openat\""));
	ck_assert(json_parses(text));
	free(text);
}
END_TEST

START_TEST(json_everything)
{
	struct run_result r = { .exited = 1, .status = 3 };
	struct trace_cost cost = { .ptrace_stops = 58, .stops_avoided_by_seccomp = 100,
				   .syscalls = 29, .overhead_us_per_syscall = 15.25,
				   .other_us_per_syscall = 0.125 };
	struct proc_node tree[] = {
		{ .pid = 100, .ppid = 1, .command = "sh", .result = { 1, 3 } },
		{ .pid = 101, .ppid = 100, .command = "we\"ird\\na\tme\x01\xff\xc3\xa9",
		  .result = { 0, SIGKILL } },
	};
	char *text;

	put(PERS_X86_64, "write", 1, 0, 0);
	put(PERS_I386, "socketcall", 4, 0, 1000);
	CAPTURE(text, summary_json_print(out, &table, SORT_TIME, &r, &cost, tree, 2));
	ck_assert_ptr_nonnull(strstr(text, "\"other_personalities\": [\n    {\n"
				  "      \"personality\": \"i386\",\n"
				  "      \"syscalls\": [\n"
				  "        {\"name\": \"socketcall\", \"calls\": 4,"));
	ck_assert_ptr_nonnull(strstr(text, "\"cost\": {\"ptrace_stops\": 58, "
				  "\"stops_avoided_by_seccomp\": 100, \"syscalls\": 29, "
				  "\"overhead_us_per_syscall\": 15.250, \"engine\": \"ptrace\", "
				  "\"other_engine\": {\"engine\": \"bpf\", \"stops\": 0, "
				  "\"context_switches\": 0, \"overhead_us_per_syscall\": 0.125}}"));
	ck_assert_ptr_nonnull(strstr(text, "{\"pid\": 100, \"ppid\": 1, \"command\": \"sh\", "
				  "\"exit\": {\"status\": 3}}"));
	/* escapes: quote, backslash, tab, control byte, invalid UTF-8 byte; é kept */
	ck_assert_ptr_nonnull(strstr(text, "\"command\": \"we\\\"ird\\\\na\\tme\\u0001\\u00ff"
				  "\xc3\xa9\""));
	ck_assert_ptr_nonnull(strstr(text, "\"signal\": \"SIGKILL\", \"signo\": 9"));
	ck_assert(json_parses(text));
	free(text);
}
END_TEST

START_TEST(json_cost_unknown)
{
	struct run_result r = { .exited = 1, .status = 0 };
	struct trace_cost cost = { .ptrace_stops = 4, .stops_avoided_by_seccomp = COST_UNKNOWN,
				   .syscalls = 2, .overhead_us_per_syscall = -1,
				   .other_us_per_syscall = -1 };
	char *text;

	CAPTURE(text, summary_json_print(out, &table, SORT_TIME, &r, &cost, NULL, 0));
	ck_assert_ptr_nonnull(strstr(text, "\"cost\": {\"ptrace_stops\": 4, "
				  "\"stops_avoided_by_seccomp\": null, \"syscalls\": 2, "
				  "\"overhead_us_per_syscall\": null, \"engine\": \"ptrace\", "
				  "\"other_engine\": {\"engine\": \"bpf\", \"stops\": 0, "
				  "\"context_switches\": 0, \"overhead_us_per_syscall\": null}}"));
	ck_assert(json_parses(text));
	free(text);
}
END_TEST

START_TEST(json_empty)
{
	struct run_result r = { .exited = 1, .status = 0 };
	struct proc_node none[1];
	char *text;

	CAPTURE(text, summary_json_print(out, &table, SORT_TIME, &r, NULL, none, 0));
	ck_assert_str_eq(text, "{\n  \"personality\": \"x86_64\",\n  \"syscalls\": [],\n"
			 "  \"total\": {\"calls\": 0, \"errors\": 0, \"seconds\": 0.000000, "
			 "\"usecs_per_call\": 0},\n  \"exit\": {\"status\": 0},\n  \"tree\": []\n}\n");
	ck_assert(json_parses(text));
	free(text);
}
END_TEST

START_TEST(unknown_number_name)
{
	long nr = table.size[PERS_X86_64] - 1;
	char *text;
	struct run_result r = { 1, 0 };

	/* the last slot may be named; pick one sysent does not name, if any */
	for (long i = 0; i < table.size[PERS_X86_64]; i++)
		if (!sysent_name(PERS_X86_64, i))
			nr = i;
	if (sysent_name(PERS_X86_64, nr))
		return;		/* every number named: nothing to test */
	table.stat[PERS_X86_64][nr].calls = 1;
	CAPTURE(text, summary_json_print(out, &table, SORT_TIME, &r, NULL, NULL, 0));
	{
		char want[48];

		snprintf(want, sizeof(want), "\"name\": \"syscall_0x%lx\"", nr);
		ck_assert_ptr_nonnull(strstr(text, want));
	}
	free(text);
}
END_TEST

START_TEST(cost_golden)
{
	struct trace_cost cost = { .ptrace_stops = 58, .stops_avoided_by_seccomp = 0,
				   .syscalls = 29, .overhead_us_per_syscall = 15.24,
				   .other_us_per_syscall = 0.14 };
	char *text;

	CAPTURE(text, cost_print(out, &cost));
	ck_assert_str_eq(text, "\nptrace stops: 58\n"
			 "stops avoided by seccomp filter: 0\n"
			 "estimated tracing overhead: 15.2 us/syscall\n"
			 "with --engine=bpf: 0 stops, 0 context switches, about 0.1 us/syscall\n");
	free(text);
	cost.overhead_us_per_syscall = -1;
	cost.stops_avoided_by_seccomp = COST_UNKNOWN;
	cost.other_us_per_syscall = -1;
	CAPTURE(text, cost_print(out, &cost));
	ck_assert_str_eq(text, "\nptrace stops: 58\n"
			 "stops avoided by seccomp filter: unknown\n"
			 "estimated tracing overhead: unknown\n"
			 "with --engine=bpf: 0 stops, 0 context switches, overhead unknown\n");
	free(text);
	/* a bpf run: no stop; what ptrace would have cost, 2 stops per call */
	cost = (struct trace_cost){ .bpf = 1, .syscalls = 35, .overhead_us_per_syscall = 0.12,
				    .other_stops = 70, .other_switches = 140,
				    .other_us_per_syscall = 16.04 };
	CAPTURE(text, cost_print(out, &cost));
	ck_assert_str_eq(text, "\nptrace stops: 0\n"
			 "stops avoided by seccomp filter: 0\n"
			 "estimated tracing overhead: 0.1 us/syscall\n"
			 "with --engine=ptrace: 70 stops, 140 context switches, about 16.0 us/syscall\n");
	free(text);
}
END_TEST

START_TEST(cost_measure)
{
	struct trace_cost c = { .ptrace_stops = 58, .syscalls = 29 };
	double us = -1;

	ck_assert_int_eq(cost_measure_stop_us(&us), 0);
	ck_assert(us >= 0);
	fprintf(stderr, "one ptrace stop costs %.2f us here\n", us);
	ck_assert(cost_overhead_us(&c, 8.5) == 17.0);		/* 2 stops per call */
	c.syscalls = 0;
	ck_assert(cost_overhead_us(&c, 8.5) < 0);
}
END_TEST

START_TEST(tree_golden)
{
	/* creation order; 1202's parent 1201 is listed before it; 999 was not traced */
	struct proc_node nodes[] = {
		{ .pid = 1200, .ppid = 999, .command = "sh", .result = { 1, 0 } },
		{ .pid = 1201, .ppid = 1200, .command = "make", .result = { 1, 2 } },
		{ .pid = 1202, .ppid = 1201, .command = "cc", .result = { 0, SIGSEGV } },
		{ .pid = 1203, .ppid = 1200, .command = "cat", .result = { 0, SIGPIPE } },
	};
	char *text;

	CAPTURE(text, tree_print(out, nodes, 4));
	ck_assert_str_eq(text, "process tree:\n"
			 "1200 sh: exited with 0\n"
			 "  1201 make: exited with 2\n"
			 "    1202 cc: killed by SIGSEGV\n"
			 "  1203 cat: killed by SIGPIPE\n");
	free(text);
}
END_TEST

Suite *make_json_suite(void)
{
	Suite *s = suite_create("json");
	TCase *tc = tcase_create("print");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, json_checker_refuses);
	tcase_add_test(tc, json_golden);
	tcase_add_test(tc, json_sort_and_signal);
	tcase_add_test(tc, json_everything);
	tcase_add_test(tc, json_cost_unknown);
	tcase_add_test(tc, json_empty);
	tcase_add_test(tc, unknown_number_name);
	tcase_add_test(tc, cost_golden);
	tcase_add_test(tc, cost_measure);
	tcase_add_test(tc, tree_golden);
	suite_add_tcase(s, tc);
	return s;
}
