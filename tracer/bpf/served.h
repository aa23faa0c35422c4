/*
 * tracer/bpf/served.h: which runs the bpf engine serves (--engine=bpf|auto). A fixed
 * list, documented in trace(1):
 *
 *   -c, with any of -f (-ff), -w, -S KEY, -e trace=LIST (or a bare LIST), -e quiet=,
 *   -q, -o FILE, --json, --cost, --no-seccomp; and --compare (with -e trace=, --json).
 *
 * Everything else is the ptrace engine's: per-call lines (no -c, or -C), -p, -k, -Z,
 * --tree, -e inject=, status=, signal=, --dump-filter. The options that shape only the
 * per-call lines (-s, -t, -r, -T, -x, -y) change nothing under -c in either engine.
 * Pure: unit-testable over a struct trace_opts.
 */
#ifndef EXECLAB_BPF_SERVED_H
#define EXECLAB_BPF_SERVED_H

#include "tracer/opts.h"

/* NULL if the bpf engine serves o; else the first option it does not serve ("-k"...). */
const char *bpf_unserved(const struct trace_opts *o);

/* The served list in one phrase, for the one-line refusal. */
#define BPF_SERVED_LIST "-c with -f, -w, -S, -e trace=, -o, --json, --cost; --compare"

#endif
