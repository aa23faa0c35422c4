/*
 * tracer/engine/run.h: one run of the engine: start PROGRAM as a tracee (or attach to
 * -p PID), loop over the tracees' events until none is left or trace is interrupted, end
 * what is left (kill what it started, detach from what it attached to) and hand back what
 * the run collected. A plain trace is one run; --compare makes one per command.
 *
 *   run(argv) = start; while (dispatch_event(next_event())) ; end what is left; collect
 */
#ifndef EXECLAB_RUN_H
#define EXECLAB_RUN_H

#include <stdint.h>
#include <sys/types.h>
#include "tracer/engine/event.h"
#include "tracer/report/count.h"

struct run_outcome {
	struct run_end end;		/* how the main tracee ended; trace's own signal */
	int attached;			/* -p: detached at the end, never killed */
	struct count_table counts;	/* -c data (empty if not counting): count_table_free() */
	uint64_t stops, syscalls;	/* ptrace stops handled, syscall entries seen */
};

/*
 * Runs argv (or, with attach_pid, the process attach_pid) under the engine as tstate is
 * set (tracer/engine/syscall.h). Returns 0 and fills *out, or an exit status (enum
 * trace_exit) after one message.
 */
int run(char **argv, pid_t attach_pid, struct run_outcome *out);

/* How the main tracee ended, for --json and --tree: 0, or -ENOENT if not known. */
int run_result_of(const struct run_outcome *o, struct run_result *r);

#endif
