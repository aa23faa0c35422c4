/*
 * tracer/engine/event.c: the event loop (see event.h).
 *
 * Classification, with PTRACE_SEIZE and PTRACE_O_TRACESYSGOOD (ptrace(2) "Stopped
 * states"):
 *   WSTOPSIG == SIGTRAP|0x80             syscall stop
 *   status>>16 == PTRACE_EVENT_STOP      group-stop if the signal is a stopping one,
 *                                        else a trap (new tracee, PTRACE_INTERRUPT)
 *   status>>16 == another PTRACE_EVENT_* fork/vfork/clone/exec event
 *   status>>16 == 0                      signal-delivery-stop
 */
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/wait.h>
#include "tracer/engine/event.h"
#include "tracer/engine/syscall.h"
#include "tracer/report/output.h"

struct run_end run_end;

static pid_t main_pid;
static volatile sig_atomic_t interrupted;
static struct event ev;

#define MAX_WATCHES 4
static const struct tracee_watch *watches[MAX_WATCHES];
static int nwatches;

/* Calls member fn of every watch that has one, with the arguments that follow. */
#define NOTIFY(fn, ...) \
	for (int i_ = 0; i_ < nwatches; i_++) \
		if (watches[i_]->fn) \
			watches[i_]->fn(__VA_ARGS__)

void event_watch(const struct tracee_watch *w)
{
	if (nwatches < MAX_WATCHES)
		watches[nwatches++] = w;
}

void event_started(pid_t pid, const char *argv0)
{
	main_pid = pid;
	NOTIFY(started, pid, argv0);
}

void event_interrupt(int sig)
{
	interrupted = sig;
}

/*
 * Job control (strace issue #96). Ctrl-Z sends SIGTSTP to the whole foreground process
 * group: trace and the program. trace does not stop at once (it would hold the program
 * in its signal-delivery-stop, and the shell's SIGCONT would then discard the pending
 * SIGTSTP: a handler would never run). It notes the signal (job_stop); the program gets
 * its own copy; if the program then stops (group-stop of the main tracee by that signal),
 * trace stops itself with the same signal, so the shell sees the job stopped as without
 * trace; `fg` sends SIGCONT to both. A program that handles the signal goes on, and so
 * does trace. A stop signal sent to the program alone does not stop trace.
 */
static volatile sig_atomic_t job_stop;
static int job_stop_armed, self_stop;

void event_job_stop(int sig)
{
	job_stop = sig;
}

static int is_job_stop_signal(int sig)
{
	return sig == SIGTSTP || sig == SIGTTIN;	/* not SIGTTOU: see tracer/engine/signals.c */
}

static void stop_self(int sig)
{
	struct sigaction dfl, old;

	memset(&dfl, 0, sizeof(dfl));
	dfl.sa_handler = SIG_DFL;
	sigemptyset(&dfl.sa_mask);
	sigaction(sig, &dfl, &old);
	raise(sig);	/* stops here until SIGCONT */
	sigaction(sig, &old, NULL);
}

int event_restart(struct tcb *t, int sig)
{
	/* With a seccomp filter, run freely until the next selected call (its seccomp stop). */
	int req = tstate.seccomp && !(t->flags & TCB_INSYSCALL) ? PTRACE_CONT : PTRACE_SYSCALL;

	if (ptrace(req, t->pid, 0L, (long)sig) < 0)
		return -errno;	/* ESRCH: killed meanwhile; wait4 will report its death */
	return 0;
}

/* -e signal=: are sig's lines printed? */
static int signal_shown(int sig)
{
	return sig < 1 || sig > 64 || !((tstate.signals_hidden >> (sig - 1)) & 1);
}

static int is_stopping_signal(int sig)
{
	return sig == SIGSTOP || sig == SIGTSTP || sig == SIGTTIN || sig == SIGTTOU;
}

enum event_kind event_classify(int status)
{
	static const enum event_kind by_event[] = {
		[PTRACE_EVENT_FORK] = EVT_NEWCHILD,
		[PTRACE_EVENT_VFORK] = EVT_NEWCHILD,
		[PTRACE_EVENT_CLONE] = EVT_NEWCHILD,
		[PTRACE_EVENT_EXEC] = EVT_EXEC,
		[PTRACE_EVENT_SECCOMP] = EVT_SYSCALL,	/* GET_SYSCALL_INFO says op SECCOMP */
	};
	unsigned event = (unsigned)status >> 16;
	int sig;

	if (WIFEXITED(status))
		return EVT_EXITED;
	if (WIFSIGNALED(status))
		return EVT_KILLED;
	sig = WSTOPSIG(status);
	if (__builtin_expect(sig == (SIGTRAP | 0x80), 1))
		return EVT_SYSCALL;
	if (event == 0)
		return EVT_SIGNAL;
	if (event == PTRACE_EVENT_STOP)
		return is_stopping_signal(sig) ? EVT_GROUP_STOP : EVT_TRAP;
	if (event < sizeof(by_event) / sizeof(by_event[0]) && by_event[event])
		return by_event[event];
	return EVT_OTHER_EVENT;
}

struct event *next_event(void)
{
	for (;;) {
		pid_t pid;

		if (interrupted) {
			ev.kind = EVT_INTERRUPTED;
			ev.t = NULL;
			ev.sig = interrupted;
			return &ev;
		}
		if (!tcb_count()) {
			ev.kind = EVT_NONE;
			ev.t = NULL;
			return &ev;
		}
		/* The rusage is only read for -c's default time (the kernel sums it per stop). */
		pid = wait4(-1, &ev.status, __WALL,
			    tstate.counting && !tstate.wall ? &ev.ru : NULL);
		if (pid < 0) {
			if (errno == EINTR)
				continue;
			ev.kind = EVT_NONE;	/* ECHILD: nobody left to wait for */
			ev.t = NULL;
			return &ev;
		}
		ev.kind = event_classify(ev.status);
		tstate.stops += WIFSTOPPED(ev.status);
		ev.t = tcb_find(pid);
		if (!ev.t) {
			if (ev.kind == EVT_EXITED || ev.kind == EVT_KILLED)
				continue;
			/*
			 * With -f a new child may stop before its parent's fork event names it.
			 * Anything else we cannot keep (no -f, out of memory) is let go, never
			 * left stopped.
			 */
			if (!(tstate.follow || tstate.force_follow) || !(ev.t = tcb_new(pid))) {
				ptrace(PTRACE_DETACH, pid, 0L, 0L);
				continue;
			}
			if (!tstate.follow)
				tcb_set_silent(ev.t, 1);
		}
		if (ev.kind == EVT_EXITED)
			ev.sig = WEXITSTATUS(ev.status);
		else if (ev.kind == EVT_KILLED)
			ev.sig = WTERMSIG(ev.status);
		else
			ev.sig = WSTOPSIG(ev.status);
		return &ev;
	}
}

/* ---- handlers: one per kind ---------------------------------------------------------- */

static int on_syscall(struct event *e)
{
	syscall_stop(e->t, &e->ru);
	event_restart(e->t, 0);
	return 1;
}

static int on_signal(struct event *e)
{
	siginfo_t si;

	if (e->t->pid == main_pid && is_job_stop_signal(e->sig)) {
		job_stop_armed = job_stop != 0;	/* trace got it too: the job is stopping */
		job_stop = 0;
	}

	if (tstate.print_calls && !(e->t->flags & (TCB_HIDE | TCB_SILENT)) &&
	    signal_shown(e->sig) && ptrace(PTRACE_GETSIGINFO, e->t->pid, 0L, &si) == 0) {
		char body[512];
		struct strbuf sb;

		sb_init(&sb, body, sizeof(body));
		decode_siginfo(&sb, &si);
		output_line(e->t, "--- %s ---", sb.buf);
	}
	/* Re-inject: the signal was only shown to us; the tracee must still get it. */
	event_restart(e->t, e->sig);
	return 1;
}

static int on_group_stop(struct event *e)
{
	/*
	 * PTRACE_LISTEN leaves the tracee stopped, as the signal asked, but lets the kernel
	 * wake it on SIGCONT (reported to us as a PTRACE_EVENT_STOP trap). Restarting it with
	 * PTRACE_SYSCALL instead would make SIGSTOP a no-op under trace (strace issue #96).
	 */
	if (tstate.print_calls && !(e->t->flags & (TCB_HIDE | TCB_SILENT)) &&
	    signal_shown(e->sig))
		output_line(e->t, "--- stopped by %s ---", signal_name(e->sig));
	if (ptrace(PTRACE_LISTEN, e->t->pid, 0L, 0L) == 0) {
		e->t->flags |= TCB_LISTENING;
		if (e->t->pid == main_pid && job_stop_armed && is_job_stop_signal(e->sig))
			self_stop = e->sig;	/* after this event's output is flushed */
	} else if (errno != ESRCH) {
		event_restart(e->t, 0);	/* not a group-stop after all: never leave it stopped */
	}
	if (e->t->pid == main_pid)
		job_stop_armed = 0;
	return 1;
}

static int on_trap(struct event *e)
{
	e->t->flags &= ~TCB_LISTENING;
	event_restart(e->t, 0);
	return 1;
}

static int on_newchild(struct event *e)
{
	unsigned long child;

	/* The child may already be known (its first stop came first). */
	if (ptrace(PTRACE_GETEVENTMSG, e->t->pid, 0L, &child) == 0) {
		struct tcb *c = tcb_find(child);

		if (!c && (c = tcb_new(child)) && !tstate.follow)
			tcb_set_silent(c, 1);	/* followed only for the seccomp filter */
		if (c)
			NOTIFY(created, e->t, (pid_t)child, (unsigned)e->status >> 16);
	}
	event_restart(e->t, 0);
	return 1;
}

static void drop(struct tcb *t, const struct run_result *r)
{
	NOTIFY(gone, t, r);
	output_forget(t);
	tcb_drop(t);
}

static int on_exec(struct event *e)
{
	unsigned long old = (unsigned long)e->t->pid;

	/*
	 * execve by a non-leader thread: the kernel has killed the other threads, and the
	 * execing thread now has the leader's pid (ptrace(2), "execve(2) under ptrace").
	 * GETEVENTMSG gives its former tid: that tcb holds the execve call in progress.
	 */
	if (ptrace(PTRACE_GETEVENTMSG, e->t->pid, 0L, &old) == 0 && (pid_t)old != e->t->pid) {
		struct tcb *execer = tcb_find((pid_t)old);

		if (execer) {
			pid_t leader_pid = e->t->pid;

			syscall_noreturn(e->t);	/* the old leader's call: "= ?" */
			/* The execer takes the leader's place: shown or silent like it. */
			tcb_set_silent(execer, e->t->flags & TCB_SILENT);
			drop(e->t, NULL);
			tcb_rekey(execer, leader_pid);
			e->t = execer;
			if (tstate.print_calls && !(execer->flags & TCB_SILENT) &&
			    !(tstate.quiet & QUIET_THREAD_EXECVE))
				output_line(execer, "+++ superseded by execve in pid %lu +++", old);
		}
	}
	NOTIFY(execed, e->t, (pid_t)old);
	event_restart(e->t, 0);
	return 1;
}

static int on_other_event(struct event *e)
{
	event_restart(e->t, 0);
	return 1;
}

static void note_end(struct event *e, int exited)
{
	if (e->t->pid != main_pid)
		return;
	run_end.have_status = 1;
	run_end.exited = exited;
	run_end.status = e->sig;
	run_end.core = !exited && WCOREDUMP(e->status);
}

static int on_exited(struct event *e)
{
	struct run_result r = { .exited = 1, .status = e->sig };

	syscall_noreturn(e->t);
	if (tstate.print_calls && !(e->t->flags & TCB_SILENT) && !(tstate.quiet & QUIET_EXIT))
		output_line(e->t, "+++ exited with %d +++", e->sig);
	note_end(e, 1);
	drop(e->t, &r);
	return 1;
}

static int on_killed(struct event *e)
{
	struct run_result r = { .exited = 0, .status = e->sig };

	syscall_noreturn(e->t);
	if (tstate.print_calls && !(e->t->flags & TCB_SILENT) && signal_shown(e->sig))
		output_line(e->t, "+++ killed by %s%s +++", signal_name(e->sig),
			    WCOREDUMP(e->status) ? " (core dumped)" : "");
	note_end(e, 0);
	drop(e->t, &r);
	return 1;
}

static int on_none(struct event *e)
{
	(void)e;
	return 0;
}

static int on_interrupted(struct event *e)
{
	run_end.interrupted = e->sig;
	return 0;
}

static int (*const handlers[EVT_COUNT])(struct event *) = {
	[EVT_NONE] = on_none,
	[EVT_SYSCALL] = on_syscall,
	[EVT_SIGNAL] = on_signal,
	[EVT_GROUP_STOP] = on_group_stop,
	[EVT_TRAP] = on_trap,
	[EVT_NEWCHILD] = on_newchild,
	[EVT_EXEC] = on_exec,
	[EVT_OTHER_EVENT] = on_other_event,
	[EVT_EXITED] = on_exited,
	[EVT_KILLED] = on_killed,
	[EVT_INTERRUPTED] = on_interrupted,
};

int dispatch_event(struct event *e)
{
	int more = handlers[e->kind](e);

	/* Flush at the end of each event that may have printed (not in -c-only mode). */
	if (tstate.print_calls)
		output_event_done();
	if (self_stop) {
		int sig = self_stop;

		self_stop = 0;
		stop_self(sig);
	}
	return more;
}
