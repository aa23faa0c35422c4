/*
 * tests/unit/test_output.c: strace's line layout: " = " at column 40, "[pid N] " with
 * several tracees, "<unfinished ...>" / "<... NAME resumed>" when lines interleave.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include "tracer/report/output.h"
#include "tracer/engine/tcb.h"

static char *text;
static size_t len;
static FILE *f;

static void setup(void)
{
	f = open_memstream(&text, &len);
	output_set_stream(f);
}

static void drop_cb(struct tcb *t, void *arg)
{
	(void)arg;
	tcb_drop(t);
}

static void teardown(void)
{
	output_set_stream(NULL);
	fclose(f);
	free(text);
	tcb_foreach(drop_cb, NULL);
}

static const char *result(void)
{
	fflush(f);
	return text;
}

START_TEST(aligned_at_40)
{
	struct tcb *t = tcb_new(10);

	output_entry(t, "close(3");
	output_exit(t, "close", ") = 0");
	output_entry(t, "openat(AT_FDCWD, \"/etc/ld.so.cache\", O_RDONLY|O_CLOEXEC");
	output_exit(t, "openat", ") = 3");
	output_entry(t, "exit_group(0");
	output_exit(t, "exit_group", ") = ?");
	output_line(t, "+++ exited with %d +++", 0);
	ck_assert_str_eq(result(),
		"close(3)                                = 0\n"
		"openat(AT_FDCWD, \"/etc/ld.so.cache\", O_RDONLY|O_CLOEXEC) = 3\n"
		"exit_group(0)                           = ?\n"
		"+++ exited with 0 +++\n");
}
END_TEST

START_TEST(result_after_last_equals)
{
	struct tcb *t = tcb_new(10);

	/* An argument may contain " = "; the result is after the last one. */
	output_entry(t, "write(1, \"a = b\\n\", 6");
	output_exit(t, "write", ") = 6");
	ck_assert_str_eq(result(), "write(1, \"a = b\\n\", 6)                  = 6\n");
}
END_TEST

START_TEST(interleaved)
{
	struct tcb *a = tcb_new(100), *b = tcb_new(12345);

	output_entry(a, "wait4(-1, ");
	output_entry(b, "write(1, \"a\\n\", 2");
	output_exit(b, "write", ") = 2");
	output_exit(a, "wait4", "[{WIFEXITED(s) && WEXITSTATUS(s) == 0}], 0, NULL) = 12345");
	output_line(b, "+++ exited with 0 +++");
	ck_assert_str_eq(result(),
		"[pid   100] wait4(-1,  <unfinished ...>\n"
		"[pid 12345] write(1, \"a\\n\", 2)          = 2\n"
		"[pid   100] <... wait4 resumed>[{WIFEXITED(s) && WEXITSTATUS(s) == 0}], 0, NULL) = 12345\n"
		"[pid 12345] +++ exited with 0 +++\n");
}
END_TEST

START_TEST(forget_ends_line)
{
	struct tcb *a = tcb_new(100);

	output_entry(a, "read(0, ");
	output_forget(a);
	output_line(a, "+++ killed by SIGKILL +++");
	ck_assert_str_eq(result(), "read(0,  <unfinished ...>\n+++ killed by SIGKILL +++\n");
}
END_TEST

Suite *make_output_suite(void)
{
	Suite *s = suite_create("tracer_output");
	TCase *tc = tcase_create("layout");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, aligned_at_40);
	tcase_add_test(tc, result_after_last_equals);
	tcase_add_test(tc, interleaved);
	tcase_add_test(tc, forget_ends_line);
	suite_add_tcase(s, tc);
	return s;
}
