/*
 * tracer/engine/tcb.h: per-tracee state ("trace control block"), one per traced thread.
 *
 * Tracees come and go by the thousand (short-lived threads), so a tcb is taken from a
 * free list and found through a small hash keyed by pid: no allocation on the hot path
 * once the pool has grown to the peak number of live tracees.
 */
#ifndef EXECLAB_TRACER_TCB_H
#define EXECLAB_TRACER_TCB_H

#include <stdint.h>
#include <sys/types.h>
#include "tracer/decode.h"

struct output_file;

enum tcb_flag {
	TCB_INSYSCALL = 1u << 0,	/* between an entry stop and its exit stop */
	TCB_HIDE = 1u << 1,		/* the started child before its execve: not shown, not counted */
	TCB_ATTACHED = 1u << 2,		/* attached with -p: detach (never kill) at the end */
	TCB_LISTENING = 1u << 3,	/* in a group-stop, left there with PTRACE_LISTEN */
	TCB_ENTRY_SHOWN = 1u << 4,	/* the entry half of the current call was printed */
	TCB_FILTERED = 1u << 5,		/* current call not selected (-e): count/print nothing */
	TCB_SILENT = 1u << 6,		/* followed only because of the seccomp filter (no -f):
					 * never printed or counted (tcb_set_silent()) */
	TCB_INJECTED = 1u << 7,		/* -e inject=: the current call was skipped; its
					 * result is tcb.inject_rval */
};

struct tcb {
	pid_t pid;
	unsigned flags;
	struct call call;		/* the current call, as captured at its entry stop */
	uint64_t entry_ns;		/* ru_stime (or CLOCK_MONOTONIC with -w) at the entry stop */
	uint64_t entry_mono_ns;		/* -T: CLOCK_MONOTONIC at the entry stop */
	int64_t inject_rval;		/* -e inject=: -ERRNO or N, written at the exit stop */
	unsigned *inject_seen;		/* -e inject=: invocations per syscall (owned here) */
	struct output_file *out;	/* -ff: the tracee's own file (tracer/report/output.c) */
	struct tcb *hnext;		/* hash chain / free list */
};

/* The tcb of pid, or NULL. */
struct tcb *tcb_find(pid_t pid);
/* A fresh zeroed tcb for pid (pid must not be known). NULL only if out of memory. */
struct tcb *tcb_new(pid_t pid);
/* Forgets t (back to the free list). */
void tcb_drop(struct tcb *t);
/* Moves t to a new pid (execve by a non-leader thread takes over the leader's pid). */
void tcb_rekey(struct tcb *t, pid_t pid);
/* Number of live tracees. */
int tcb_count(void);
/* Sets or clears TCB_SILENT on t (keeps the count of silent tracees). */
void tcb_set_silent(struct tcb *t, int silent);
/* Number of live tracees that are shown (not TCB_SILENT): "[pid N]" prefixes need > 1. */
int tcb_count_shown(void);
/* Calls fn(t, arg) for every live tracee; fn may drop t. */
void tcb_foreach(void (*fn)(struct tcb *t, void *arg), void *arg);

#endif
