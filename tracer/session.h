/*
 * tracer/session.h: one invocation of trace between its command line and its exit: set
 * the engine up from the options, run the program once (or each --compare command once),
 * print the reports and say how trace must end.
 */
#ifndef EXECLAB_SESSION_H
#define EXECLAB_SESSION_H

#include "tracer/opts.h"

/* How trace ends: like the traced program (its status, or dying of its signal). */
struct trace_end {
	int status;	/* exit status (enum trace_exit, or the program's own) */
	int signal;	/* if not 0: die of this signal instead (the shell sees 128+N) */
};

struct trace_end session_run(const struct trace_opts *o);

#endif
