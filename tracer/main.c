/*
 * tracer/main.c: trace, a ptrace strace-lite. Parse the command line, run the session
 * (tracer/session.h), then end like the traced program: its exit status, or its signal.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <unistd.h>
#include "tracer/opts.h"
#include "tracer/session.h"

/* Dies of sig, so that the shell sees 128+sig (resets, unblocks, no core of trace). */
static void __attribute__((noreturn)) die_by_signal(int sig)
{
	struct rlimit none = { 0, 0 };
	sigset_t set;

	/*
	 * Re-raise the program's fatal signal on ourselves so our parent sees the same
	 * status (128+N in a shell). Our own core dump would only be noise: the program's
	 * dump (if any) was reported as "(core dumped)". The default action must be in
	 * force and the signal unblocked, or kill() would not end us.
	 */
	setrlimit(RLIMIT_CORE, &none);
	signal(sig, SIG_DFL);
	sigemptyset(&set);
	sigaddset(&set, sig);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	kill(getpid(), sig);
	_exit(128 + sig);	/* a signal whose default is not to terminate */
}

int main(int argc, char **argv)
{
	struct trace_opts opts;
	struct trace_end end;

	switch (opts_parse(&opts, argc, argv, stdout, stderr)) {
	case OPTS_EXIT_OK:
		return 0;
	case OPTS_EXIT_USAGE:
		return TRACE_EXIT_USAGE;
	case OPTS_RUN:
		break;
	}
	end = session_run(&opts);
	fflush(stdout);
	if (end.signal)
		die_by_signal(end.signal);
	exit(end.status);
}
