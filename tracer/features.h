/*
 * tracer/features.h: the options beyond plain tracing (-e, -Z, seccomp, -k, --json, --cost,
 * --tree,
 * --compare) wired into the engine through tstate's hooks (syscall.h). The feature modules
 * themselves (filter.h, seccomp_filter.h, unwind.h, summary_json.h, compare.h) do not know
 * the engine; this file is the only place that knows both.
 */
#ifndef EXECLAB_TRACER_FEATURES_H
#define EXECLAB_TRACER_FEATURES_H

#include <stdio.h>
#include <sys/types.h>
#include "tracer/opts.h"

/*
 * After the syscall table, before any tracee: parses -e (an unknown name: message,
 * TRACE_EXIT_USAGE), builds the seccomp program, the unwinder, --cost's probe. With
 * --dump-filter prints the filter and exits. Returns 0 or an exit status.
 */
int features_init(const struct trace_opts *o);

/* The started program (or -p PID) is pid: the root of --tree. */
void features_started(const struct trace_opts *o, pid_t pid);

/*
 * At the end, in place of the plain -c table: --json, or the table then --cost's lines,
 * then --tree. Returns 0 if none of those was asked for (the caller prints the table).
 */
int features_print_summary(FILE *f);

/* --compare: runs each command of o->argv under -f -c, prints the table, exits. */
void features_compare(const struct trace_opts *o) __attribute__((noreturn));

#endif
