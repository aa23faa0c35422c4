/*
 * tracer/report/output.c: line layout (see output.h). The only state is the stream, the tracee
 * whose line is still open (its call has entered but not exited) and that line's column.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "tracer/decode.h"
#include "tracer/report/output.h"

static FILE *out;
static int shared;		/* out is a copy of stderr: the program writes there too */
static struct tcb *open_line;	/* whose line is not ended yet, or NULL */
static int col;			/* column on the open line */
static char outbuf[1 << 16];
static const char *out_path;	/* -o FILE, for the one error line at close */

int output_open(const char *path)
{
	int fd;

	/*
	 * stderr itself stays unbuffered for trace's own messages; the trace goes through a
	 * fully buffered copy of fd 2 (one write per event instead of one per line). Both fds
	 * are close-on-exec: the traced program must not inherit them.
	 */
	if (!path)
		fd = fcntl(2, F_DUPFD_CLOEXEC, 3);
	else
		fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
	if (fd < 0)
		return -errno;
	out = fdopen(fd, "w");
	if (!out) {
		int e = errno;

		close(fd);
		return -e;
	}
	setvbuf(out, outbuf, _IOFBF, sizeof(outbuf));
	shared = !path;
	out_path = path;
	return 0;
}

void output_set_stream(FILE *f)
{
	out = f;
	shared = 0;
	open_line = NULL;
	col = 0;
}

FILE *output_stream(void)
{
	return out ? out : stderr;
}

void output_flush(void)
{
	fflush(output_stream());
}

void output_event_done(void)
{
	/* stderr is shared with the program: keep it line-ordered. A file can wait. */
	if (shared)
		fflush(out);
}

/*
 * Ends the open line of another tracee with " <unfinished ...>", after the separator the
 * decoder says belongs there: strace splits "wait4(-1, " / "<... wait4 resumed>[...]".
 */
static void end_open_line(FILE *f)
{
	char sep[8];
	struct strbuf sb;

	sb_init(&sb, sep, sizeof(sep));
	decode_unfinished(&sb, &open_line->call);
	fputs(sb.buf, f);
	fputs(" <unfinished ...>\n", f);
	open_line = NULL;
}

void output_close(void)
{
	if (open_line)
		end_open_line(output_stream());
	if (out) {
		/* A full disk or a closed pipe: said once, here, not at every line. */
		int failed = ferror(out), err = errno;

		if (fclose(out) != 0 && !failed) {
			failed = 1;
			err = errno;
		}
		if (failed && out_path)
			fprintf(stderr, "trace: %s: write error: %s\n", out_path, strerror(err));
	}
	out = NULL;
}

/* Ends another tracee's open line, then starts a line for t with its pid prefix. */
static void begin_line(struct tcb *t)
{
	FILE *f = output_stream();

	if (open_line)
		end_open_line(f);
	col = 0;
	if (tcb_count_shown() > 1)
		col = fprintf(f, "[pid %5d] ", (int)t->pid);
}

void output_entry(struct tcb *t, const char *text)
{
	begin_line(t);
	fputs(text, output_stream());
	col += strlen(text);
	open_line = t;
}

void output_exit(struct tcb *t, const char *name, const char *text)
{
	FILE *f = output_stream();
	const char *eq = NULL, *p;

	if (open_line != t) {
		begin_line(t);
		col += fprintf(f, "<... %s resumed>", name);
	}
	/* The result is after the last " = " (a result never contains one, arguments may). */
	for (p = strstr(text, " = "); p; p = strstr(p + 1, " = "))
		eq = p;
	if (eq) {
		fwrite(text, 1, eq - text, f);
		col += eq - text;
		if (col < OUTPUT_ACOLUMN)
			fprintf(f, "%*s", OUTPUT_ACOLUMN - col, "");
		else
			fputc(' ', f);
		fputs(eq + 1, f);
	} else {
		fputs(text, f);
	}
	fputc('\n', f);
	open_line = NULL;
}

void output_line(struct tcb *t, const char *fmt, ...)
{
	FILE *f = output_stream();
	va_list ap;

	begin_line(t);
	va_start(ap, fmt);
	if (fmt)	/* never NULL; the test quiets GCC's -Wformat-overflow under UBSan */
		vfprintf(f, fmt, ap);
	va_end(ap);
	fputc('\n', f);
}

void output_forget(struct tcb *t)
{
	if (open_line == t)
		end_open_line(output_stream());
}
