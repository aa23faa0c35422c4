/*
 * tracer/opts.c: the option table and its parser. Each row is: short letter, long name,
 * whether it takes an argument, the help text, and the handler that stores it. getopt_long's
 * short string and long array are generated from the table, so the table is the one place
 * to add an option.
 */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "config.h"
#include "tracer/opts.h"
#include "tracer/xlat.h"

/* Returns 0, or -EINVAL after printing nothing (the caller prints the one line). */
typedef int (*opt_handler)(struct trace_opts *o, const char *arg);

struct opt_row {
	int letter;		/* short option, or a value > 255 for long-only options */
	const char *name;	/* long option name, or NULL */
	int has_arg;		/* no_argument / required_argument */
	const char *metavar;	/* for --help */
	const char *help;
	opt_handler handle;
};

enum {
	OPT_HELP = 256, OPT_VERSION, OPT_NO_SECCOMP, OPT_DUMP_FILTER, OPT_COMPARE, OPT_JSON,
	OPT_COST, OPT_TREE, OPT_ENGINE,
};

static int parse_int(const char *arg, long lo, long hi, long *out)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(arg, &end, 10);
	if (errno || end == arg || *end || v < lo || v > hi)
		return -EINVAL;
	*out = v;
	return 0;
}

static int opt_c(struct trace_opts *o, const char *arg)
{
	(void)arg;
	o->count = COUNT_ONLY;
	return 0;
}

static int opt_C(struct trace_opts *o, const char *arg)
{
	(void)arg;
	o->count = COUNT_ALSO;
	return 0;
}

static int opt_w(struct trace_opts *o, const char *arg)
{
	(void)arg;
	o->wall = 1;
	return 0;
}

static int opt_f(struct trace_opts *o, const char *arg)
{
	(void)arg;
	if (o->follow < 2)
		o->follow++;
	return 0;
}

static int opt_q(struct trace_opts *o, const char *arg)
{
	(void)arg;
	if (o->quiet < 3)
		o->quiet++;
	return 0;
}

static int opt_t(struct trace_opts *o, const char *arg)
{
	(void)arg;
	if (o->tstamp < 3)
		o->tstamp++;
	return 0;
}

/* strace's -S keys and aliases (strace(1)); the min/max/avg-time keys are not offered. */
static const struct {
	const char *name;
	enum count_sort key;
} sort_names[] = {
	{ "time", SORT_TIME }, { "time-percent", SORT_TIME }, { "time-total", SORT_TIME },
	{ "total-time", SORT_TIME },
	{ "calls", SORT_CALLS }, { "count", SORT_CALLS },
	{ "errors", SORT_ERRORS }, { "error", SORT_ERRORS },
	{ "name", SORT_NAME }, { "syscall", SORT_NAME }, { "syscall-name", SORT_NAME },
	{ "nothing", SORT_NONE }, { "none", SORT_NONE },
};

int opts_sort_key(const char *name)
{
	for (size_t i = 0; i < sizeof(sort_names) / sizeof(sort_names[0]); i++)
		if (!strcmp(name, sort_names[i].name))
			return sort_names[i].key;
	return -1;
}

static int opt_S(struct trace_opts *o, const char *arg)
{
	int key = opts_sort_key(arg);

	if (key < 0)
		return -EINVAL;
	o->sort = key;
	o->sort_given = 1;
	return 0;
}

static int opt_s(struct trace_opts *o, const char *arg)
{
	long v;

	if (parse_int(arg, 0, INT_MAX, &v))
		return -EINVAL;
	o->strsize = v;
	return 0;
}

static int opt_o(struct trace_opts *o, const char *arg)
{
	o->outfile = arg;
	return 0;
}

static int opt_p(struct trace_opts *o, const char *arg)
{
	long v;

	if (parse_int(arg, 1, INT_MAX, &v))
		return -EINVAL;
	o->attach_pid = v;
	return 0;
}

static int opt_e(struct trace_opts *o, const char *arg)
{
	if (o->nexprs >= OPTS_MAX_EXPRS)
		return -EINVAL;
	o->exprs[o->nexprs++] = arg;	/* parsed once the syscall table exists */
	return 0;
}

#define FLAG_HANDLER(fn, field)						\
	static int fn(struct trace_opts *o, const char *arg)		\
	{								\
		(void)arg;						\
		o->field = 1;						\
		return 0;						\
	}
FLAG_HANDLER(opt_Z, failed_only)
FLAG_HANDLER(opt_k, stack)
FLAG_HANDLER(opt_no_seccomp, no_seccomp)
FLAG_HANDLER(opt_dump_filter, dump_filter)
FLAG_HANDLER(opt_compare, compare)
FLAG_HANDLER(opt_json, json)
FLAG_HANDLER(opt_cost, cost)
FLAG_HANDLER(opt_tree, tree)
FLAG_HANDLER(opt_r, relative)
FLAG_HANDLER(opt_T, syscall_time)
FLAG_HANDLER(opt_v, verbose)

static int opt_X(struct trace_opts *o, const char *arg)
{
	static const struct xlat styles[] = {
		{ XLAT_STYLE_ABBREV, "abbrev" }, { XLAT_STYLE_RAW, "raw" },
		{ XLAT_STYLE_VERBOSE, "verbose" }, XLAT_END,
	};

	for (const struct xlat *s = styles; s->name; s++) {
		if (!strcmp(arg, s->name)) {
			o->xlat_style = (int)s->val;
			return 0;
		}
	}
	return -EINVAL;
}

static int opt_engine(struct trace_opts *o, const char *arg)
{
	static const char *const names[] = {
		[ENGINE_PTRACE] = "ptrace", [ENGINE_BPF] = "bpf", [ENGINE_AUTO] = "auto",
	};

	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (!strcmp(arg, names[i])) {
			o->engine = (enum trace_engine)i;
			return 0;
		}
	return -EINVAL;
}

static int opt_y(struct trace_opts *o, const char *arg)
{
	(void)arg;
	if (o->decode_fds < 2)
		o->decode_fds++;
	return 0;
}

static int opt_x(struct trace_opts *o, const char *arg)
{
	(void)arg;
	if (o->xstr < 2)
		o->xstr++;
	return 0;
}

static int opt_noop(struct trace_opts *o, const char *arg)
{
	(void)o;
	(void)arg;
	return 0;
}

static const struct opt_row rows[] = {
	{ 'c', "summary-only", no_argument, NULL,
	  "count time, calls and errors per syscall; print strace's table at the end", opt_c },
	{ 'C', "summary", no_argument, NULL, "like -c, and print the calls too", opt_C },
	{ 'w', "summary-wall-clock", no_argument, NULL,
	  "-c time is wall-clock latency (default: the tracee's system CPU time)", opt_w },
	{ 'f', "follow-forks", no_argument, NULL,
	  "trace threads and child processes too; with -o FILE each line starts with the "
	  "PID; -ff -o FILE writes each process's lines to FILE.PID", opt_f },
	{ 't', "absolute-timestamps", no_argument, NULL,
	  "start each line with the time of day; -tt with microseconds, -ttt as seconds "
	  "since the epoch", opt_t },
	{ 'r', "relative-timestamps", no_argument, NULL,
	  "start each line with the seconds since the previous line began", opt_r },
	{ 'T', "syscall-times", no_argument, NULL,
	  "end each call's line with the time spent in it: <SECONDS>", opt_T },
	{ 'S', "summary-sort-by", required_argument, "KEY",
	  "sort -c rows by time (default), calls, errors, name or nothing", opt_S },
	{ 's', "string-limit", required_argument, "STRSIZE",
	  "show at most STRSIZE bytes of each string (default 32)", opt_s },
	{ 'y', "decode-fds", no_argument, NULL,
	  "print each fd with its path: 3</etc/passwd>, 4<pipe:[12345]>; -yy also sockets' "
	  "protocol and addresses (5<TCP:[127.0.0.1:41234->127.0.0.1:80]>) and devices' "
	  "numbers (0</dev/null<char 1:3>>)", opt_y },
	{ 'x', "strings-in-hex", no_argument, NULL,
	  "print a string in hex (\\x..) when a byte is neither printable ASCII nor white "
	  "space; -xx every string", opt_x },
	{ 'X', "const-print-style", required_argument, "STYLE",
	  "how named constants are printed: abbrev (O_RDONLY|O_CLOEXEC, the default), raw "
	  "(0x80000) or verbose (0x80000 /* O_RDONLY|O_CLOEXEC */)", opt_X },
	{ 'v', "no-abbrev", no_argument, NULL,
	  "do not abbreviate: execve's environment printed in full, argv past -s elements",
	  opt_v },
	{ 'o', "output", required_argument, "FILE", "write the trace to FILE (default stderr)",
	  opt_o },
	{ 'p', "attach", required_argument, "PID",
	  "attach to every thread of PID; Ctrl-C detaches and PID goes on", opt_p },
	{ 'e', "expr", required_argument, "EXPR",
	  "trace=[!]LIST (names, %file %process %network %memory %signal %desc %ipc %creds "
	  "%clock..., all, none); status=failed; inject=SET:error=ERRNO|retval=N[:when=W] "
	  "(the calls do not run and return -ERRNO or N; W: FIRST[..LAST][+[STEP]]); "
	  "signal=[!]SIGNALS (which signals' lines are printed; all, none); "
	  "quiet=[!]LIST (attach, exit, path-resolution, personality, thread-execve, "
	  "superseded; all, none); read=FDS, write=FDS (after each call reading from or "
	  "writing to one of the fds, a hex dump of the data: 3,4, all, none, !FDS); "
	  "repeatable", opt_e },
	{ 'q', NULL, no_argument, NULL,
	  "quiet=attach,personality; -qq also quiet=exit (no '+++ exited with N +++'); "
	  "-qqq quiet=all", opt_q },
	{ 'Z', "failed-only", no_argument, NULL,
	  "print only the calls that failed (-e status=failed); -c still counts all", opt_Z },
	{ OPT_NO_SECCOMP, "no-seccomp", no_argument, NULL,
	  "with -e trace=, stop at every syscall (default: a seccomp-bpf filter stops the "
	  "program only at the selected ones)", opt_no_seccomp },
	{ OPT_DUMP_FILTER, "dump-filter", no_argument, NULL,
	  "print the seccomp-bpf filter -e trace= would install, and exit", opt_dump_filter },
	{ 'k', "stack-trace", no_argument, NULL,
	  "after each printed call, the program's stack (> module(function+0xoff) [0xaddr])",
	  opt_k },
	{ OPT_COMPARE, "compare", no_argument, NULL,
	  "each argument is a command (split on blanks, no shell): run each under -f -c and "
	  "print one table of counts, a column per command", opt_compare },
	{ OPT_JSON, "json", no_argument, NULL,
	  "the -c summary (or the --compare table) as JSON; implies -c", opt_json },
	{ OPT_COST, "cost", no_argument, NULL,
	  "after the -c table: ptrace stops and the estimated overhead per syscall; implies -c",
	  opt_cost },
	{ OPT_TREE, "tree", no_argument, NULL,
	  "at the end, the tree of traced processes with their exit statuses", opt_tree },
	{ OPT_ENGINE, "engine", required_argument, "ENGINE",
	  "who counts -c: ptrace (default: two stops per call), bpf (eBPF counters in the "
	  "kernel, no stop; root or CAP_BPF+CAP_PERFMON; only -c with -f -w -S -e trace= -o "
	  "--json --cost, and --compare; without -w its time columns are '-', not measured) "
	  "or auto (bpf where it serves the run and may load, else ptrace)", opt_engine },
	{ OPT_HELP, "help", no_argument, NULL, "print this help and exit", opt_noop },
	{ OPT_VERSION, "version", no_argument, NULL, "print the version and exit", opt_noop },
};
#define NROWS (sizeof(rows) / sizeof(rows[0]))

/* --help's columns: the option in the first HELP_LEFT, its text wrapped at HELP_WIDTH. */
#define HELP_LEFT 37
#define HELP_WIDTH 80

/* One row: "  -x, --long" padded to HELP_LEFT (or alone on its line if longer), then the
 * text broken at spaces so that no line passes HELP_WIDTH (a longer word stands alone). */
static void print_wrapped(FILE *out, const char *left, const char *text)
{
	int col = fprintf(out, "  %s", left);

	if (col >= HELP_LEFT) {
		fputc('\n', out);
		col = 0;
	}
	while (*text) {
		size_t word = strcspn(text, " ");

		if (col > HELP_LEFT && col + 1 + (int)word > HELP_WIDTH) {
			fputc('\n', out);
			col = 0;
		}
		if (col < HELP_LEFT)
			col += fprintf(out, "%*s", HELP_LEFT - col, "");
		else
			col += fprintf(out, " ");
		col += fprintf(out, "%.*s", (int)word, text);
		text += word;
		text += strspn(text, " ");
	}
	fputc('\n', out);
}

static void print_help(FILE *out)
{
	fprintf(out,
		"Usage: trace [-cCwfkqrtTvxyZ] [-e EXPR]... [-S KEY] [-s STRSIZE] [-X STYLE]\n"
		"             [-o FILE] [--json] [--cost] [--tree] [--no-seccomp]\n"
		"             (-p PID | PROGRAM [ARG...])\n"
		"       trace [-e EXPR]... [--json] --compare 'CMD A' 'CMD B' [...]\n"
		"       trace -e trace=LIST --dump-filter\n"
		"Trace the system calls of PROGRAM (or of the running process PID), like strace.\n\n");
	for (size_t i = 0; i < NROWS; i++) {
		char left[64];
		int n = 0;

		if (rows[i].letter < 256)
			n = snprintf(left, sizeof(left), "-%c%s%s, ", rows[i].letter,
				     rows[i].metavar ? " " : "", rows[i].metavar ? rows[i].metavar : "");
		else
			n = snprintf(left, sizeof(left), "    ");
		if (!rows[i].name)
			left[n - 2] = '\0';	/* a short option only: no ", --NAME" */
		else
			snprintf(left + n, sizeof(left) - n, "--%s%s%s", rows[i].name,
				 rows[i].metavar ? "=" : "", rows[i].metavar ? rows[i].metavar : "");
		print_wrapped(out, left, rows[i].help);
	}
	fprintf(out,
		"\nOutput goes to stderr (or FILE), never to the program's stdout.\n"
		"Exit status: the program's own; if it was killed by signal N, trace kills itself\n"
		"with the same signal (the shell sees 128+N). With -p, 0 after detaching.\n"
		"  1    tracing failed (ptrace not permitted, -o FILE not writable, --engine=bpf\n"
		"       not possible here, ...)\n"
		"  2    bad option or arguments (--engine=bpf with an option it does not serve)\n"
		"  126  PROGRAM is not executable\n"
		"  127  PROGRAM not found\n"
		"--compare exits 0 when every command ran (whatever their statuses).\n\n"
		"With -e trace=LIST (not with -p, not with --no-seccomp), the program runs under\n"
		"a seccomp-bpf filter: it sets no_new_privs (setuid programs then do not gain\n"
		"privileges), every descendant inherits the filter and cannot remove it, and if\n"
		"trace died the selected calls would fail with ENOSYS, so trace's tracees are\n"
		"killed with it (PTRACE_O_EXITKILL). Without -f, children and threads are still\n"
		"followed (silently: nothing printed or counted) and trace waits for them.\n");
}

static void defaults(struct trace_opts *o)
{
	memset(o, 0, sizeof(*o));
	o->sort = SORT_TIME;
	o->strsize = 32;
}

enum opts_result opts_parse(struct trace_opts *o, int argc, char **argv, FILE *out, FILE *err)
{
	char shorts[2 * NROWS + 2];
	struct option longs[NROWS + 1];
	size_t ns = 0, nl = 0;
	int c;

	defaults(o);
	shorts[ns++] = '+';	/* stop at PROGRAM: its own options are its own */
	for (size_t i = 0; i < NROWS; i++) {
		if (rows[i].letter < 256) {
			shorts[ns++] = rows[i].letter;
			if (rows[i].has_arg == required_argument)
				shorts[ns++] = ':';
		}
		if (rows[i].name)
			longs[nl++] = (struct option){ rows[i].name, rows[i].has_arg, NULL,
						      rows[i].letter };
	}
	shorts[ns] = '\0';
	longs[nl] = (struct option){ 0 };

	optind = 0;	/* full reset: opts_parse may run more than once (unit tests) */
	opterr = 0;	/* errors are reported here, in one line */
	while ((c = getopt_long(argc, argv, shorts, longs, NULL)) != -1) {
		const struct opt_row *r = NULL;

		if (c == OPT_HELP) {
			print_help(out);
			return OPTS_EXIT_OK;
		}
		if (c == OPT_VERSION) {
			fprintf(out, "trace (%s) %s\n", PACKAGE_NAME, PACKAGE_VERSION);
			return OPTS_EXIT_OK;
		}
		for (size_t i = 0; i < NROWS; i++)
			if (rows[i].letter == c)
				r = &rows[i];
		if (!r) {
			const char *bad = argv[optind - 1];

			if (optopt && optopt < 256)
				fprintf(err, "trace: option -%c %s; try 'trace --help'\n", optopt,
					strchr(shorts, optopt) ? "needs an argument" : "is unknown");
			else
				fprintf(err, "trace: bad option '%s'; try 'trace --help'\n", bad);
			return OPTS_EXIT_USAGE;
		}
		if (r->handle(o, optarg) < 0) {
			char name[64];

			/* a long-only option (letter > 255) is named by its long name */
			if (r->letter > 255)
				snprintf(name, sizeof(name), "--%s", r->name);
			else
				snprintf(name, sizeof(name), "-%c", r->letter);
			fprintf(err, "trace: invalid %s '%s' for %s; try 'trace --help'\n",
				r->metavar ? r->metavar : "value", optarg ? optarg : "", name);
			return OPTS_EXIT_USAGE;
		}
	}
	if ((o->json || o->cost) && o->count == COUNT_OFF && !o->compare)
		o->count = COUNT_ONLY;
	if (o->follow >= 2 && o->outfile && o->count != COUNT_OFF) {
		fprintf(err, "trace: -c/-C and -ff -o FILE are mutually exclusive\n");
		return OPTS_EXIT_USAGE;
	}
	if (o->compare && o->attach_pid) {
		fprintf(err, "trace: --compare runs commands; it cannot attach (-p)\n");
		return OPTS_EXIT_USAGE;
	}
	if (o->dump_filter) {
		o->argv = optind < argc ? argv + optind : NULL;
		return OPTS_RUN;	/* prints the filter and exits: no PROGRAM needed */
	}
	if (o->compare)
		o->follow = 1;	/* each command is traced whole, as with -f */
	if (o->compare && optind >= argc) {
		fprintf(err, "trace: --compare needs at least one command; try 'trace --help'\n");
		return OPTS_EXIT_USAGE;
	}
	if (o->attach_pid && optind < argc) {
		fprintf(err, "trace: give either -p PID or PROGRAM, not both\n");
		return OPTS_EXIT_USAGE;
	}
	if (!o->attach_pid && optind >= argc) {
		fprintf(err, "trace: must have PROGRAM [ARG...] or -p PID; try 'trace --help'\n");
		return OPTS_EXIT_USAGE;
	}
	o->argv = optind < argc ? argv + optind : NULL;
	return OPTS_RUN;
}
