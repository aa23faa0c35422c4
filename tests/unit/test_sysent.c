/* tests/unit/test_sysent.c: the syscall table: names from libseccomp, one row per number. */
#include <check.h>
#include <linux/audit.h>
#include <seccomp.h>
#include <stdlib.h>
#include <string.h>
#include "tracer/sysent.h"
#include "tracer/decode/sysent_row.h"

static void setup(void)
{
	ck_assert_int_eq(sysent_init(), 0);
}

START_TEST(test_sysent_names)
{
	ck_assert_str_eq(sysent_name(PERS_X86_64, 0), "read");
	ck_assert_str_eq(sysent_name(PERS_X86_64, 257), "openat");
	ck_assert_str_eq(sysent_name(PERS_X86_64, 231), "exit_group");
	ck_assert_str_eq(sysent_name(PERS_I386, 3), "read");
	ck_assert_str_eq(sysent_name(PERS_I386, 11), "execve");
	ck_assert_str_eq(sysent_name(PERS_I386, 192), "mmap2");
	ck_assert_ptr_null(sysent_name(PERS_X86_64, 400));	/* in the 335..423 gap */
	ck_assert_ptr_null(sysent_name(PERS_X86_64, -1));
	ck_assert_ptr_null(sysent_name(PERS_X86_64, 100000));
	ck_assert_ptr_null(sysent_name(7, 0));
	ck_assert_int_ge(sysent_count(PERS_X86_64), 450);
	ck_assert_int_ge(sysent_count(PERS_I386), 450);
	ck_assert_int_lt(sysent_count(PERS_X86_64), 1024);
	ck_assert_ptr_nonnull(sysent_name(PERS_X86_64, sysent_count(PERS_X86_64) - 1));
}
END_TEST

START_TEST(test_sysent_lookup)
{
	ck_assert_int_eq(sysent_lookup(PERS_X86_64, "openat"), 257);
	ck_assert_int_eq(sysent_lookup(PERS_X86_64, "read"), 0);
	ck_assert_int_eq(sysent_lookup(PERS_I386, "openat"), 295);
	ck_assert_int_eq(sysent_lookup(PERS_X86_64, "mmap2"), -1);
	ck_assert_int_eq(sysent_lookup(PERS_X86_64, "no_such_call"), -1);
	ck_assert_int_eq(sysent_lookup(PERS_X86_64, NULL), -1);
}
END_TEST

START_TEST(test_sysent_arch)
{
	ck_assert_int_eq(sysent_pers_from_audit_arch(AUDIT_ARCH_X86_64), PERS_X86_64);
	ck_assert_int_eq(sysent_pers_from_audit_arch(AUDIT_ARCH_I386), PERS_I386);
	ck_assert_int_eq(sysent_pers_from_audit_arch(AUDIT_ARCH_AARCH64), -1);
	ck_assert_uint_eq(sysent_audit_arch(PERS_X86_64), AUDIT_ARCH_X86_64);
	ck_assert_uint_eq(sysent_audit_arch(PERS_I386), AUDIT_ARCH_I386);
}
END_TEST

START_TEST(test_sysent_nargs)
{
	ck_assert_int_eq(sysent_nargs(PERS_X86_64, 0), 3);	/* read */
	ck_assert_int_eq(sysent_nargs(PERS_X86_64, 39), 0);	/* getpid */
	ck_assert_int_eq(sysent_nargs(PERS_X86_64, 9), 6);	/* mmap */
	ck_assert_int_eq(sysent_nargs(PERS_X86_64, 17), 4);	/* pread64 */
	ck_assert_int_eq(sysent_nargs(PERS_I386, 180), 5);	/* pread64: split offset */
	ck_assert_int_eq(sysent_nargs(PERS_I386, 90), 1);	/* old_mmap */
	ck_assert_int_eq(sysent_nargs(PERS_X86_64, 400), 6);	/* unknown */
}
END_TEST

START_TEST(test_sysent_classes)
{
	long openat = sysent_lookup(PERS_X86_64, "openat");

	ck_assert_uint_eq(sysent_classes(PERS_X86_64, openat), CLASS_FILE | CLASS_DESC);
	ck_assert_uint_eq(sysent_classes(PERS_X86_64, sysent_lookup(PERS_X86_64, "execve")),
			  CLASS_FILE | CLASS_PROCESS);
	ck_assert_uint_eq(sysent_classes(PERS_X86_64, sysent_lookup(PERS_X86_64, "mmap")),
			  CLASS_DESC | CLASS_MEMORY);
	ck_assert_uint_eq(sysent_classes(PERS_X86_64, sysent_lookup(PERS_X86_64, "kill")),
			  CLASS_SIGNAL | CLASS_PROCESS);
	ck_assert_uint_eq(sysent_classes(PERS_X86_64, sysent_lookup(PERS_X86_64, "getpid")),
			  CLASS_PURE);
	ck_assert(sysent_classes(PERS_I386, sysent_lookup(PERS_I386, "stat64")) & CLASS_FILE);
	ck_assert(sysent_classes(PERS_X86_64, sysent_lookup(PERS_X86_64, "connect")) &
		  CLASS_NETWORK);
	ck_assert_uint_eq(sysent_class_by_name("file"), CLASS_FILE);
	ck_assert_uint_eq(sysent_class_by_name("%process"), CLASS_PROCESS);
	ck_assert_uint_eq(sysent_class_by_name("%net"), CLASS_NETWORK);
	ck_assert_uint_eq(sysent_class_by_name("clock"), CLASS_CLOCK);
	ck_assert_uint_eq(sysent_class_by_name("nonsense"), 0);
}
END_TEST

static int in(int pers, const char *sys, const char *cls)
{
	return sysent_in_class(pers, sysent_lookup(pers, sys), cls);
}

/* Membership checked against strace 6.1's own seccomp filter for each class (-d output). */
START_TEST(test_sysent_in_class)
{
	ck_assert_int_eq(in(PERS_X86_64, "openat", "%file"), 1);
	ck_assert_int_eq(in(PERS_X86_64, "close", "%file"), 0);
	ck_assert_int_eq(in(PERS_X86_64, "close", "desc"), 1);
	ck_assert_int_eq(in(PERS_X86_64, "stat", "%stat"), 1);
	ck_assert_int_eq(in(PERS_X86_64, "newfstatat", "%stat"), 0);
	ck_assert_int_eq(in(PERS_X86_64, "newfstatat", "%fstat"), 1);
	ck_assert_int_eq(in(PERS_X86_64, "statx", "%fstat"), 1);
	ck_assert_int_eq(in(PERS_X86_64, "lstat", "%lstat"), 1);
	ck_assert_int_eq(in(PERS_X86_64, "lstat", "%%stat"), 1);
	ck_assert_int_eq(in(PERS_X86_64, "statfs", "%%stat"), 0);
	ck_assert_int_eq(in(PERS_X86_64, "ustat", "%%statfs"), 1);
	ck_assert_int_eq(in(PERS_X86_64, "fstatfs", "%statfs"), 0);
	ck_assert_int_eq(in(PERS_I386, "stat64", "%stat"), 1);
	ck_assert_int_eq(in(PERS_I386, "fstatat64", "%fstat"), 1);
	ck_assert_int_eq(in(PERS_X86_64, "getpid", "%pure"), 1);
	ck_assert_int_eq(in(PERS_X86_64, "getpgid", "%pure"), 0);
	ck_assert_int_eq(in(PERS_X86_64, "brk", "%memory"), 1);
	ck_assert_int_eq(in(PERS_X86_64, "brk", "%nonsense"), -1);
}
END_TEST

static const uint32_t scmp_arch[PERS_COUNT] = {
	[PERS_X86_64] = SCMP_ARCH_X86_64, [PERS_I386] = SCMP_ARCH_X86,
};

/*
 * Every row's name is libseccomp's for that number and arch. A number libseccomp does not
 * name yet (a call newer than the installed libseccomp) is allowed: that row waits unused.
 */
START_TEST(test_sysent_rows_named_as_libseccomp)
{
	int p;

	for (p = 0; p < PERS_COUNT; p++) {
		size_t n, nr, checked = 0;
		const struct sysent_row *rows = sysent_rows(p, &n);

		ck_assert_uint_gt(n, 300);
		for (nr = 0; nr < n; nr++) {
			char *name;

			if (!rows[nr].name)
				continue;
			name = seccomp_syscall_resolve_num_arch(scmp_arch[p], (int)nr);
			if (name) {
				ck_assert_msg(strcmp(name, rows[nr].name) == 0,
					      "pers %d row %zu is \"%s\", libseccomp says \"%s\"",
					      p, nr, rows[nr].name, name);
				checked++;
				ck_assert_ptr_eq(sysent_row(p, (long)nr), &rows[nr]);
			} else {
				ck_assert_ptr_null(sysent_row(p, (long)nr));
			}
			free(name);
		}
		ck_assert_uint_gt(checked, 300);
	}
}
END_TEST

/* Every number libseccomp names has a row (arguments, classes, decoder). */
START_TEST(test_sysent_every_name_has_a_row)
{
	int p;
	long nr;

	for (p = 0; p < PERS_COUNT; p++)
		for (nr = 0; nr < sysent_count(p); nr++)
			if (sysent_name(p, nr))
				ck_assert_msg(sysent_row(p, nr), "pers %d: no row for %ld %s",
					      p, nr, sysent_name(p, nr));
}
END_TEST

/* A row's columns are sane: at most 6 arguments; a signature has one letter per argument
 * on x86_64 (i386 splits 64-bit arguments in two); SIG rows use the signature decoder. */
START_TEST(test_sysent_rows_consistent)
{
	int p;

	for (p = 0; p < PERS_COUNT; p++) {
		size_t n, nr;
		const struct sysent_row *rows = sysent_rows(p, &n);

		for (nr = 0; nr < n; nr++) {
			if (!rows[nr].name)
				continue;
			ck_assert_msg(rows[nr].nargs <= 6, "%s: nargs %u", rows[nr].name,
				      rows[nr].nargs);
			ck_assert_msg(!rows[nr].sig || rows[nr].decode, "%s: sig without decoder",
				      rows[nr].name);
			if (p == PERS_X86_64 && rows[nr].sig)
				ck_assert_msg(strlen(rows[nr].sig) == rows[nr].nargs,
					      "%s: SIG(%s) for %u arguments", rows[nr].name,
					      rows[nr].sig, rows[nr].nargs);
		}
	}
}
END_TEST

Suite *make_sysent_suite(void)
{
	Suite *s = suite_create("sysent");
	TCase *tc = tcase_create("core");

	tcase_add_checked_fixture(tc, setup, NULL);
	tcase_add_test(tc, test_sysent_names);
	tcase_add_test(tc, test_sysent_lookup);
	tcase_add_test(tc, test_sysent_arch);
	tcase_add_test(tc, test_sysent_nargs);
	tcase_add_test(tc, test_sysent_classes);
	tcase_add_test(tc, test_sysent_in_class);
	tcase_add_test(tc, test_sysent_rows_named_as_libseccomp);
	tcase_add_test(tc, test_sysent_every_name_has_a_row);
	tcase_add_test(tc, test_sysent_rows_consistent);
	suite_add_tcase(s, tc);
	return s;
}
