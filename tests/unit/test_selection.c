/* tests/unit/test_selection.c: -e trace= syntax (tracer/select/selection.c) over the real sysent table. */
#include <check.h>
#include <errno.h>
#include <string.h>
#include "tracer/select/selection.h"

int unit_sysent_init(void);

static struct selection sel;

static void setup(void)
{
	ck_assert_int_eq(unit_sysent_init(), 0);
	ck_assert_int_eq(selection_init(&sel), 0);
}

static void teardown(void)
{
	selection_free(&sel);
}

/* Is name (looked up in pers) selected? Fails the test if pers has no such syscall. */
static bool has(int pers, const char *name)
{
	long nr = sysent_lookup(pers, name);

	ck_assert_msg(nr >= 0, "%s unknown in personality %d", name, pers);
	return selection_has(&sel, pers, nr);
}

static void parse_ok(const char *expr)
{
	const char *bad = NULL;
	int rc = selection_parse(&sel, expr, &bad);

	ck_assert_msg(rc == 0, "%s: rc %d, bad token '%s'", expr, rc, bad ? bad : "(null)");
}

/* Regexes whose compilation would take minutes are refused; ordinary ones are not. */
START_TEST(costly_regex)
{
	char plus[80];

	ck_assert(!regex_too_costly("^(open|stat)"));
	ck_assert(!regex_too_costly("^[a-z]+at$"));
	ck_assert(!regex_too_costly("a\\++"));		/* a literal '+' repeated */
	ck_assert(!regex_too_costly("[+*]+"));		/* inside brackets: literals */
	ck_assert(!regex_too_costly("^.{1,20}$"));
	ck_assert(regex_too_costly("a++"));
	ck_assert(regex_too_costly("a*?"));
	ck_assert(regex_too_costly("a{1,200}{1,200}"));
	ck_assert(regex_too_costly("a{1,30000}"));
	ck_assert(!regex_too_costly("^(a{1,255})$"));
	ck_assert(!regex_too_costly("((open|stat){2}){3}"));
	ck_assert(regex_too_costly("((a{255}){255}){255}"));	/* 255^3 copies */
	ck_assert(!regex_too_costly("[]+*]+"));	/* a ']' first is a member */
	ck_assert(!regex_too_costly("[^]a]+"));
	ck_assert(!regex_too_costly("[[:alpha:]]+_[[.-.]]?"));
	ck_assert(regex_too_costly("[]/[]a++"));	/* the bracket ends before a++ */
	ck_assert(regex_too_costly("[[:alpha:]]++"));
	ck_assert(regex_too_costly("(((((((((((((((((((((((((((((((((a)))))))))))))))))))))))))))))))))"));
	memset(plus, 'a', sizeof plus);
	for (int i = 1; i < 78; i += 2)
		plus[i] = '+';
	plus[79] = '\0';
	ck_assert(regex_too_costly(plus));		/* 39 repeats */
}
END_TEST

START_TEST(default_is_all)
{
	ck_assert(selection_is_all(&sel));
	ck_assert(has(PERS_X86_64, "getppid"));
	ck_assert(selection_has(&sel, PERS_X86_64, 100000));	/* outside the table too */
	ck_assert(!sel.failed_only);
}
END_TEST

START_TEST(names)
{
	parse_ok("trace=openat,close");
	ck_assert(!selection_is_all(&sel));
	ck_assert(has(PERS_X86_64, "openat"));
	ck_assert(has(PERS_X86_64, "close"));
	ck_assert(!has(PERS_X86_64, "getppid"));
	ck_assert(!has(PERS_X86_64, "read"));
	/* a name selects the same call in every personality that has it */
	ck_assert(has(PERS_I386, "openat"));
	ck_assert(has(PERS_I386, "close"));
	ck_assert_int_eq(selection_count(&sel, PERS_X86_64), 2);
	ck_assert(!selection_has(&sel, PERS_X86_64, 100000));
	ck_assert(!selection_has(&sel, PERS_X86_64, -1));
}
END_TEST

START_TEST(prefix_optional)
{
	parse_ok("openat");
	ck_assert(has(PERS_X86_64, "openat"));
	ck_assert_int_eq(selection_count(&sel, PERS_X86_64), 1);
}
END_TEST

START_TEST(last_trace_wins)
{
	parse_ok("trace=openat");
	parse_ok("trace=close");
	ck_assert(!has(PERS_X86_64, "openat"));
	ck_assert(has(PERS_X86_64, "close"));
}
END_TEST

START_TEST(name_of_one_personality)
{
	/* socketcall exists only on i386, newfstatat only on x86_64: both are accepted */
	parse_ok("socketcall,newfstatat");
	ck_assert(has(PERS_I386, "socketcall"));
	ck_assert(has(PERS_X86_64, "newfstatat"));
	ck_assert_int_eq(selection_count(&sel, PERS_X86_64), 1);
	ck_assert_int_eq(selection_count(&sel, PERS_I386), 1);
}
END_TEST

START_TEST(negation)
{
	parse_ok("trace=!openat,close");
	ck_assert(!selection_is_all(&sel));
	ck_assert(!has(PERS_X86_64, "openat"));
	ck_assert(!has(PERS_X86_64, "close"));
	ck_assert(has(PERS_X86_64, "getppid"));
	ck_assert(has(PERS_I386, "getppid"));
	/* numbers outside the table are never selected by a list (filter.h) */
	ck_assert(!selection_has(&sel, PERS_X86_64, sel.size[PERS_X86_64]));
}
END_TEST

START_TEST(double_negation)
{
	parse_ok("trace=!!openat");	/* strace: each `!` toggles */
	ck_assert(has(PERS_X86_64, "openat"));
	ck_assert(!has(PERS_X86_64, "close"));
	selection_free(&sel);
	ck_assert_int_eq(selection_init(&sel), 0);
	parse_ok("trace=!!!openat");
	ck_assert(!has(PERS_X86_64, "openat"));
	ck_assert(has(PERS_X86_64, "close"));
}
END_TEST

START_TEST(all_none)
{
	parse_ok("trace=none");
	ck_assert(!selection_is_all(&sel));
	ck_assert_int_eq(selection_count(&sel, PERS_X86_64), 0);
	ck_assert_int_eq(selection_count(&sel, PERS_I386), 0);
	parse_ok("trace=all");
	ck_assert(selection_is_all(&sel));
	parse_ok("trace=!all");
	ck_assert(!selection_is_all(&sel));
	ck_assert_int_eq(selection_count(&sel, PERS_X86_64), 0);
	parse_ok("trace=!none");
	ck_assert(selection_is_all(&sel));
}
END_TEST

START_TEST(classes)
{
	parse_ok("trace=%file");
	ck_assert(has(PERS_X86_64, "openat"));
	ck_assert(has(PERS_X86_64, "execve"));
	ck_assert(has(PERS_I386, "open"));
	ck_assert(!has(PERS_X86_64, "getppid"));
	ck_assert(!has(PERS_X86_64, "close"));

	parse_ok("%process");
	ck_assert(has(PERS_X86_64, "execve"));
	ck_assert(has(PERS_X86_64, "clone"));
	ck_assert(has(PERS_X86_64, "exit_group"));
	ck_assert(!has(PERS_X86_64, "openat"));

	parse_ok("%network");
	ck_assert(has(PERS_X86_64, "socket"));
	ck_assert(has(PERS_X86_64, "connect"));
	ck_assert(!has(PERS_X86_64, "read"));
	parse_ok("%net");			/* strace's alias */
	ck_assert(has(PERS_X86_64, "socket"));

	parse_ok("%memory");
	ck_assert(has(PERS_X86_64, "mmap"));
	parse_ok("%signal");
	ck_assert(has(PERS_X86_64, "rt_sigaction"));
	parse_ok("%desc");
	ck_assert(has(PERS_X86_64, "read"));
	ck_assert(has(PERS_X86_64, "close"));
	parse_ok("%ipc");
	ck_assert(has(PERS_X86_64, "shmget"));
	parse_ok("%creds");
	ck_assert(has(PERS_X86_64, "getuid"));
	parse_ok("%clock");
	ck_assert(has(PERS_X86_64, "clock_gettime"));
}
END_TEST

START_TEST(stat_classes)
{
	parse_ok("%stat");
	ck_assert(has(PERS_X86_64, "stat"));
	ck_assert(!has(PERS_X86_64, "lstat"));
	ck_assert(has(PERS_I386, "stat64"));
	parse_ok("%lstat");
	ck_assert(has(PERS_X86_64, "lstat"));
	ck_assert(!has(PERS_X86_64, "stat"));
	parse_ok("%fstat");
	ck_assert(has(PERS_X86_64, "fstat"));
	ck_assert(has(PERS_X86_64, "newfstatat"));	/* as strace 6.1 shows it */
	ck_assert(has(PERS_I386, "fstatat64"));
	ck_assert(has(PERS_X86_64, "statx"));	/* strace 6.1: statx is an fstat */
	ck_assert(has(PERS_I386, "statx"));
	parse_ok("%%stat");
	ck_assert(has(PERS_X86_64, "statx"));
	ck_assert(has(PERS_X86_64, "lstat"));
	ck_assert(!has(PERS_X86_64, "statfs"));
	parse_ok("%statfs");
	ck_assert(has(PERS_X86_64, "statfs"));
	ck_assert(!has(PERS_X86_64, "fstatfs"));
	parse_ok("%fstatfs");
	ck_assert(has(PERS_X86_64, "fstatfs"));
	parse_ok("%%statfs");
	ck_assert(has(PERS_X86_64, "ustat"));
	ck_assert(has(PERS_I386, "fstatfs64"));
	parse_ok("%pure");
	ck_assert(has(PERS_X86_64, "getpid"));
	ck_assert(has(PERS_I386, "getuid32"));
	ck_assert(!has(PERS_X86_64, "kill"));
}
END_TEST

START_TEST(empty_items_skipped)
{
	parse_ok("trace=openat,,close,");
	ck_assert_int_eq(selection_count(&sel, PERS_X86_64), 2);
	parse_ok("trace=all,openat");		/* strace accepts `all` in a list */
	ck_assert(selection_is_all(&sel));
}
END_TEST

START_TEST(mixed_list)
{
	parse_ok("trace=%network,openat,?no_such_call");
	ck_assert(has(PERS_X86_64, "socket"));
	ck_assert(has(PERS_X86_64, "openat"));
	ck_assert(!has(PERS_X86_64, "close"));
}
END_TEST

START_TEST(regex)
{
	parse_ok("trace=/^getp");
	ck_assert(has(PERS_X86_64, "getppid"));
	ck_assert(has(PERS_X86_64, "getpid"));
	ck_assert(!has(PERS_X86_64, "setpgid"));
}
END_TEST

START_TEST(errors)
{
	/* table: expression -> the token reported */
	static const struct {
		const char *expr, *bad;
	} cases[] = {
		{ "trace=openat,no_such_call", "no_such_call" },
		{ "no_such_call", "no_such_call" },
		{ "trace=!openat,bogus", "bogus" },
		{ "trace=%nosuchclass", "%nosuchclass" },
		{ "trace=", "" },
		{ "trace=,", "," },
		{ "trace=!", "!" },
		{ "trace=none,openat", "none" },		/* strace: `none` only alone */
		{ "trace=/^zzz_nothing", "/^zzz_nothing" },
		{ "trace=/[", "/[" },
		{ "status=sometimes", "sometimes" },
		{ "status=failed,sometimes", "sometimes" },
	};

	parse_ok("trace=openat");
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const char *bad = NULL;
		int rc = selection_parse(&sel, cases[i].expr, &bad);

		ck_assert_msg(rc == -EINVAL, "%s: rc %d", cases[i].expr, rc);
		ck_assert_ptr_nonnull(bad);
		ck_assert_str_eq(bad, cases[i].bad);
		/* s is unchanged on error */
		ck_assert(has(PERS_X86_64, "openat"));
		ck_assert_int_eq(selection_count(&sel, PERS_X86_64), 1);
	}
}
END_TEST

START_TEST(status_failed)
{
	parse_ok("status=failed");
	ck_assert(sel.failed_only);
	ck_assert(selection_is_all(&sel));	/* status= does not touch the syscall set */
	parse_ok("status=all");
	ck_assert(!sel.failed_only);
	parse_ok("status=failed,unfinished");
	ck_assert(sel.failed_only);
	parse_ok("status=!none");
	ck_assert(!sel.failed_only);
	parse_ok("status=!successful");
	ck_assert(sel.failed_only);
	{
		const char *bad = NULL;

		ck_assert_int_eq(selection_parse(&sel, "status=successful", &bad), -ENOTSUP);
		ck_assert_str_eq(bad, "successful");
		ck_assert(sel.failed_only);		/* unchanged */
	}
	parse_ok("status=successful,failed,unfinished,unavailable,detached");
	ck_assert(!sel.failed_only);
	selection_set_failed_only(&sel);	/* -Z */
	ck_assert(sel.failed_only);
}
END_TEST

START_TEST(other_qualifier)
{
	const char *bad = NULL;

	/* signal=, abbrev=, ... belong to the engine's option parser */
	ck_assert_int_eq(selection_parse(&sel, "signal=none", &bad), -ENOENT);
	ck_assert(selection_is_all(&sel));
}
END_TEST

Suite *make_selection_suite(void)
{
	Suite *s = suite_create("selection");
	TCase *tc = tcase_create("parse");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, costly_regex);
	tcase_add_test(tc, default_is_all);
	tcase_add_test(tc, names);
	tcase_add_test(tc, prefix_optional);
	tcase_add_test(tc, last_trace_wins);
	tcase_add_test(tc, name_of_one_personality);
	tcase_add_test(tc, negation);
	tcase_add_test(tc, double_negation);
	tcase_add_test(tc, all_none);
	tcase_add_test(tc, classes);
	tcase_add_test(tc, stat_classes);
	tcase_add_test(tc, empty_items_skipped);
	tcase_add_test(tc, mixed_list);
	tcase_add_test(tc, regex);
	tcase_add_test(tc, errors);
	tcase_add_test(tc, status_failed);
	tcase_add_test(tc, other_qualifier);
	suite_add_tcase(s, tc);
	return s;
}
