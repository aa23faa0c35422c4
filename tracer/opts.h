/*
 * tracer/opts.h: trace's command line. Options are rows of a table (tracer/opts.c):
 * adding one (-e, -k, --json, --compare) is adding a row and a handler.
 */
#ifndef EXECLAB_TRACER_OPTS_H
#define EXECLAB_TRACER_OPTS_H

#include <sys/types.h>
#include "tracer/report/count.h"

/* Exit statuses of trace itself (otherwise it exits like the traced program). */
enum trace_exit {
	TRACE_EXIT_ERROR = 1,		/* tracing failed: ptrace refused (EPERM...), -o unwritable */
	TRACE_EXIT_USAGE = 2,		/* bad option or arguments */
	TRACE_EXIT_NOEXEC = 126,	/* PROGRAM found but not executable */
	TRACE_EXIT_NOTFOUND = 127,	/* PROGRAM not found */
};

enum count_mode {
	COUNT_OFF = 0,
	COUNT_ONLY,	/* -c: the summary table only */
	COUNT_ALSO,	/* -C: the summary table and the per-call lines */
};

/* --engine: who counts -c (tracer/bpf/served.h lists what the bpf engine serves). */
enum trace_engine {
	ENGINE_PTRACE = 0,	/* default: stops at every call (tracer/engine/) */
	ENGINE_BPF,		/* in-kernel counters (tracer/bpf/), or fail with the reason */
	ENGINE_AUTO,		/* bpf where it serves the run and may load, else ptrace */
};

#define OPTS_MAX_EXPRS 32

struct trace_opts {
	enum count_mode count;		/* -c / -C */
	int wall;			/* -w: wall-clock time in the summary */
	int follow;			/* -f 1, -ff 2 (with -o: one file per process) */
	int tstamp;			/* -t 1, -tt 2, -ttt 3 */
	int relative;			/* -r */
	int syscall_time;		/* -T */
	enum count_sort sort;		/* -S */
	int sort_given;
	int strsize;			/* -s (default 32) */
	int decode_fds;			/* -y 1, -yy 2 */
	int xstr;			/* -x 1, -xx 2 */
	int verbose;			/* -v */
	int xlat_style;			/* -X: enum xlat_style (tracer/xlat.h) */
	const char *outfile;		/* -o (default stderr) */
	pid_t attach_pid;		/* -p */
	char **argv;			/* PROGRAM [ARG...] (NULL with -p); the commands
					 * with --compare */
	/* selection, filter and reports */
	const char *exprs[OPTS_MAX_EXPRS];	/* -e EXPR, in order (applied after the
						 * syscall table exists) */
	int nexprs;
	int failed_only;		/* -Z */
	int quiet;			/* -q 1, -qq 2, -qqq 3 */
	int no_seccomp;			/* --no-seccomp */
	int dump_filter;		/* --dump-filter */
	int stack;			/* -k */
	int compare;			/* --compare: argv holds one command per string */
	int json;			/* --json */
	int cost;			/* --cost */
	int tree;			/* --tree */
	enum trace_engine engine;	/* --engine */
};

/* What opts_parse() tells main(). */
enum opts_result {
	OPTS_RUN = 0,
	OPTS_EXIT_OK,		/* --help / --version printed */
	OPTS_EXIT_USAGE,	/* one line printed to stderr already */
};

/* Parses argv into o (defaults first). Prints --help/--version to out, errors to err. */
enum opts_result opts_parse(struct trace_opts *o, int argc, char **argv, FILE *out, FILE *err);

/* The -S key for a name ("time", "calls", ...), or -1. Accepts strace's aliases. */
int opts_sort_key(const char *name);

#endif
