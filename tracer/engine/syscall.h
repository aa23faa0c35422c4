/*
 * tracer/engine/syscall.h: the entering and exiting phases of a traced call. The glue between
 * the decoders (decode.h), the line formatter (output.h) and the counter (count.h);
 * none of those knows about the others.
 *
 * Extension points (the options):
 *  - selection (-e trace=SET, seccomp): syscall_selected() decides at entry; an
 *    unselected call gets TCB_FILTERED and is neither printed nor counted.
 *    PTRACE_SYSCALL_INFO_SECCOMP stops already arrive at syscall_entering().
 *  - per printed call hooks (-k stack traces): syscall_printed_hook runs after a call's
 *    line is complete (exit printed), with the tracee still stopped.
 *  - the -c tables (tstate.counts) go to the run's outcome when it ends (run.h).
 */
#ifndef EXECLAB_TRACER_SYSCALL_H
#define EXECLAB_TRACER_SYSCALL_H

#include <stdio.h>
#include <sys/resource.h>
#include "tracer/report/count.h"
#include "tracer/decode.h"
#include "tracer/engine/tcb.h"

/* -q, -e quiet=: the messages trace leaves out (strace's quiet set). */
enum quiet_bit {
	QUIET_ATTACH = 1u << 0,
	QUIET_EXIT = 1u << 1,
	QUIET_PATH_RESOLUTION = 1u << 2,
	QUIET_PERSONALITY = 1u << 3,
	QUIET_THREAD_EXECVE = 1u << 4,
	QUIET_ALL = (1u << 5) - 1,
};

struct trace_state {
	int print_calls;		/* per-call lines (not with -c) */
	int counting;			/* -c / -C */
	int wall;			/* -w: wall-clock time per call */
	int follow;			/* -f: threads and children are traced and shown */
	int call_time;			/* -T: stamp each call's entry (tcb.entry_mono_ns) */
	struct decode_opts dopts;	/* -s ... */
	struct count_table counts;	/* -c data of the current run, one table per
					 * personality */
	/* -e: returns 0 to leave the call out (not printed, not counted). NULL: all. */
	int (*selected)(int pers, long nr);
	/* -k: called after a call's line is printed, tracee still stopped. */
	void (*printed_hook)(struct tcb *t);
	/* -k: called at the entry stop of a selected call (t->call filled), before its line. */
	void (*entry_hook)(struct tcb *t);
	/*
	 * seccomp: the started child runs child_hook (e.g. seccomp_filter_install)
	 * after the tracer has seized it and before its execve; a negative return (-errno)
	 * makes it exit 1 with a message. With seccomp set, trace asks for
	 * PTRACE_O_TRACESECCOMP and restarts tracees with PTRACE_CONT outside syscalls
	 * (PTRACE_SYSCALL only from a seccomp/entry stop, to get the exit stop): unselected
	 * calls then cost no stop at all. Every descendant inherits the filter, so this holds
	 * for new children and threads from their first stop.
	 */
	int (*child_hook)(void *arg);
	void *child_hook_arg;
	int seccomp;
	/* -Z / -e status=failed: a call's line is printed at its exit, only if it failed. */
	int failed_only;
	/*
	 * With a seccomp filter but no -f, children and threads are followed anyway (an
	 * untraced descendant's selected calls would fail with ENOSYS), as TCB_SILENT tracees.
	 */
	int force_follow;
	/* --cost: increments only, on the hot path. */
	uint64_t stops;			/* ptrace stops (WIFSTOPPED statuses) handled */
	uint64_t syscalls;		/* syscall entries seen (hidden ones excluded) */
	/*
	 * -e inject=: at the entry of a call of a shown tracee (selected or not), returns 1
	 * to skip it (its number becomes -1) and return *rval (-ERRNO or N) instead.
	 */
	int (*inject)(struct tcb *t, int64_t *rval);
	/* -e signal=: bit sig-1 set for each signal whose lines are not printed. */
	uint64_t signals_hidden;
	/* -q, -e quiet=: the messages left out. */
	unsigned quiet;		/* enum quiet_bit */
	/* -k: at every exit stop (filtered calls too), with t->call's result filled. */
	void (*exit_hook)(struct tcb *t);
	/* -e read=, -e write=: the fds whose data is dumped after a call's line. */
	struct dump_sets dumps;
	int dumping;			/* either set is not empty */
};

extern struct trace_state tstate;

/* Builds the syscall table. Returns 0 or -errno. */
int syscall_init(void);

/* A syscall stop of t (entry, exit or seccomp): the hot path. ru: from wait4. */
void syscall_stop(struct tcb *t, const struct rusage *ru);

/* t's current call will not return (exit, killed, exec by another thread): "= ?". */
void syscall_noreturn(struct tcb *t);

/* Name of t's current call, for "<... NAME resumed>". */
const char *syscall_name(const struct call *c, char *buf, size_t len);

/* 1 if nr is execve or execveat in pers. */
int syscall_is_exec(int pers, long nr);

#endif
