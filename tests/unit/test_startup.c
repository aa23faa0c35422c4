/*
 * tests/unit/test_startup.c: finding PROGRAM in PATH (127/126 cases), ptrace options, and
 * the EPERM explanation for an untraced process.
 */
#include <check.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/stat.h>
#include <unistd.h>
#include "tracer/engine/startup.h"

static char dir[64];

static void setup(void)
{
	FILE *f;

	snprintf(dir, sizeof(dir), "/tmp/execlab-unit-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(dir));
	for (int i = 0; i < 2; i++) {
		char p[128];

		snprintf(p, sizeof(p), "%s/%s", dir, i ? "plain" : "prog");
		f = fopen(p, "w");
		ck_assert_ptr_nonnull(f);
		fclose(f);
		chmod(p, i ? 0644 : 0755);
	}
}

static void teardown(void)
{
	char p[128];

	snprintf(p, sizeof(p), "%s/prog", dir);
	unlink(p);
	snprintf(p, sizeof(p), "%s/plain", dir);
	unlink(p);
	ck_assert_int_eq(rmdir(dir), 0);
}

START_TEST(resolve)
{
	char buf[256], want[128], path[256];

	snprintf(path, sizeof(path), "/nonexistent:%s", dir);
	setenv("PATH", path, 1);
	ck_assert_int_eq(startup_resolve("prog", buf, sizeof(buf), NULL, 0), 0);
	snprintf(want, sizeof(want), "%s/prog", dir);
	ck_assert_str_eq(buf, want);
	ck_assert_int_eq(startup_resolve("plain", buf, sizeof(buf), NULL, 0), -EACCES);
	ck_assert_int_eq(startup_resolve("absent", buf, sizeof(buf), NULL, 0), -ENOENT);
	ck_assert_int_eq(startup_resolve("", buf, sizeof(buf), NULL, 0), -ENOENT);
	ck_assert_int_eq(startup_resolve(want, buf, sizeof(buf), NULL, 0), 0);	/* with a slash */
	ck_assert_int_eq(startup_resolve("/nonexistent/prog", buf, sizeof(buf), NULL, 0), -ENOENT);
}
END_TEST

START_TEST(options)
{
	unsigned long o = startup_ptrace_options(0, 0);

	ck_assert(o & PTRACE_O_TRACESYSGOOD);
	ck_assert(o & PTRACE_O_TRACEEXEC);
	ck_assert(o & PTRACE_O_EXITKILL);
	ck_assert(!(o & PTRACE_O_TRACEFORK));
	o = startup_ptrace_options(1, 1);
	ck_assert(o & PTRACE_O_TRACEFORK && o & PTRACE_O_TRACEVFORK && o & PTRACE_O_TRACECLONE);
	ck_assert(!(o & PTRACE_O_EXITKILL));	/* never kill what we attached to */
}
END_TEST

START_TEST(eperm_explained)
{
	char why[512];

	startup_explain_eperm(getpid(), why, sizeof(why));
	ck_assert_int_gt(strlen(why), 20);
}
END_TEST

Suite *make_startup_suite(void)
{
	Suite *s = suite_create("tracer_startup");
	TCase *tc = tcase_create("startup");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, resolve);
	tcase_add_test(tc, options);
	tcase_add_test(tc, eperm_explained);
	suite_add_tcase(s, tc);
	return s;
}
