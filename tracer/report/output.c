/*
 * tracer/report/output.c: line layout (see output.h). A stream is a FILE with the tracee
 * whose line is still open on it (its call has entered but not exited) and that line's
 * column: one shared stream (stderr or -o FILE), or with -ff one per tracee (t->out).
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "tracer/decode.h"
#include "tracer/report/output.h"

struct output_file {
	FILE *f;
	struct tcb *open_line;	/* whose line is not ended yet, or NULL */
	int col;		/* column on the open line */
};

/* How the leader names the tracee. */
enum pid_prefix {
	PREFIX_SHARED,		/* stderr: "[pid N] " while more than one tracee is shown */
	PREFIX_ALWAYS,		/* -f -o FILE: "PID " (left-aligned in 5) on every line */
	PREFIX_NONE,		/* -ff -o FILE: each file is one tracee's */
};

static struct output_file shared_out;
static int shared;		/* shared_out.f is a copy of stderr: the program writes there too */
static char outbuf[1 << 16];
static const char *out_path;	/* -o FILE, for the error line at close */
static enum pid_prefix prefix;
static struct output_opts opts;
static uint64_t last_line_ns;	/* -r: when the previous line began (0: none yet) */
static int write_failed, write_errno;

int output_open(const struct output_opts *o)
{
	int fd;

	opts = *o;
	out_path = o->path;
	shared_out = (struct output_file){ 0 };
	prefix = !o->path ? PREFIX_SHARED : o->follow >= 2 ? PREFIX_NONE :
		 o->follow ? PREFIX_ALWAYS : PREFIX_SHARED;
	if (prefix == PREFIX_NONE)
		return 0;	/* FILE.PID, each opened at its tracee's first line */
	/*
	 * stderr itself stays unbuffered for trace's own messages; the trace goes through a
	 * fully buffered copy of fd 2 (one write per event instead of one per line). Both fds
	 * are close-on-exec: the traced program must not inherit them.
	 */
	if (!o->path)
		fd = fcntl(2, F_DUPFD_CLOEXEC, 3);
	else
		fd = open(o->path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
	if (fd < 0)
		return -errno;
	shared_out.f = fdopen(fd, "w");
	if (!shared_out.f) {
		int e = errno;

		close(fd);
		return -e;
	}
	setvbuf(shared_out.f, outbuf, _IOFBF, sizeof(outbuf));
	shared = !o->path;
	return 0;
}

void output_set_stream(FILE *f)
{
	memset(&opts, 0, sizeof(opts));
	shared_out = (struct output_file){ .f = f };
	shared = 0;
	prefix = PREFIX_SHARED;
	last_line_ns = 0;
}

FILE *output_stream(void)
{
	return shared_out.f ? shared_out.f : stderr;
}

int output_wants_call_time(void)
{
	return opts.syscall_time;
}

uint64_t output_now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000ull + ts.tv_nsec;
}

/* The stream of t: with -ff its own FILE.PID, opened on first use (NULL if it cannot be). */
static struct output_file *file_of(struct tcb *t)
{
	char name[PATH_MAX];
	FILE *f;

	if (prefix != PREFIX_NONE) {
		if (!shared_out.f)
			shared_out.f = stderr;	/* no output_open(): trace's own stderr */
		return &shared_out;
	}
	if (t->out)
		return t->out;
	snprintf(name, sizeof(name), "%s.%d", out_path, (int)t->pid);
	t->out = calloc(1, sizeof(*t->out));
	f = fopen(name, "we");
	if (!t->out || !f) {
		if (!write_failed) {
			write_failed = 1;
			write_errno = errno;
		}
		if (f)
			fclose(f);
		free(t->out);
		t->out = NULL;
		return NULL;
	}
	t->out->f = f;
	return t->out;
}

FILE *output_stream_of(struct tcb *t)
{
	struct output_file *o = file_of(t);

	return o ? o->f : output_stream();
}

void output_flush(void)
{
	fflush(output_stream());
}

void output_event_done(void)
{
	/* stderr is shared with the program: keep it line-ordered. A file can wait. */
	if (shared)
		fflush(shared_out.f);
}

/*
 * Ends the open line with " <unfinished ...>", after the separator the decoder says belongs
 * there: strace splits "wait4(-1, " / "<... wait4 resumed>[...]".
 */
static void end_open_line(struct output_file *o)
{
	char sep[8];
	struct strbuf sb;

	sb_init(&sb, sep, sizeof(sep));
	decode_unfinished(&sb, &o->open_line->call);
	fputs(sb.buf, o->f);
	fputs(" <unfinished ...>\n", o->f);
	o->open_line = NULL;
}

/* Closes a -ff file, noting the first write error. */
static void close_file(struct output_file *o)
{
	int failed = ferror(o->f), err = errno;

	if (o->open_line)
		end_open_line(o);
	if (fclose(o->f) != 0 && !failed) {
		failed = 1;
		err = errno;
	}
	if (failed && !write_failed) {
		write_failed = 1;
		write_errno = err;
	}
}

static void close_tracee_file(struct tcb *t, void *arg)
{
	(void)arg;
	if (t->out) {
		close_file(t->out);
		free(t->out);
		t->out = NULL;
	}
}

void output_close(void)
{
	if (prefix == PREFIX_NONE)
		tcb_foreach(close_tracee_file, NULL);
	if (shared_out.open_line)
		end_open_line(&shared_out);
	if (shared_out.f) {
		/* A full disk or a closed pipe: said once, here, not at every line. */
		int failed = ferror(shared_out.f), err = errno;

		if (shared_out.f != stderr && fclose(shared_out.f) != 0 && !failed) {
			failed = 1;
			err = errno;
		}
		if (failed && !write_failed) {
			write_failed = 1;
			write_errno = err;
		}
	}
	if (write_failed && out_path)
		fprintf(stderr, "trace: %s: write error: %s\n", out_path, strerror(write_errno));
	shared_out.f = NULL;
}

/* -t/-tt/-ttt and -r, strace's way: "HH:MM:SS.uuuuuu (+     0.000123) ". */
static int print_times(FILE *f)
{
	struct timespec now;
	int n = 0;

	if (opts.tstamp) {
		char str[32];
		struct tm tm;

		clock_gettime(CLOCK_REALTIME, &now);
		if (opts.tstamp >= 3)
			snprintf(str, sizeof(str), "%lld", (long long)now.tv_sec);
		else if (!localtime_r(&now.tv_sec, &tm) ||
			 !strftime(str, sizeof(str), "%H:%M:%S", &tm))
			snprintf(str, sizeof(str), "%lld", (long long)now.tv_sec);
		if (opts.tstamp >= 2)
			n += fprintf(f, "%s.%06ld ", str, now.tv_nsec / 1000);
		else
			n += fprintf(f, "%s ", str);
	}
	if (opts.relative) {
		uint64_t t = output_now_ns(), d;

		if (!last_line_ns)
			last_line_ns = t;
		d = t - last_line_ns;
		last_line_ns = t;
		n += fprintf(f, "%s%6llu.%06llu%s", opts.tstamp ? "(+" : "",
			     (unsigned long long)(d / 1000000000u),
			     (unsigned long long)(d % 1000000000u / 1000),
			     opts.tstamp ? ") " : " ");
	}
	return n;
}

/* Ends the stream's open line, then starts a line for t with strace's leader. */
static struct output_file *begin_line(struct tcb *t)
{
	struct output_file *o = file_of(t);

	if (!o)
		return NULL;
	if (o->open_line)
		end_open_line(o);
	o->col = 0;
	if (prefix == PREFIX_ALWAYS)
		o->col += fprintf(o->f, "%-5d ", (int)t->pid);
	else if (prefix == PREFIX_SHARED && tcb_count_shown() > 1)
		o->col += fprintf(o->f, "[pid %5d] ", (int)t->pid);
	o->col += print_times(o->f);
	return o;
}

void output_entry(struct tcb *t, const char *text)
{
	struct output_file *o = begin_line(t);

	if (!o)
		return;
	fputs(text, o->f);
	o->col += strlen(text);
	o->open_line = t;
}

void output_exit(struct tcb *t, const char *name, const char *text)
{
	struct output_file *o = file_of(t);
	const char *eq = NULL, *p;
	size_t len = strlen(text);
	static const char noreturn[] = ") = ?";

	if (!o)
		return;
	if (o->open_line != t) {
		o = begin_line(t);
		o->col += fprintf(o->f, "<... %s resumed>", name);
	}
	/* The result is after the last " = " (a result never contains one, arguments may). */
	for (p = strstr(text, " = "); p; p = strstr(p + 1, " = "))
		eq = p;
	if (eq) {
		fwrite(text, 1, eq - text, o->f);
		o->col += eq - text;
		if (o->col < OUTPUT_ACOLUMN)
			fprintf(o->f, "%*s", OUTPUT_ACOLUMN - o->col, "");
		else
			fputc(' ', o->f);
		fputs(eq + 1, o->f);
	} else {
		fputs(text, o->f);
	}
	/* -T: a call that never returned ("= ?") has no time. */
	if (opts.syscall_time &&
	    !(len >= sizeof(noreturn) - 1 && !strcmp(text + len - (sizeof(noreturn) - 1), noreturn))) {
		uint64_t d = output_now_ns() - t->entry_mono_ns;

		fprintf(o->f, " <%llu.%06llu>", (unsigned long long)(d / 1000000000u),
			(unsigned long long)(d % 1000000000u / 1000));
	}
	fputc('\n', o->f);
	o->open_line = NULL;
}

void output_line(struct tcb *t, const char *fmt, ...)
{
	struct output_file *o = begin_line(t);
	va_list ap;

	if (!o)
		return;
	va_start(ap, fmt);
	if (fmt)	/* never NULL; the test quiets GCC's -Wformat-overflow under UBSan */
		vfprintf(o->f, fmt, ap);
	va_end(ap);
	fputc('\n', o->f);
}

void output_forget(struct tcb *t)
{
	if (prefix == PREFIX_NONE) {
		close_tracee_file(t, NULL);
		return;
	}
	if (shared_out.open_line == t)
		end_open_line(&shared_out);
}
