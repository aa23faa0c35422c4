/*
 * tracer/report/output.h: where trace's lines go and how they are laid out, strace's way.
 *
 * Each line starts with strace's leader: the tracee's pid ("[pid N] " on stderr when more
 * than one tracee is alive; "PID " on every line of -f -o FILE; nothing in -ff's FILE.PID
 * files), then the -t/-tt/-ttt time of day and the -r time since the previous line. " = " is
 * aligned at column 40; -T appends " <SECONDS>" (the time spent in the call) to the result.
 * "<unfinished ...>" ends a tracee's open line when another tracee's line comes, and
 * "<... NAME resumed>" starts the second half of that call.
 *
 * Output is a buffered stdio stream (stderr or -o FILE, never stdout), flushed at the
 * end of each event that printed and when trace ends.
 */
#ifndef EXECLAB_TRACER_OUTPUT_H
#define EXECLAB_TRACER_OUTPUT_H

#include <stdint.h>
#include <stdio.h>
#include "tracer/engine/tcb.h"

/* How lines are laid out and where they go (trace_opts gives these). */
struct output_opts {
	const char *path;	/* -o FILE, or NULL: stderr */
	int follow;		/* -f 1, -ff 2: with a path, "PID " on every line, or FILE.PID */
	int tstamp;		/* -t 1 (HH:MM:SS), -tt 2 (with microseconds), -ttt 3 (epoch) */
	int relative;		/* -r: seconds since the previous line */
	int syscall_time;	/* -T: " <SECONDS>" after each result */
};

/* Opens the output (stderr, FILE, or nothing yet with -ff). Returns 0 or -errno. */
int output_open(const struct output_opts *o);
/* The shared stream (stderr or -o FILE): reports such as -c go there. */
FILE *output_stream(void);
/* The stream t's lines go to (its FILE.PID with -ff). */
FILE *output_stream_of(struct tcb *t);
/* Uses f as the stream with default options (unit tests: an open_memstream). */
void output_set_stream(FILE *f);
void output_flush(void);
/* End of an event that printed: flushes if the stream is shared (stderr). */
void output_event_done(void);
void output_close(void);
/* 1 if -T is on: the engine then stamps each call's entry (tcb.entry_mono_ns). */
int output_wants_call_time(void);
/* CLOCK_MONOTONIC now, in nanoseconds. */
uint64_t output_now_ns(void);

/* Prints the first half of t's call (decode_entry's text) and leaves the line open. */
void output_entry(struct tcb *t, const char *text);

/*
 * Prints the second half (decode_exit's ", rest) = R"): on the open line if it is still
 * t's, else on a new line after "<... name resumed>". Aligns " = R" at column 40.
 */
void output_exit(struct tcb *t, const char *name, const char *text);

/* A whole line about t ("+++ exited with 0 +++", "--- SIGCHLD {...} ---"). */
void output_line(struct tcb *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* t is going away: forget it as the owner of the open line (ending that line). */
void output_forget(struct tcb *t);

/* Column at which " = " is aligned (strace's -a default). */
#define OUTPUT_ACOLUMN 40

#endif
