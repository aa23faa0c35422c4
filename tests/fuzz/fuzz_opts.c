/*
 * tests/fuzz/fuzz_opts.c: libFuzzer target for trace's option parser (tracer/opts.c). The
 * input, split on NUL bytes, is the argv after "trace" (at most MAX_ARGS strings), as
 * main() would pass it.
 *
 * Asserted, from opts.h and main()'s use of the result: opts_parse() returns one of its
 * three results; --help/--version print to out and nothing to err; a usage error prints
 * one "trace: " line to err (the newlines of an argument it quotes aside) and nothing to
 * out; a run prints nothing and gives a consistent trace_opts: PROGRAM is the tail of
 * argv (absent only with -p or --dump-filter), never both -p and PROGRAM, never --compare
 * with -p or without a command, the -e expressions are argv's own strings in order, at
 * most OPTS_MAX_EXPRS, and --json/--cost imply -c.
 * Leaks are LeakSanitizer's to find.
 */
#include <stdio.h>
#include <string.h>
#include "tracer/opts.h"
#include "tests/fuzz/fuzz.h"

#define MAX_ARGS 64

/* Whether p points into one of argv[1..argc-1] ("-e X", "-eX", "--expr=X"), not a copy. */
static int in_args(char **argv, int argc, const char *p)
{
	for (int i = 1; i < argc; i++)
		if (p >= argv[i] && p <= argv[i] + strlen(argv[i]))
			return 1;
	return 0;
}

static size_t newlines(const char *s, size_t len)
{
	size_t n = 0;

	for (size_t i = 0; i < len; i++)
		n += s[i] == '\n';
	return n;
}

static void check_run(const struct trace_opts *o, char **argv, int argc)
{
	FUZZ_ASSERT(o->nexprs >= 0 && o->nexprs <= OPTS_MAX_EXPRS, "%d expressions", o->nexprs);
	for (int i = 0; i < o->nexprs; i++) {
		FUZZ_ASSERT(o->exprs[i] && in_args(argv, argc, o->exprs[i]),
			    "-e expression %d is not in argv", i);
		/* the arguments lie one after the other in the input's copy */
		FUZZ_ASSERT(i == 0 || o->exprs[i] > o->exprs[i - 1],
			    "-e expressions out of order");
	}
	FUZZ_ASSERT(o->strsize >= 0, "-s %d", o->strsize);
	FUZZ_ASSERT(o->attach_pid >= 0, "-p %d", (int)o->attach_pid);
	FUZZ_ASSERT(o->count == COUNT_OFF || o->count == COUNT_ONLY || o->count == COUNT_ALSO,
		    "count mode %d", (int)o->count);
	FUZZ_ASSERT(!(o->json || o->cost) || o->count != COUNT_OFF || o->compare,
		    "--json or --cost without -c");
	if (o->argv) {
		FUZZ_ASSERT(o->argv > argv && o->argv < argv + argc && argv[argc] == NULL,
			    "PROGRAM is not a tail of argv");
		FUZZ_ASSERT(o->argv[0] != NULL, "PROGRAM is the empty tail");
	}
	if (o->dump_filter)
		return;
	FUZZ_ASSERT(o->argv || o->attach_pid, "neither PROGRAM nor -p");
	FUZZ_ASSERT(!(o->argv && o->attach_pid), "both PROGRAM and -p");
	FUZZ_ASSERT(!o->compare || (o->argv && !o->attach_pid && o->follow),
		    "--compare without a command, or with -p, or without -f");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = malloc(size + 1), *argv[MAX_ARGS + 2];
	char *out_text = NULL, *err_text = NULL;
	size_t out_len = 0, err_len = 0;
	FILE *out, *err;
	struct trace_opts o;
	enum opts_result r;
	int argc = 0;

	FUZZ_ASSERT(text, "out of memory");
	memcpy(text, data, size);
	text[size] = '\0';
	argv[argc++] = "trace";
	for (char *a = text; a <= text + size && argc <= MAX_ARGS; a += strlen(a) + 1)
		argv[argc++] = a;
	argv[argc] = NULL;
	out = open_memstream(&out_text, &out_len);
	err = open_memstream(&err_text, &err_len);
	FUZZ_ASSERT(out && err, "open_memstream failed");

	r = opts_parse(&o, argc, argv, out, err);
	fclose(out);
	fclose(err);
	switch (r) {
	case OPTS_RUN:
		FUZZ_ASSERT(!out_len && !err_len, "a run printed '%s%s'", out_text, err_text);
		check_run(&o, argv, argc);
		break;
	case OPTS_EXIT_OK:
		FUZZ_ASSERT(out_len && !err_len, "--help/--version printed '%s' to out, '%s' to err",
			    out_text, err_text);
		break;
	case OPTS_EXIT_USAGE:
		/* one line, but for the newlines of an argument it quotes */
		FUZZ_ASSERT(!out_len && err_len && err_text[err_len - 1] == '\n' &&
			    newlines(err_text, err_len) <= 1 + newlines(text, size) &&
			    !strncmp(err_text, "trace: ", 7),
			    "a usage error is one 'trace: ' line on err, got '%s' (out '%s')",
			    err_text, out_text);
		break;
	default:
		FUZZ_ASSERT(0, "opts_parse returned %d", (int)r);
	}
	free(out_text);
	free(err_text);
	free(text);
	return 0;
}
