/*
 * tracer/engine/event.h: THE event loop. next_event() waits for any tracee (wait4(-1, __WALL))
 * and classifies what it reports; dispatch_event() hands it to the one handler for its
 * kind and restarts the tracee. run() (run.h) is `while (dispatch_event(next_event())) ;`.
 */
#ifndef EXECLAB_TRACER_EVENT_H
#define EXECLAB_TRACER_EVENT_H

#include <sys/resource.h>
#include <sys/types.h>
#include "tracer/engine/tcb.h"
#include "tracer/report/count.h"

enum event_kind {
	EVT_NONE = 0,		/* no tracee left: the run is over */
	EVT_SYSCALL,		/* syscall entry/exit (or seccomp) stop */
	EVT_SIGNAL,		/* signal-delivery-stop: re-inject the signal */
	EVT_GROUP_STOP,		/* group-stop (SIGSTOP, SIGTSTP...): PTRACE_LISTEN */
	EVT_TRAP,		/* PTRACE_EVENT_STOP that is not a group-stop: first stop, interrupt */
	EVT_NEWCHILD,		/* PTRACE_EVENT_FORK/VFORK/CLONE */
	EVT_EXEC,		/* PTRACE_EVENT_EXEC (maybe a pid switch) */
	EVT_OTHER_EVENT,		/* another ptrace event (VFORK_DONE, EXIT): just restart */
	EVT_EXITED,		/* WIFEXITED */
	EVT_KILLED,		/* WIFSIGNALED */
	EVT_INTERRUPTED,		/* trace got SIGINT/SIGTERM/SIGHUP: detach (-p) or quit */
	EVT_COUNT
};

struct event {
	enum event_kind kind;
	struct tcb *t;		/* NULL for EVT_NONE / EVT_INTERRUPTED */
	int status;		/* from wait4 */
	int sig;		/* the stop signal, or the exit status / killing signal */
	struct rusage ru;	/* from wait4: the -c system time */
};

/* How the run ended (run.h hands it on in struct run_outcome). */
struct run_end {
	int have_status;	/* the started program (or -p PID) ended and we saw how */
	int exited;		/* 1: status is an exit code; 0: status is the killing signal */
	int status;
	int core;		/* killed and dumped core */
	int interrupted;	/* trace itself got this signal (0 if not) */
};

extern struct run_end run_end;

/*
 * What watches the tracees' lives (--tree, -k, --cost), off the hot path; any member may
 * be NULL. started: the run's main tracee (the program, still before its execve: argv0
 * is its argv[0]; or the -p PID: argv0 NULL). created: parent's fork/vfork/clone event
 * (event: PTRACE_EVENT_*) made child. execed: t execed (old_tid: its tid before the exec,
 * != t->pid after a non-leader exec). gone: t is being dropped; r says how it ended, NULL
 * if unknown (superseded by an exec).
 */
struct tracee_watch {
	void (*started)(pid_t pid, const char *argv0);
	void (*created)(struct tcb *parent, pid_t child, int event);
	void (*execed)(struct tcb *t, pid_t old_tid);
	void (*gone)(struct tcb *t, const struct run_result *r);
};

/* Adds w (static storage) to the watches of every run to come. */
void event_watch(const struct tracee_watch *w);

/*
 * pid is the run's main tracee, whose exit status trace takes (the started program / the
 * -p PID): tells the watches.
 */
void event_started(pid_t pid, const char *argv0);

/* Set from trace's own signal handlers: the loop stops at the next event. */
void event_interrupt(int sig);
/* trace itself got SIGTSTP or SIGTTIN (job control; from a signal handler) */
void event_job_stop(int sig);

/* The kind of a wait4 status (pure: unit-tested with made-up statuses). */
enum event_kind event_classify(int status);

struct event *next_event(void);
/* Returns 0 when the run is over (after EVT_NONE or EVT_INTERRUPTED). */
int dispatch_event(struct event *ev);

/* Restarts t to its next syscall stop, delivering sig (0: none). -errno on error. */
int event_restart(struct tcb *t, int sig);

#endif
