/*
 * tracer/engine/run.c: one run of the engine (see run.h).
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include "tracer/engine/run.h"
#include "tracer/engine/signals.h"
#include "tracer/engine/startup.h"
#include "tracer/engine/syscall.h"
#include "tracer/opts.h"

int run(char **argv, pid_t attach_pid, struct run_outcome *out)
{
	/* With a seccomp filter, descendants are followed even without -f (select.h). */
	int err, follow = tstate.follow || tstate.force_follow;
	pid_t pid;

	memset(out, 0, sizeof(*out));
	memset(&run_end, 0, sizeof(run_end));
	tstate.stops = tstate.syscalls = 0;
	if (tstate.counting && count_table_init(&tstate.counts) < 0) {
		fprintf(stderr, "trace: %s\n", strerror(ENOMEM));
		return TRACE_EXIT_ERROR;
	}
	err = attach_pid ? startup_attach(attach_pid, follow, &pid) :
			   startup_start(argv, follow, &pid);
	if (err) {
		count_table_free(&tstate.counts);
		return err;
	}
	event_started(pid, attach_pid ? NULL : argv[0]);
	signals_install(attach_pid != 0);
	while (dispatch_event(next_event()))
		;
	if (run_end.interrupted) {
		if (attach_pid)
			startup_detach_all(pid);
		else
			startup_kill_all();
	}
	out->end = run_end;
	out->attached = attach_pid != 0;
	out->counts = tstate.counts;
	memset(&tstate.counts, 0, sizeof(tstate.counts));	/* the outcome owns it now */
	out->stops = tstate.stops;
	out->syscalls = tstate.syscalls;
	return 0;
}

int run_result_of(const struct run_outcome *o, struct run_result *r)
{
	if (!o->end.have_status)
		return -ENOENT;
	r->exited = o->end.exited;
	r->status = o->end.status;
	return 0;
}
