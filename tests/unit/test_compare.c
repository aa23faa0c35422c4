/* tests/unit/test_compare.c: --compare's table, JSON and command splitter (tracer/report/compare.c). */
#include <check.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "tracer/report/compare.h"

int unit_sysent_init(void);

static struct count_table tables[3];

static void setup(void)
{
	ck_assert_int_eq(unit_sysent_init(), 0);
	for (int i = 0; i < 3; i++)
		for (int p = 0; p < PERS_COUNT; p++) {
			tables[i].size[p] = sysent_count(p);
			tables[i].stat[p] = calloc((size_t)tables[i].size[p],
						   sizeof(struct syscall_stat));
			ck_assert_ptr_nonnull(tables[i].stat[p]);
		}
}

static void teardown(void)
{
	for (int i = 0; i < 3; i++)
		for (int p = 0; p < PERS_COUNT; p++)
			free(tables[i].stat[p]);
}

static void put(int t, int pers, const char *name, uint64_t calls, uint64_t errors)
{
	long nr = sysent_lookup(pers, name);

	ck_assert_int_ge(nr, 0);
	tables[t].stat[pers][nr].calls = calls;
	tables[t].stat[pers][nr].errors = errors;
	tables[t].stat[pers][nr].time_ns = calls * 1000;
}

#define CAPTURE(text, call)                                                   \
	do {                                                                  \
		size_t len_;                                                  \
		FILE *out = open_memstream(&(text), &len_);                   \
		call;                                                         \
		fclose(out);                                                  \
	} while (0)

/* hello-nostd vs hello-glibc, in miniature */
static void two_programs(void)
{
	put(0, PERS_X86_64, "execve", 1, 0);
	put(0, PERS_X86_64, "write", 1, 0);
	put(0, PERS_X86_64, "exit", 1, 0);
	put(1, PERS_X86_64, "execve", 1, 0);
	put(1, PERS_X86_64, "write", 1, 0);
	put(1, PERS_X86_64, "mmap", 8, 0);
	put(1, PERS_X86_64, "openat", 2, 1);
	put(1, PERS_X86_64, "exit_group", 1, 0);
}

START_TEST(table_golden)
{
	struct compare_run runs[] = {
		{ .label = "./hello-nostd", .table = &tables[0] },
		{ .label = "./hello-glibc", .table = &tables[1] },
	};
	static const char expected[] =
		"syscall          ./hello-nostd ./hello-glibc\n"
		"---------------- ------------- ------------- -\n"
		"mmap                         0             8 *\n"
		"openat                       0             2 *\n"
		"execve                       1             1\n"
		"exit                         1             0 *\n"
		"exit_group                   0             1 *\n"
		"write                        1             1\n"
		"---------------- ------------- -------------\n"
		"total                        3            13\n"
		"\n"
		"* only in one command\n";
	char *text;

	two_programs();
	CAPTURE(text, ck_assert_int_eq(compare_print(out, runs, 2), 0));
	ck_assert_str_eq(text, expected);
	free(text);
}
END_TEST

START_TEST(table_no_marker_single_and_i386)
{
	struct compare_run runs[] = {
		{ .label = "a", .table = &tables[0] },
		{ .label = "b", .table = &tables[1] },
	};
	static const char expected[] =
		"syscall                a     b\n"
		"------------------ ----- -----\n"
		"write              12345     7\n"
		"socketcall (i386)      2     1\n"
		"------------------ ----- -----\n"
		"total              12347     8\n";
	char *text;

	put(0, PERS_X86_64, "write", 12345, 0);
	put(1, PERS_X86_64, "write", 7, 0);
	put(0, PERS_I386, "socketcall", 2, 0);
	put(1, PERS_I386, "socketcall", 1, 0);
	CAPTURE(text, compare_print(out, runs, 2));
	ck_assert_str_eq(text, expected);
	free(text);

	/* one command: no marker, whatever it calls */
	CAPTURE(text, compare_print(out, runs, 1));
	ck_assert_ptr_null(strstr(text, "*"));
	free(text);
}
END_TEST

START_TEST(json_golden)
{
	struct run_result ok = { 1, 0 }, killed = { 0, 15 };
	struct compare_run runs[] = {
		{ .label = "./hello-nostd", .table = &tables[0], .result = &ok },
		{ .label = "./hello \"glibc\"", .table = &tables[1], .result = &killed },
	};
	static const char expected[] =
		"{\n"
		"  \"commands\": [\n"
		"    {\"command\": \"./hello-nostd\", \"exit\": {\"status\": 0}},\n"
		"    {\"command\": \"./hello \\\"glibc\\\"\", \"exit\": {\"signal\": \"SIGTERM\", "
		"\"signo\": 15}}\n"
		"  ],\n"
		"  \"syscalls\": [\n"
		"    {\"name\": \"mmap\", \"calls\": [0, 8], \"errors\": [0, 0], "
		"\"seconds\": [0.000000, 0.000008], \"only_in\": \"./hello \\\"glibc\\\"\"},\n"
		"    {\"name\": \"openat\", \"calls\": [0, 2], \"errors\": [0, 1], "
		"\"seconds\": [0.000000, 0.000002], \"only_in\": \"./hello \\\"glibc\\\"\"},\n"
		"    {\"name\": \"execve\", \"calls\": [1, 1], \"errors\": [0, 0], "
		"\"seconds\": [0.000001, 0.000001]},\n"
		"    {\"name\": \"exit\", \"calls\": [1, 0], \"errors\": [0, 0], "
		"\"seconds\": [0.000001, 0.000000], \"only_in\": \"./hello-nostd\"},\n"
		"    {\"name\": \"exit_group\", \"calls\": [0, 1], \"errors\": [0, 0], "
		"\"seconds\": [0.000000, 0.000001], \"only_in\": \"./hello \\\"glibc\\\"\"},\n"
		"    {\"name\": \"write\", \"calls\": [1, 1], \"errors\": [0, 0], "
		"\"seconds\": [0.000001, 0.000001]}\n"
		"  ],\n"
		"  \"total\": {\"calls\": [3, 13], \"errors\": [0, 1], "
		"\"seconds\": [0.000003, 0.000013]}\n"
		"}\n";
	char *text;

	two_programs();
	CAPTURE(text, ck_assert_int_eq(compare_print_json(out, runs, 2), 0));
	ck_assert_str_eq(text, expected);
	free(text);
}
END_TEST

START_TEST(split_argv)
{
	char **argv;

	ck_assert_int_eq(compare_split_argv("  loader/loader\t/bin/true \n", &argv), 2);
	ck_assert_str_eq(argv[0], "loader/loader");
	ck_assert_str_eq(argv[1], "/bin/true");
	ck_assert_ptr_null(argv[2]);
	free(argv);

	/* no shell: quotes and $ are plain characters */
	ck_assert_int_eq(compare_split_argv("echo 'a b' $HOME", &argv), 4);
	ck_assert_str_eq(argv[1], "'a");
	ck_assert_str_eq(argv[2], "b'");
	ck_assert_str_eq(argv[3], "$HOME");
	free(argv);

	ck_assert_int_eq(compare_split_argv("/bin/true", &argv), 1);
	ck_assert_str_eq(argv[0], "/bin/true");
	free(argv);

	ck_assert_int_eq(compare_split_argv("", &argv), -EINVAL);
	ck_assert_int_eq(compare_split_argv(" \t ", &argv), -EINVAL);
}
END_TEST

Suite *make_compare_suite(void)
{
	Suite *s = suite_create("compare");
	TCase *tc = tcase_create("print");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, table_golden);
	tcase_add_test(tc, table_no_marker_single_and_i386);
	tcase_add_test(tc, json_golden);
	tcase_add_test(tc, split_argv);
	suite_add_tcase(s, tc);
	return s;
}
