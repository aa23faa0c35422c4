/*
 * tracer/bpf/served.c: the bpf engine's served combinations (see served.h): a table of
 * the options it does not serve, each with the test that finds it in the options.
 */
#include <stddef.h>
#include <string.h>
#include "tracer/bpf/served.h"

/* 1 if expr is served: trace= or a bare LIST, or quiet= (messages only). */
static int expr_served(const char *expr)
{
	static const char *const keys[] = { "trace", "quiet", "silent", "silence", "q" };
	size_t len = strcspn(expr, "=");

	if (!expr[len])
		return 1;	/* -e LIST is -e trace=LIST */
	for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
		if (strlen(keys[i]) == len && !strncmp(expr, keys[i], len))
			return 1;
	return 0;
}

static int per_call_lines(const struct trace_opts *o)
{
	return o->count != COUNT_ONLY && !o->compare;
}

static int attaching(const struct trace_opts *o)
{
	return o->attach_pid != 0;
}

static int stack(const struct trace_opts *o)
{
	return o->stack;
}

static int failed_only(const struct trace_opts *o)
{
	return o->failed_only;
}

static int tree(const struct trace_opts *o)
{
	return o->tree;
}

static int dump_filter(const struct trace_opts *o)
{
	return o->dump_filter;
}

static int other_expr(const struct trace_opts *o)
{
	for (int i = 0; i < o->nexprs; i++)
		if (!expr_served(o->exprs[i]))
			return 1;
	return 0;
}

static const struct {
	int (*found)(const struct trace_opts *o);
	const char *name;
} unserved[] = {
	{ per_call_lines, "per-call lines (without -c, or -C)" },
	{ attaching, "-p" },
	{ stack, "-k" },
	{ failed_only, "-Z" },
	{ tree, "--tree" },
	{ dump_filter, "--dump-filter" },
	{ other_expr, "-e inject=, status=, signal=" },
};

const char *bpf_unserved(const struct trace_opts *o)
{
	for (size_t i = 0; i < sizeof(unserved) / sizeof(unserved[0]); i++)
		if (unserved[i].found(o))
			return unserved[i].name;
	return NULL;
}
