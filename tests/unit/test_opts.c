/*
 * tests/unit/test_opts.c: trace's option table: defaults, each option, sort aliases, and
 * the one-line errors (exit status 2) for bad options.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "tracer/bpf/served.h"
#include "tracer/opts.h"

static char *errtext, *outtext;
static size_t errlen, outlen;

static enum opts_result parse(struct trace_opts *o, int argc, char **argv)
{
	FILE *out = open_memstream(&outtext, &outlen), *err = open_memstream(&errtext, &errlen);
	enum opts_result r = opts_parse(o, argc, argv, out, err);

	fclose(out);
	fclose(err);
	return r;
}

static void teardown(void)
{
	free(errtext);
	free(outtext);
	errtext = outtext = NULL;
}

#define ARGV(...) ((char *[]){ "trace", __VA_ARGS__, NULL })
#define ARGC(...) ((int)(sizeof((char *[]){ "trace", __VA_ARGS__ }) / sizeof(char *)))
#define PARSE(o, ...) parse(o, ARGC(__VA_ARGS__), ARGV(__VA_ARGS__))

START_TEST(defaults)
{
	struct trace_opts o;
	char *argv[] = { "trace", "true", NULL };	/* o.argv points into it: keep it in scope */

	ck_assert_int_eq(parse(&o, 2, argv), OPTS_RUN);
	ck_assert_int_eq(o.count, COUNT_OFF);
	ck_assert_int_eq(o.sort, SORT_TIME);
	ck_assert_int_eq(o.strsize, 32);
	ck_assert_ptr_null(o.outfile);
	ck_assert_str_eq(o.argv[0], "true");
}
END_TEST

START_TEST(all_options)
{
	struct trace_opts o;
	char *argv[] = { "trace", "-c", "-w", "-f", "-S", "calls", "-s", "64", "-o", "x.log",
			 "ls", "-l", NULL };

	ck_assert_int_eq(parse(&o, 12, argv), OPTS_RUN);
	ck_assert_int_eq(o.count, COUNT_ONLY);
	ck_assert_int_eq(o.wall, 1);
	ck_assert_int_eq(o.follow, 1);
	ck_assert_int_eq(o.sort, SORT_CALLS);
	ck_assert_int_eq(o.strsize, 64);
	ck_assert_str_eq(o.outfile, "x.log");
	ck_assert_str_eq(o.argv[0], "ls");
	ck_assert_str_eq(o.argv[1], "-l");	/* PROGRAM's options stay its own */
	teardown();
	ck_assert_int_eq(PARSE(&o, "-C", "-p", "123"), OPTS_RUN);
	ck_assert_int_eq(o.count, COUNT_ALSO);
	ck_assert_int_eq(o.attach_pid, 123);
	ck_assert_ptr_null(o.argv);
	teardown();
	ck_assert_int_eq(PARSE(&o, "--summary-only", "--follow-forks", "--output=y", "true"),
			 OPTS_RUN);
	ck_assert_int_eq(o.count, COUNT_ONLY);
	ck_assert_str_eq(o.outfile, "y");
}
END_TEST

START_TEST(sort_aliases)
{
	ck_assert_int_eq(opts_sort_key("time"), SORT_TIME);
	ck_assert_int_eq(opts_sort_key("total-time"), SORT_TIME);
	ck_assert_int_eq(opts_sort_key("count"), SORT_CALLS);
	ck_assert_int_eq(opts_sort_key("error"), SORT_ERRORS);
	ck_assert_int_eq(opts_sort_key("syscall"), SORT_NAME);
	ck_assert_int_eq(opts_sort_key("none"), SORT_NONE);
	ck_assert_int_eq(opts_sort_key("bogus"), -1);
}
END_TEST

START_TEST(errors_are_one_line)
{
	struct trace_opts o;

	ck_assert_int_eq(PARSE(&o, "-j", "true"), OPTS_EXIT_USAGE);
	ck_assert_str_eq(errtext, "trace: option -j is unknown; try 'trace --help'\n");
	teardown();
	ck_assert_int_eq(PARSE(&o, "-S", "bogus", "true"), OPTS_EXIT_USAGE);
	ck_assert_str_eq(errtext, "trace: invalid KEY 'bogus' for -S; try 'trace --help'\n");
	teardown();
	ck_assert_int_eq(PARSE(&o, "-s"), OPTS_EXIT_USAGE);
	ck_assert_str_eq(errtext, "trace: option -s needs an argument; try 'trace --help'\n");
	teardown();
	ck_assert_int_eq(PARSE(&o, "-p", "0"), OPTS_EXIT_USAGE);
	teardown();
	ck_assert_int_eq(PARSE(&o, "-p", "12", "true"), OPTS_EXIT_USAGE);
	teardown();
	ck_assert_int_eq(PARSE(&o, "--nonsense"), OPTS_EXIT_USAGE);
	ck_assert_str_eq(errtext, "trace: bad option '--nonsense'; try 'trace --help'\n");
	teardown();
	ck_assert_int_eq(parse(&o, 1, (char *[]){ "trace", NULL }), OPTS_EXIT_USAGE);
	ck_assert_ptr_null(strchr(errtext, '\n') + 1 == errtext + strlen(errtext) ? NULL : errtext);
}
END_TEST

START_TEST(selection_and_report_options)
{
	struct trace_opts o;
	char *a1[] = { "trace", "-e", "trace=openat", "-e", "status=failed", "-Z", "-k",
		       "--no-seccomp", "--tree", "prog", NULL };
	char *a2[] = { "trace", "--json", "--cost", "prog", NULL };
	char *a3[] = { "trace", "-e", "trace=openat", "--compare", "/bin/true", "ls -l", NULL };
	char *a4[] = { "trace", "-e", "trace=openat", "--dump-filter", NULL };

	ck_assert_int_eq(parse(&o, 10, a1), OPTS_RUN);
	ck_assert_int_eq(o.nexprs, 2);
	ck_assert_str_eq(o.exprs[0], "trace=openat");
	ck_assert_str_eq(o.exprs[1], "status=failed");
	ck_assert(o.failed_only && o.stack && o.no_seccomp && o.tree);
	ck_assert_int_eq(o.count, COUNT_OFF);
	ck_assert_str_eq(o.argv[0], "prog");
	teardown();
	/* --json and --cost imply -c */
	ck_assert_int_eq(parse(&o, 4, a2), OPTS_RUN);
	ck_assert(o.json && o.cost);
	ck_assert_int_eq(o.count, COUNT_ONLY);
	teardown();
	/* --compare: the arguments are commands; each is followed like -f */
	ck_assert_int_eq(parse(&o, 6, a3), OPTS_RUN);
	ck_assert(o.compare && o.follow);
	ck_assert_str_eq(o.argv[0], "/bin/true");
	ck_assert_str_eq(o.argv[1], "ls -l");
	teardown();
	/* --dump-filter needs no PROGRAM */
	ck_assert_int_eq(parse(&o, 4, a4), OPTS_RUN);
	ck_assert(o.dump_filter && !o.argv);
	teardown();
	ck_assert_int_eq(PARSE(&o, "--compare"), OPTS_EXIT_USAGE);
	ck_assert_ptr_nonnull(strstr(errtext, "--compare needs"));
	teardown();
	ck_assert_int_eq(PARSE(&o, "-p", "1", "--compare", "x"), OPTS_EXIT_USAGE);
	teardown();
}
END_TEST

START_TEST(help_and_version)
{
	struct trace_opts o;

	ck_assert_int_eq(PARSE(&o, "--help"), OPTS_EXIT_OK);
	ck_assert_ptr_nonnull(strstr(outtext, "Usage: trace"));
	ck_assert_ptr_nonnull(strstr(outtext, "127"));		/* exit statuses documented */
	teardown();
	ck_assert_int_eq(PARSE(&o, "--version"), OPTS_EXIT_OK);
	ck_assert_ptr_nonnull(strstr(outtext, "trace"));
}
END_TEST

/* --engine's values, and the combinations the bpf engine serves (tracer/bpf/served.h). */
START_TEST(engine_and_served)
{
	struct trace_opts o;
	/* each parse's texts freed before the next */
#define PARSE_AGAIN(...) (teardown(), PARSE(&o, __VA_ARGS__))

	ck_assert_int_eq(PARSE_AGAIN("-c", "true"), OPTS_RUN);
	ck_assert_int_eq(o.engine, ENGINE_PTRACE);	/* the default */
	ck_assert_ptr_null(bpf_unserved(&o));
	ck_assert_int_eq(PARSE_AGAIN("--engine=auto", "-c", "true"), OPTS_RUN);
	ck_assert_int_eq(o.engine, ENGINE_AUTO);
	ck_assert_int_eq(PARSE_AGAIN("--engine=bpf", "-f", "-w", "-S", "calls", "-e", "trace=openat",
			       "-e", "getppid", "-o", "x", "--json", "--cost", "-c", "true"), OPTS_RUN);
	ck_assert_int_eq(o.engine, ENGINE_BPF);
	ck_assert_ptr_null(bpf_unserved(&o));
	ck_assert_int_eq(PARSE_AGAIN("-e", "trace=getppid", "--compare", "a", "b"), OPTS_RUN);
	ck_assert_ptr_null(bpf_unserved(&o));
	ck_assert_int_eq(PARSE_AGAIN("true"), OPTS_RUN);
	ck_assert_str_eq(bpf_unserved(&o), "per-call lines (without -c, or -C)");
	ck_assert_int_eq(PARSE_AGAIN("-C", "true"), OPTS_RUN);
	ck_assert_str_eq(bpf_unserved(&o), "per-call lines (without -c, or -C)");
	ck_assert_int_eq(PARSE_AGAIN("-c", "-k", "true"), OPTS_RUN);
	ck_assert_str_eq(bpf_unserved(&o), "-k");
	ck_assert_int_eq(PARSE_AGAIN("-c", "-p", "1"), OPTS_RUN);
	ck_assert_str_eq(bpf_unserved(&o), "-p");
	ck_assert_int_eq(PARSE_AGAIN("-c", "-e", "inject=openat:error=EPERM", "true"), OPTS_RUN);
	ck_assert_str_eq(bpf_unserved(&o), "-e inject=, status=, signal=");
	ck_assert_int_eq(PARSE_AGAIN("-c", "-e", "status=failed", "true"), OPTS_RUN);
	ck_assert_ptr_nonnull(bpf_unserved(&o));
	ck_assert_int_eq(PARSE_AGAIN("-c", "--tree", "true"), OPTS_RUN);
	ck_assert_str_eq(bpf_unserved(&o), "--tree");
	ck_assert_int_eq(PARSE_AGAIN("--engine=kernel", "-c", "true"), OPTS_EXIT_USAGE);
	ck_assert_str_eq(errtext, "trace: invalid ENGINE 'kernel' for --engine; try 'trace --help'\n");
#undef PARSE_AGAIN
}
END_TEST

Suite *make_opts_suite(void)
{
	Suite *s = suite_create("tracer_opts");
	TCase *tc = tcase_create("parse");

	tcase_add_checked_fixture(tc, NULL, teardown);
	tcase_add_test(tc, defaults);
	tcase_add_test(tc, all_options);
	tcase_add_test(tc, sort_aliases);
	tcase_add_test(tc, errors_are_one_line);
	tcase_add_test(tc, help_and_version);
	tcase_add_test(tc, selection_and_report_options);
	tcase_add_test(tc, engine_and_served);
	suite_add_tcase(s, tc);
	return s;
}
