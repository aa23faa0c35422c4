/* tests/unit/test_loader_proc_maps.c: loader/proc_maps.c (the kernel's own maps are the oracle). */
#define _GNU_SOURCE
#include <check.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include "loader/proc_maps.h"

Suite *make_loader_proc_maps_suite(void);

static const char sample[] =
	"555555554000-555555556000 r--p 00000000 fe:00 247134                     /usr/bin/cat\n"
	"7ffff7fb3000-7ffff7fb7000 r--p 00000000 00:00 0                          [vvar]\n"
	"7ffff7fb9000-7ffff7fbb000 r-xp 00000000 00:00 0                          [vdso]\n"
	"7ffff7fbb000-7ffff7fbc000 r--p 00000000 fe:00 5311083                    /a b/loader\n"
	"7ffff7fc7000-7ffff7fff000 rw-p 00000000 00:00 0 \n"
	"7ffffffde000-7ffffffff000 rw-p 00000000 00:00 0                          [stack]\n";

START_TEST(finds_the_first_overlap)
{
	struct maps_entry e;

	ck_assert_int_eq(maps_find_overlap(sample, strlen(sample), 0x7ffff7fb6000,
					   0x7ffff7fba000, 0, 0, &e), 1);
	ck_assert_uint_eq(e.start, 0x7ffff7fb3000);
	ck_assert_uint_eq(e.end, 0x7ffff7fb7000);
	ck_assert_str_eq(e.name, "[vvar]");
	/* ends are exclusive */
	ck_assert_int_eq(maps_find_overlap(sample, strlen(sample), 0x7ffff7fb7000,
					   0x7ffff7fb9000, 0, 0, &e), 0);
	ck_assert_int_eq(maps_find_overlap(sample, strlen(sample), 0x7ffff7fb7000,
					   0x7ffff7fb9001, 0, 0, &e), 1);
	ck_assert_str_eq(e.name, "[vdso]");
	/* a pathname with a blank, and an anonymous mapping */
	ck_assert_int_eq(maps_find_overlap(sample, strlen(sample), 0x7ffff7fbb000,
					   0x7ffff7fbb001, 0, 0, &e), 1);
	ck_assert_str_eq(e.name, "/a b/loader");
	ck_assert_int_eq(maps_find_overlap(sample, strlen(sample), 0x7ffff7fc8000,
					   0x7ffff7fc9000, 0, 0, &e), 1);
	ck_assert_str_eq(e.name, "");
}
END_TEST

START_TEST(skips_the_callers_range)
{
	struct maps_entry e;

	/* the loader's own lines are skipped; the [stack] above is not */
	ck_assert_int_eq(maps_find_overlap(sample, strlen(sample), 0x7ffff7fbb000,
					   0x7ffff7fff000, 0x7ffff7fbb000, 0x7ffff7fff000, &e), 0);
	ck_assert_int_eq(maps_find_overlap(sample, strlen(sample), 0x7ffff7fbb000,
					   0x7ffffffe0000, 0x7ffff7fbb000, 0x7ffff7fff000, &e), 1);
	ck_assert_str_eq(e.name, "[stack]");
	/* a line only partly inside the skipped range still counts */
	ck_assert_int_eq(maps_find_overlap(sample, strlen(sample), 0x7ffff7fb0000,
					   0x7ffff7fbc000, 0x7ffff7fb5000, 0x7ffff7fff000, &e), 1);
	ck_assert_str_eq(e.name, "[vvar]");
}
END_TEST

START_TEST(ignores_cut_and_malformed_lines)
{
	static const char cut[] = "1000-2000 r--p 00000000 00:00 0 [a]\n3000-4000 r--p 0000";
	static const char bad[] = "zz-2000 r--p 0 0 0 x\n2000-1000 r--p 0 0 0 y\n"
				  "1000-2000 r--p\n10000000000000000-1 r 0 0 0 z\n";
	struct maps_entry e;

	ck_assert_int_eq(maps_find_overlap(cut, strlen(cut), 0x3000, 0x4000, 0, 0, &e), 0);
	ck_assert_int_eq(maps_find_overlap(cut, strlen(cut), 0x1000, 0x4000, 0, 0, &e), 1);
	ck_assert_str_eq(e.name, "[a]");
	ck_assert_int_eq(maps_find_overlap(bad, strlen(bad), 0, ~0UL, 0, 0, &e), 0);
	ck_assert_int_eq(maps_find_overlap("", 0, 0, ~0UL, 0, 0, &e), 0);
}
END_TEST

START_TEST(long_names_are_cut)
{
	char line[400];
	struct maps_entry e;

	memset(line, 0, sizeof line);
	strcpy(line, "1000-2000 r--p 00000000 00:00 0 /");
	memset(line + strlen(line), 'x', 300);
	strcat(line, "\n");
	ck_assert_int_eq(maps_find_overlap(line, strlen(line), 0x1000, 0x2000, 0, 0, &e), 1);
	ck_assert_uint_eq(strlen(e.name), sizeof e.name - 1);
	ck_assert_int_eq(e.name[0], '/');
}
END_TEST

/* The kernel's own /proc/self/maps: a fresh mapping is found with the right bounds. */
START_TEST(reads_the_kernels_maps)
{
	static char text[1 << 16];
	long page = sysconf(_SC_PAGESIZE);
	char *m = mmap(NULL, 3 * page, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	unsigned long lo = (unsigned long)m;
	struct maps_entry e;
	size_t len;
	FILE *f;

	ck_assert_ptr_ne(m, MAP_FAILED);
	ck_assert_int_eq(munmap(m + page, page), 0);	/* two mappings with a hole */
	f = fopen("/proc/self/maps", "r");
	ck_assert_ptr_nonnull(f);
	len = fread(text, 1, sizeof text, f);
	fclose(f);
	ck_assert_int_eq(maps_find_overlap(text, len, lo + page, lo + 2 * page, 0, 0, &e), 0);
	ck_assert_int_eq(maps_find_overlap(text, len, lo + page, lo + 3 * page, 0, 0, &e), 1);
	ck_assert_uint_eq(e.start, lo + 2 * page);
	ck_assert_int_eq(maps_find_overlap(text, len, (unsigned long)text,
					   (unsigned long)text + 1, 0, 0, &e), 1);
	ck_assert_uint_le(e.start, (unsigned long)text);
	munmap(m, page);
	munmap(m + 2 * page, page);
}
END_TEST

Suite *make_loader_proc_maps_suite(void)
{
	Suite *s = suite_create("loader_proc_maps");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, finds_the_first_overlap);
	tcase_add_test(tc, skips_the_callers_range);
	tcase_add_test(tc, ignores_cut_and_malformed_lines);
	tcase_add_test(tc, long_names_are_cut);
	tcase_add_test(tc, reads_the_kernels_maps);
	suite_add_tcase(s, tc);
	return s;
}
