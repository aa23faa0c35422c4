/*
 * tests/unit/test_count.c: count_print() against strace 6.1's -c layout, literally:
 * column widths, blank errors cells, the total row, and the sort orders with their ties.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "tracer/report/count.h"
#include "tracer/sysent.h"

static struct count_table t;
static char *text;
static size_t textlen;

static void setup(void)
{
	ck_assert_int_eq(sysent_init(), 0);
	ck_assert_int_eq(count_table_init(&t), 0);
}

static void teardown(void)
{
	count_table_free(&t);
	free(text);
	text = NULL;
}

static void set(const char *name, uint64_t calls, uint64_t errors, uint64_t time_us)
{
	long nr = sysent_lookup(PERS_X86_64, name);

	ck_assert_msg(nr >= 0, "%s has no number", name);
	t.stat[PERS_X86_64][nr].calls = calls;
	t.stat[PERS_X86_64][nr].errors = errors;
	t.stat[PERS_X86_64][nr].time_ns = time_us * 1000;
}

static const char *print(enum count_sort sort)
{
	FILE *f = open_memstream(&text, &textlen);

	count_print(f, &t, PERS_X86_64, sort);
	fclose(f);
	return text;
}

#define HEAD "% time     seconds  usecs/call     calls    errors syscall\n" \
	     "------ ----------- ----------- --------- --------- ----------------\n"
#define DASH "------ ----------- ----------- --------- --------- ----------------\n"

START_TEST(layout_like_strace)
{
	set("mmap", 8, 0, 94);
	set("read", 1, 0, 79);
	set("access", 1, 1, 0);
	ck_assert_str_eq(print(SORT_TIME),
		HEAD
		" 54.34    0.000094          11         8           mmap\n"
		" 45.66    0.000079          79         1           read\n"
		"  0.00    0.000000           0         1         1 access\n"
		DASH
		"100.00    0.000173          17        10         1 total\n");
}
END_TEST

START_TEST(zero_time_ties_in_number_order)
{
	/* Set in reverse order: the table, not insertion, decides. */
	set("mmap", 2, 0, 0);
	set("close", 5, 0, 0);
	set("read", 1, 0, 0);
	ck_assert_str_eq(print(SORT_TIME),
		HEAD
		"  0.00    0.000000           0         1           read\n"
		"  0.00    0.000000           0         5           close\n"
		"  0.00    0.000000           0         2           mmap\n"
		DASH
		"100.00    0.000000           0         8           total\n");
}
END_TEST

START_TEST(sort_keys)
{
	set("mmap", 2, 1, 0);
	set("close", 5, 0, 0);
	set("read", 2, 0, 0);
	set("access", 2, 1, 0);
	ck_assert_str_eq(print(SORT_CALLS),
		HEAD
		"  0.00    0.000000           0         5           close\n"
		"  0.00    0.000000           0         2           read\n"
		"  0.00    0.000000           0         2         1 mmap\n"
		"  0.00    0.000000           0         2         1 access\n"
		DASH
		"100.00    0.000000           0        11         2 total\n");
	free(text);
	ck_assert_str_eq(print(SORT_ERRORS),
		HEAD
		"  0.00    0.000000           0         2         1 mmap\n"
		"  0.00    0.000000           0         2         1 access\n"
		"  0.00    0.000000           0         2           read\n"
		"  0.00    0.000000           0         5           close\n"
		DASH
		"100.00    0.000000           0        11         2 total\n");
	free(text);
	ck_assert_str_eq(print(SORT_NAME),
		HEAD
		"  0.00    0.000000           0         2         1 access\n"
		"  0.00    0.000000           0         5           close\n"
		"  0.00    0.000000           0         2         1 mmap\n"
		"  0.00    0.000000           0         2           read\n"
		DASH
		"100.00    0.000000           0        11         2 total\n");
	free(text);
	ck_assert_str_eq(print(SORT_NONE),
		HEAD
		"  0.00    0.000000           0         2           read\n"
		"  0.00    0.000000           0         5           close\n"
		"  0.00    0.000000           0         2         1 mmap\n"
		"  0.00    0.000000           0         2         1 access\n"
		DASH
		"100.00    0.000000           0        11         2 total\n");
}
END_TEST

START_TEST(wide_columns_grow)
{
	/* 10-digit calls and errors, 13-char seconds, 12-digit usecs/call, a 22-letter name. */
	set("getppid", 1234567890, 0, 0);
	set("sched_get_priority_max", 1, 1234567890, 123456789012ull);
	ck_assert_str_eq(print(SORT_TIME),
		"% time       seconds   usecs/call      calls     errors syscall\n"
		"------ ------------- ------------ ---------- ---------- -----------------------\n"
		"100.00 123456.789012 123456789012          1 1234567890 sched_get_priority_max\n"
		"  0.00      0.000000            0 1234567890            getppid\n"
		"------ ------------- ------------ ---------- ---------- -----------------------\n"
		"100.00 123456.789012           99 1234567891 1234567890 total\n");
}
END_TEST

/* Time not measured (the bpf engine without -w): "-" in the time columns, busiest first. */
START_TEST(untimed_table)
{
	set("mmap", 2, 0, 0);
	set("close", 5, 0, 0);
	set("access", 1, 1, 0);
	t.untimed = 1;
	ck_assert_str_eq(print(SORT_TIME),
		HEAD
		"     -           -           -         5           close\n"
		"     -           -           -         2           mmap\n"
		"     -           -           -         1         1 access\n"
		DASH
		"     -           -           -         8         1 total\n");
	free(text);
	text = NULL;
	ck_assert_str_eq(print(SORT_NAME),
		HEAD
		"     -           -           -         1         1 access\n"
		"     -           -           -         5           close\n"
		"     -           -           -         2           mmap\n"
		DASH
		"     -           -           -         8         1 total\n");
}
END_TEST

START_TEST(empty_and_has_calls)
{
	ck_assert_int_eq(count_has_calls(&t, PERS_X86_64), 0);
	count_add(&t, PERS_X86_64, 0, 1, 5000);
	count_add(&t, PERS_X86_64, 0, 0, 1000);
	count_add(&t, PERS_X86_64, -1, 0, 1000);		/* out of range: not counted */
	count_add(&t, PERS_X86_64, t.size[PERS_X86_64], 0, 1000);
	ck_assert_int_eq(count_has_calls(&t, PERS_X86_64), 1);
	ck_assert_uint_eq(t.stat[PERS_X86_64][0].calls, 2);
	ck_assert_uint_eq(t.stat[PERS_X86_64][0].errors, 1);
	ck_assert_uint_eq(t.stat[PERS_X86_64][0].time_ns, 6000);
	ck_assert_uint_eq(t.stat[PERS_X86_64][0].min_ns, 1000);
	ck_assert_uint_eq(t.stat[PERS_X86_64][0].max_ns, 5000);
}
END_TEST

Suite *make_count_suite(void)
{
	Suite *s = suite_create("tracer_count");
	TCase *tc = tcase_create("print");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, layout_like_strace);
	tcase_add_test(tc, zero_time_ties_in_number_order);
	tcase_add_test(tc, sort_keys);
	tcase_add_test(tc, wide_columns_grow);
	tcase_add_test(tc, empty_and_has_calls);
	tcase_add_test(tc, untimed_table);
	suite_add_tcase(s, tc);
	return s;
}
