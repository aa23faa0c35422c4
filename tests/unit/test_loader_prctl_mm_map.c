/*
 * tests/unit/test_loader_prctl_mm_map.c: loader/prctl_mm_map.c: the pairs
 * validate_prctl_map_addr() refuses, one at a time; the loader's pairs taken in their
 * place; /proc/PID/stat parsed (a made-up line with a hostile comm, and this process's).
 * tests/loader/exec-mmap.sh runs the same rules against the kernel (procself-low).
 */
#include <check.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include "loader/prctl_mm_map.h"

Suite *make_loader_prctl_mm_map_suite(void);

static const struct prctl_mm_map good = {
	.start_code = 0x400000, .end_code = 0x401000,
	.start_data = 0x402000, .end_data = 0x403000,
	.start_brk = 0x500000, .brk = 0x500000,
	.start_stack = 0x7ffffff00000,
	.arg_start = 0x7ffffff01000, .arg_end = 0x7ffffff01010,
	.env_start = 0x7ffffff01010, .env_end = 0x7ffffff01100,
};
#define LO (64UL << 10)
#define HI 0x7ffffffff000UL

START_TEST(accepts_an_ordinary_map)
{
	ck_assert_uint_eq(prctl_mm_map_refused(&good, LO, HI), 0);
}
END_TEST

START_TEST(refuses_each_pair_alone)
{
	struct prctl_mm_map m = good;

	m.start_code = 0x8000;				/* below mmap_min_addr */
	ck_assert_uint_eq(prctl_mm_map_refused(&m, LO, HI), MM_CODE);
	m = good;
	m.end_code = m.start_code;			/* no executable bytes: not start < end */
	ck_assert_uint_eq(prctl_mm_map_refused(&m, LO, HI), MM_CODE);
	m = good;
	m.end_data = m.start_data;			/* empty data is fine */
	ck_assert_uint_eq(prctl_mm_map_refused(&m, LO, HI), 0);
	m.end_data = m.start_data - 1;
	ck_assert_uint_eq(prctl_mm_map_refused(&m, LO, HI), MM_DATA);
	m = good;
	m.start_brk = m.brk = HI;			/* past TASK_SIZE */
	ck_assert_uint_eq(prctl_mm_map_refused(&m, LO, HI), MM_BRK);
	m = good;
	m.start_stack = 0;
	ck_assert_uint_eq(prctl_mm_map_refused(&m, LO, HI), MM_STACK);
	m = good;
	m.arg_end = m.arg_start - 1;
	m.env_end = ~0ULL;
	ck_assert_uint_eq(prctl_mm_map_refused(&m, LO, HI), MM_ARGS | MM_ENV);
}
END_TEST

START_TEST(takes_the_loaders_pairs)
{
	struct prctl_mm_map m = good, own = { 0 };
	char names[96];

	own.start_code = 1, own.end_code = 2, own.start_brk = 3, own.brk = 4;
	prctl_mm_map_take(&m, &own, MM_CODE | MM_BRK);
	ck_assert_uint_eq(m.start_code, 1);
	ck_assert_uint_eq(m.end_code, 2);
	ck_assert_uint_eq(m.start_brk, 3);
	ck_assert_uint_eq(m.brk, 4);
	ck_assert_uint_eq(m.start_data, good.start_data);
	ck_assert_uint_eq(m.arg_start, good.arg_start);
	prctl_mm_map_names(MM_CODE | MM_BRK | MM_ENV, names, sizeof names);
	ck_assert_str_eq(names, "code, brk, environment");
}
END_TEST

START_TEST(reads_proc_stat)
{
	/* comm with spaces and a ')' of its own; fields 3..52 numbered by their value */
	char line[2048];
	size_t n = (size_t)snprintf(line, sizeof line, "42 (a) b) S");
	struct prctl_mm_map own;

	for (int f = 4; f <= 52; f++)
		n += (size_t)snprintf(line + n, sizeof line - n, " %d", f * 1000);
	line[n++] = '\n';
	ck_assert_int_eq(prctl_mm_map_from_stat(line, n, &own), 0);
	ck_assert_uint_eq(own.start_code, 26000);
	ck_assert_uint_eq(own.end_code, 27000);
	ck_assert_uint_eq(own.start_stack, 28000);
	ck_assert_uint_eq(own.start_data, 45000);
	ck_assert_uint_eq(own.end_data, 46000);
	ck_assert_uint_eq(own.start_brk, 47000);
	ck_assert_uint_eq(own.brk, 47000);
	ck_assert_uint_eq(own.arg_start, 48000);
	ck_assert_uint_eq(own.env_end, 51000);
	ck_assert_int_eq(prctl_mm_map_from_stat(line, 40, &own), -EINVAL);	/* cut short */
	ck_assert_int_eq(prctl_mm_map_from_stat("no paren", 8, &own), -EINVAL);
}
END_TEST

/* The real /proc/self/stat parses, and its values are this process's layout. */
START_TEST(reads_this_process)
{
	char buf[2048];
	FILE *f = fopen("/proc/self/stat", "r");
	size_t n;
	struct prctl_mm_map own;

	ck_assert_ptr_nonnull(f);
	n = fread(buf, 1, sizeof buf, f);
	fclose(f);
	ck_assert_int_eq(prctl_mm_map_from_stat(buf, n, &own), 0);
	ck_assert_uint_lt(own.start_code, own.end_code);
	/* the initial stack: sp below the argv strings, then the environment's */
	ck_assert_uint_lt(own.start_stack, own.arg_start);
	ck_assert_uint_le(own.arg_start, own.arg_end);
	ck_assert_uint_le(own.arg_end, own.env_start);
	ck_assert_uint_le(own.env_start, own.env_end);
	ck_assert_uint_eq(prctl_mm_map_refused(&own, 4096, 0x7ffffffff000UL), 0);
}
END_TEST

Suite *make_loader_prctl_mm_map_suite(void)
{
	Suite *s = suite_create("loader_prctl_mm_map");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, accepts_an_ordinary_map);
	tcase_add_test(tc, refuses_each_pair_alone);
	tcase_add_test(tc, takes_the_loaders_pairs);
	tcase_add_test(tc, reads_proc_stat);
	tcase_add_test(tc, reads_this_process);
	suite_add_tcase(s, tc);
	return s;
}
