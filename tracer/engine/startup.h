/*
 * tracer/engine/startup.h: the beginning and the end of a run's tracees. Start PROGRAM as
 * a tracee or attach to every thread of -p PID; when trace is interrupted, kill what it
 * started or detach from what it attached to.
 */
#ifndef EXECLAB_TRACER_STARTUP_H
#define EXECLAB_TRACER_STARTUP_H

#include <stddef.h>
#include <sys/types.h>
#include "tracer/opts.h"

/*
 * Starts argv[0] (found in PATH) as a tracee, stopped before its execve; with follow, its
 * threads and children are traced too. *main_pid: its pid. Returns 0 or an exit status
 * (enum trace_exit) after one message.
 */
int startup_start(char **argv, int follow, pid_t *main_pid);

/* Attaches to every thread of pid (-p). Returns 0 or an exit status after one message. */
int startup_attach(pid_t pid, int follow, pid_t *main_pid);

/* Interrupted with -p: detaches every tracee, leaving it as it was; says so for main_pid. */
void startup_detach_all(pid_t main_pid);

/* Interrupted: kills every tracee (a program trace started) and reaps them. */
void startup_kill_all(void);

/* ---- the pieces, for tests ---------------------------------------------------------------- */

/*
 * Finds PROGRAM in PATH as env(1) does (lib/path_search.h): 0 and its path in buf, or
 * -ENOENT / -EACCES (or the error that stopped the search). why (why_len bytes, or NULL):
 * for -EACCES from a directory that cannot be searched, the loader's detail naming it;
 * else empty.
 */
int startup_resolve(const char *prog, char *buf, size_t len, char *why, size_t why_len);

/* ptrace options for a tracee we started (attached = 0) or attached to. */
unsigned long startup_ptrace_options(int follow, int attached);

/*
 * Why PTRACE_SEIZE of pid failed with EPERM, in one phrase, in the kernel's order: another
 * user's process (without CAP_SYS_PTRACE), already traced (TracerPid), a zombie, Yama
 * ptrace_scope, or a container without CAP_SYS_PTRACE / with a seccomp profile.
 */
void startup_explain_eperm(pid_t pid, char *buf, size_t len);

#endif
