/*
 * tracer/select/select.h: -e, -Z and the seccomp filter applied to the engine: which calls
 * are shown and counted (tstate.selected), and the filter the started program runs under
 * so that the others cost no stop.
 */
#ifndef EXECLAB_SELECT_H
#define EXECLAB_SELECT_H

#include <stdio.h>
#include "tracer/opts.h"

/*
 * Parses o's -e expressions (after the syscall table exists) and selects them, with -Z.
 * A bad expression: one message, TRACE_EXIT_USAGE. Returns 0 or an exit status.
 */
int select_calls(const struct trace_opts *o);

/*
 * The seccomp filter for a program trace starts (never with -p: an attached process would
 * keep the filter after we detach; not with --no-seccomp, nor when everything is
 * selected). With -k the mmap family stops too, for the unwinder. Without -f, descendants
 * are still followed, silently (tstate.force_follow): each inherits the filter, and a
 * selected call of an untraced thread or child would fail with ENOSYS. If the filter
 * cannot be built, says so and traces every call.
 */
void select_filter(const struct trace_opts *o);

/* --dump-filter: prints the filter select_filter() would install to out. Returns 0 or an
 * exit status after one message. */
int select_dump_filter(const struct trace_opts *o, FILE *out);

#endif
