/* tests/unit/test_loader_fmt.c: loader/fmt.c and loader/errstr.c (glibc is the oracle). */
#include <check.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include "loader/errstr.h"
#include "loader/fmt.h"

Suite *make_loader_fmt_suite(void);

#define SAME(...) do {							\
	char a_[128], b_[128];						\
	fmt(a_, sizeof a_, __VA_ARGS__);				\
	snprintf(b_, sizeof b_, __VA_ARGS__);				\
	ck_assert_str_eq(a_, b_);					\
} while (0)

START_TEST(like_printf)
{
	SAME("plain");
	SAME("%s|%5s|%-5s|", "ab", "cd", "ef");
	SAME("%d %i %d %ld", 0, -42, 2147483647, -9000000000L);
	SAME("%u %lu %zu", 4000000000U, ~0UL, (size_t)17);
	SAME("%x %lx %#lx %#x", 255U, 0xdeadbeefUL, 0x400000UL, 0U + 1);
	SAME("%08lx %#014lx %o %c %%", 0x1234UL, 0x7fffUL, 0755U, 'z');
	SAME("%-8s|%6s", "x", "12345678");
}
END_TEST

START_TEST(truncates)
{
	char b[8];

	ck_assert_uint_eq(fmt(b, sizeof b, "%s", "0123456789"), 7);
	ck_assert_str_eq(b, "0123456");
	ck_assert_uint_eq(fmt(b, 1, "abc"), 0);
	ck_assert_str_eq(b, "");
}
END_TEST

START_TEST(basename)
{
	ck_assert_str_eq(path_basename("/usr/bin/ls"), "ls");
	ck_assert_str_eq(path_basename("ls"), "ls");
	ck_assert_str_eq(path_basename("./a/b"), "b");
	ck_assert_str_eq(path_basename("dir/"), "");
}
END_TEST

START_TEST(escapes_control_characters)
{
	char b[64];

	ck_assert_str_eq(escape_text(b, sizeof b, "/bin/sh\r"), "/bin/sh\\r");
	ck_assert_str_eq(escape_text(b, sizeof b, "a\nb\tc\x01\x7f"), "a\\nb\\tc\\x01\\x7f");
	ck_assert_str_eq(escape_text(b, sizeof b, "plain /path é"), "plain /path é");
	ck_assert_str_eq(escape_text(b, 6, "abcdefgh"), "a");	/* room kept for an escape */
}
END_TEST

START_TEST(fail_records)
{
	struct diag d = { 0 };

	ck_assert_int_eq(diag_fail(&d, -ENOEXEC, "e_phentsize is %u, expected %d", 40U, 56), -ENOEXEC);
	ck_assert_int_eq(d.err, -ENOEXEC);
	ck_assert_str_eq(d.text, "e_phentsize is 40, expected 56");
}
END_TEST

START_TEST(errno_texts_are_glibcs)
{
	int known = 0;

	for (int e = 1; e < 200; e++) {
		const char *t = errno_string(e);

		if (!t)
			continue;
		known++;
		ck_assert_msg(!strcmp(t, strerror(e)), "errno %d: '%s' vs glibc '%s'", e, t,
			      strerror(e));
	}
	ck_assert_int_ge(known, 20);
	ck_assert_str_eq(errno_string(ENOEXEC), "Exec format error");
	ck_assert_str_eq(errno_string(ELIBBAD), "Accessing a corrupted shared library");
	ck_assert_str_eq(errno_string(ELOOP), "Too many levels of symbolic links");
	ck_assert_ptr_null(errno_string(0));
	ck_assert_ptr_null(errno_string(-1));
	ck_assert_ptr_null(errno_string(100000));
}
END_TEST

Suite *make_loader_fmt_suite(void)
{
	Suite *s = suite_create("loader_fmt");
	TCase *t = tcase_create("fmt");

	tcase_add_test(t, like_printf);
	tcase_add_test(t, truncates);
	tcase_add_test(t, basename);
	tcase_add_test(t, fail_records);
	tcase_add_test(t, escapes_control_characters);
	tcase_add_test(t, errno_texts_are_glibcs);
	suite_add_tcase(s, t);
	return s;
}
