/* tests/unit/test_loader_script_parse.c: loader/script_parse.c, the #! rules (fs/binfmt_script.c). */
#include <check.h>
#include <errno.h>
#include <string.h>
#include "loader/script_parse.h"

Suite *make_loader_script_parse_suite(void);

static unsigned char buf[BINPRM_BUF_SIZE];
static struct shebang sb;
static const char *why;

/* Fill buf as prepare_binprm() does: the first 256 bytes, zero-padded. */
static int parse(const char *text, size_t len)
{
	memset(buf, 0, sizeof buf);
	memcpy(buf, text, len < sizeof buf ? len : sizeof buf);
	why = NULL;
	return parse_shebang(buf, &sb, &why);
}
#define PARSE(lit) parse(lit, sizeof lit - 1)

START_TEST(not_a_script)
{
	ck_assert_int_eq(PARSE("\177ELF"), -ENOEXEC);
	ck_assert_ptr_null(why);	/* not ours: no reason, the ELF handler is next */
	ck_assert_int_eq(PARSE("# !/bin/sh\n"), -ENOEXEC);
	ck_assert_ptr_null(why);
}
END_TEST

START_TEST(plain)
{
	ck_assert_int_eq(PARSE("#!/bin/sh\necho hi\n"), 0);
	ck_assert_str_eq(sb.name, "/bin/sh");
	ck_assert_int_eq(sb.has_arg, 0);
}
END_TEST

START_TEST(one_argument_inner_spaces_kept)
{
	ck_assert_int_eq(PARSE("#! /bin/echo  one two  three  \n"), 0);
	ck_assert_str_eq(sb.name, "/bin/echo");
	ck_assert_int_eq(sb.has_arg, 1);
	ck_assert_str_eq(sb.arg, "one two  three");
}
END_TEST

START_TEST(tab_separates)
{
	ck_assert_int_eq(PARSE("#!\t/bin/sh\t-x \t\n"), 0);
	ck_assert_str_eq(sb.name, "/bin/sh");
	ck_assert_str_eq(sb.arg, "-x");
}
END_TEST

START_TEST(cr_is_part_of_the_name)
{
	ck_assert_int_eq(PARSE("#!/bin/sh\r\n"), 0);
	ck_assert_str_eq(sb.name, "/bin/sh\r");
	ck_assert_int_eq(sb.has_arg, 0);
}
END_TEST

START_TEST(empty_name)
{
	ck_assert_int_eq(PARSE("#!\n"), -ENOEXEC);
	ck_assert_ptr_nonnull(why);
	ck_assert_int_eq(PARSE("#!   \t \n"), -ENOEXEC);
	ck_assert_ptr_nonnull(why);
	/* only NULs after "#!": an empty name, which open_exec() resolves to the cwd: EACCES */
	ck_assert_int_eq(PARSE("#!"), 0);
	ck_assert_str_eq(sb.name, "");
}
END_TEST

START_TEST(no_newline_short_file)
{
	ck_assert_int_eq(PARSE("#!/bin/true"), 0);	/* zero padding ends the name */
	ck_assert_str_eq(sb.name, "/bin/true");
	ck_assert_int_eq(sb.has_arg, 0);
	ck_assert_int_eq(PARSE("#!/bin/sh -e"), 0);
	ck_assert_str_eq(sb.arg, "-e");
}
END_TEST

START_TEST(embedded_nul_ends_name)
{
	ck_assert_int_eq(parse("#!/bin/sh\0 -x\n", 14), 0);
	ck_assert_str_eq(sb.name, "/bin/sh");
	ck_assert_int_eq(sb.has_arg, 0);
}
END_TEST

START_TEST(path_253_with_newline_parses)
{
	char text[BINPRM_BUF_SIZE];

	memcpy(text, "#!", 2);
	memset(text + 2, 'p', 253);
	text[255] = '\n';
	ck_assert_int_eq(parse(text, 256), 0);
	ck_assert_uint_eq(strlen(sb.name), 253);
}
END_TEST

START_TEST(path_254_without_newline_refused)
{
	char text[300];

	memcpy(text, "#!", 2);
	memset(text + 2, 'p', 254);
	text[256] = '\n';
	ck_assert_int_eq(parse(text, 257), -ENOEXEC);
	ck_assert_ptr_nonnull(why);
	ck_assert_ptr_nonnull(strstr(why, "cut short"));
}
END_TEST

START_TEST(long_argument_cut)
{
	char text[400];

	memcpy(text, "#!/bin/sh ", 10);
	memset(text + 10, 'a', 300);
	text[310] = '\n';
	ck_assert_int_eq(parse(text, 311), 0);
	ck_assert_str_eq(sb.name, "/bin/sh");
	/* the kernel ends the line at byte 255 and writes its NUL there */
	ck_assert_uint_eq(strlen(sb.arg), 255 - 10);
}
END_TEST

START_TEST(line_255_argument_whole)
{
	char text[BINPRM_BUF_SIZE];

	/* 255 characters and the '\n' at byte 255: the whole line is in the buffer */
	memcpy(text, "#!/bin/echo ", 12);
	memset(text + 12, 'a', 243);
	text[255] = '\n';
	ck_assert_int_eq(parse(text, 256), 0);
	ck_assert_str_eq(sb.name, "/bin/echo");
	ck_assert_uint_eq(strlen(sb.arg), 243);
}
END_TEST

START_TEST(line_256_argument_loses_last_byte)
{
	char text[300];

	/* the '\n' is byte 256, outside the buffer: the line ends at byte 255, excluded */
	memcpy(text, "#!/bin/echo ", 12);
	memset(text + 12, 'a', 244);
	text[256] = '\n';
	ck_assert_int_eq(parse(text, 257), 0);
	ck_assert_str_eq(sb.name, "/bin/echo");
	ck_assert_uint_eq(strlen(sb.arg), 243);
}
END_TEST

START_TEST(leading_blanks_and_cut_argument_trailing_blanks)
{
	char text[300];

	/* no newline in the buffer: blanks before byte 255 still end the argument */
	memcpy(text, "#! \t/bin/echo x", 16);
	memset(text + 16, ' ', 300 - 16);
	ck_assert_int_eq(parse(text, sizeof text), 0);
	ck_assert_str_eq(sb.name, "/bin/echo");
	ck_assert_str_eq(sb.arg, "x");
}
END_TEST

START_TEST(all_spaces_no_newline)
{
	char text[BINPRM_BUF_SIZE];

	memcpy(text, "#!", 2);
	memset(text + 2, ' ', sizeof text - 2);
	ck_assert_int_eq(parse(text, sizeof text), -ENOEXEC);
	ck_assert_ptr_nonnull(why);
}
END_TEST

START_TEST(argv_rewrite)
{
	const char *slots[8] = { 0 }, **argv = slots + 4, **out;
	size_t argc = 3;

	argv[0] = "ignored-argv0";
	argv[1] = "A";
	argv[2] = "B";
	ck_assert_int_eq(PARSE("#!/usr/bin/env python3\n"), 0);
	out = script_argv(argv, &argc, &sb, "./script");
	ck_assert_uint_eq(argc, 5);
	ck_assert_str_eq(out[0], "/usr/bin/env");
	ck_assert_str_eq(out[1], "python3");
	ck_assert_str_eq(out[2], "./script");
	ck_assert_str_eq(out[3], "A");
	ck_assert_str_eq(out[4], "B");
}
END_TEST

START_TEST(argv_rewrite_no_arg)
{
	const char *slots[8] = { 0 }, **argv = slots + 4, **out;
	size_t argc = 1;

	argv[0] = "s";
	ck_assert_int_eq(PARSE("#!/bin/sh\n"), 0);
	out = script_argv(argv, &argc, &sb, "dir/s");
	ck_assert_uint_eq(argc, 2);
	ck_assert_str_eq(out[0], "/bin/sh");
	ck_assert_str_eq(out[1], "dir/s");
}
END_TEST

START_TEST(argv_rewrite_argc0)
{
	/* argv[0] missing: nothing is removed, three entries go before argv's NULL */
	const char *slots[4] = { "x", "x", "x", NULL }, **argv = slots + 3, **out;
	size_t argc = 0;

	ck_assert_int_eq(PARSE("#!/bin/sh -e\n"), 0);
	out = script_argv(argv, &argc, &sb, "./s");
	ck_assert_ptr_eq(out, slots);	/* the 3 free slots script_parse.h asks for, no more */
	ck_assert_uint_eq(argc, 3);
	ck_assert_str_eq(out[0], "/bin/sh");
	ck_assert_str_eq(out[1], "-e");
	ck_assert_str_eq(out[2], "./s");
	ck_assert_ptr_null(out[3]);
}
END_TEST

Suite *make_loader_script_parse_suite(void)
{
	Suite *s = suite_create("loader_script_parse");
	TCase *t = tcase_create("shebang");

	tcase_add_test(t, not_a_script);
	tcase_add_test(t, plain);
	tcase_add_test(t, one_argument_inner_spaces_kept);
	tcase_add_test(t, tab_separates);
	tcase_add_test(t, cr_is_part_of_the_name);
	tcase_add_test(t, empty_name);
	tcase_add_test(t, no_newline_short_file);
	tcase_add_test(t, embedded_nul_ends_name);
	tcase_add_test(t, path_253_with_newline_parses);
	tcase_add_test(t, path_254_without_newline_refused);
	tcase_add_test(t, long_argument_cut);
	tcase_add_test(t, line_255_argument_whole);
	tcase_add_test(t, line_256_argument_loses_last_byte);
	tcase_add_test(t, leading_blanks_and_cut_argument_trailing_blanks);
	tcase_add_test(t, all_spaces_no_newline);
	tcase_add_test(t, argv_rewrite);
	tcase_add_test(t, argv_rewrite_no_arg);
	tcase_add_test(t, argv_rewrite_argc0);
	suite_add_tcase(s, t);
	return s;
}
