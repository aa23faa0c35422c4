/*
 * tracer/report/output.h: where trace's lines go and how they are laid out, strace's way:
 * "[pid N] " before each line when more than one tracee is alive, " = " aligned at
 * column 40, "<unfinished ...>" when another tracee's line interrupts an open call and
 * "<... NAME resumed>" when that call's second half comes.
 *
 * Output is a buffered stdio stream (stderr or -o FILE, never stdout), flushed at the
 * end of each event that printed and when trace ends.
 */
#ifndef EXECLAB_TRACER_OUTPUT_H
#define EXECLAB_TRACER_OUTPUT_H

#include <stdio.h>
#include "tracer/engine/tcb.h"

/* Opens path for writing (NULL: stderr). Returns 0 or -errno. */
int output_open(const char *path);
FILE *output_stream(void);
/* Uses f as the stream (unit tests: an open_memstream). */
void output_set_stream(FILE *f);
void output_flush(void);
/* End of an event that printed: flushes if the stream is shared (stderr). */
void output_event_done(void);
void output_close(void);

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
