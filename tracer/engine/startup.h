/*
 * tracer/engine/startup.h: the beginning and the end of a run. Start PROGRAM as a tracee or
 * attach to -p PID; at the end print the -c table, detach (-p) or kill what is left,
 * and exit like the traced program.
 */
#ifndef EXECLAB_TRACER_STARTUP_H
#define EXECLAB_TRACER_STARTUP_H

#include <stddef.h>
#include <sys/types.h>
#include "tracer/opts.h"

/*
 * Everything before the loop: output, syscall table, tracees, trace's own signals.
 * Returns 0, or an exit status (enum trace_exit) after printing one message.
 */
int startup_init(const struct trace_opts *o);

/* Everything after the loop. Does not return: exits (or dies) like the program. */
void startup_finish(void) __attribute__((noreturn));

/*
 * Starts argv[0] as the traced program (a fresh run of the loop: --compare runs several
 * in turn). Returns 0 or an exit status after one message.
 */
int startup_run_command(char **argv, int follow);

/* ---- the pieces, for tests and for the options ------------------------------------------- */

/* Finds PROGRAM in PATH as env(1) does (lib/path_search.h): 0 and its path in buf, or
 * -ENOENT / -EACCES (or the error that stopped the search). */
int startup_resolve(const char *prog, char *buf, size_t len);

/* ptrace options for a tracee we started (attached = 0) or attached to. */
unsigned long startup_ptrace_options(int follow, int attached);

/*
 * Why PTRACE_SEIZE of pid failed with EPERM, in one phrase: already traced (TracerPid),
 * Yama ptrace_scope, or a container without CAP_SYS_PTRACE / with a seccomp profile.
 */
void startup_explain_eperm(pid_t pid, char *buf, size_t len);

/* Dies of sig, so that the shell sees 128+sig (resets, unblocks, no core of trace). */
void startup_die_by_signal(int sig) __attribute__((noreturn));

#endif
