/*
 * tracer/main.c: trace, a ptrace strace-lite. Parse, start, run the event loop
 * until no tracee is left, then exit like the traced program.
 */
#include <stdio.h>
#include <stdlib.h>
#include "tracer/engine/event.h"
#include "tracer/opts.h"
#include "tracer/engine/startup.h"

int main(int argc, char **argv)
{
	int err;

	switch (opts_parse(&opts, argc, argv, stdout, stderr)) {
	case OPTS_EXIT_OK:
		return 0;
	case OPTS_EXIT_USAGE:
		return TRACE_EXIT_USAGE;
	case OPTS_RUN:
		break;
	}
	if ((err = startup_init(&opts)) != 0)
		return err;
	while (dispatch_event(next_event()))
		;
	startup_finish();
}
