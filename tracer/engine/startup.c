/*
 * tracer/engine/startup.c: start or attach, and end (see startup.h).
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include "lib/path_search.h"
#include "arch.h"
#include "tracer/engine/event.h"
#include "tracer/features.h"
#include "tracer/report/output.h"
#include "tracer/engine/startup.h"
#include "tracer/engine/syscall.h"
#include "tracer/engine/tcb.h"

static pid_t main_pid;
static int attached_mode;
/* SIGCHLD, SIGINT, SIGQUIT as trace was started: what the program gets. */
static struct sigaction orig_sig[3];

unsigned long startup_ptrace_options(int follow, int attached)
{
	unsigned long o = PTRACE_O_TRACESYSGOOD | PTRACE_O_TRACEEXEC;

	if (follow)
		o |= PTRACE_O_TRACEFORK | PTRACE_O_TRACEVFORK | PTRACE_O_TRACECLONE;
	/* A program we started dies with us; one we attached to must outlive us. */
	if (!attached)
		o |= PTRACE_O_EXITKILL;
	if (tstate.seccomp)
		o |= PTRACE_O_TRACESECCOMP;
	return o;
}

/* ---- finding PROGRAM ------------------------------------------------------------------- */

struct found {
	char *buf;
	size_t len;
};

/* A candidate is PROGRAM if it is a regular file we may execute (execv decides the rest). */
static int check_candidate(const char *path, void *ctx)
{
	struct found *f = ctx;
	struct stat st;

	if (stat(path, &st) < 0)
		return -errno;
	if (!S_ISREG(st.st_mode) || access(path, X_OK) < 0)
		return -EACCES;
	if ((size_t)snprintf(f->buf, f->len, "%s", path) >= f->len)
		return -ENAMETOOLONG;
	return 0;
}

int startup_resolve(const char *prog, char *buf, size_t len)
{
	char candidate[PATH_SEARCH_MAX];
	struct found f = { buf, len };

	return path_search(prog, getenv("PATH"), candidate, check_candidate, &f);
}

/* ---- explaining EPERM ---------------------------------------------------------------- */

static long read_long_after(const char *file, const char *key)
{
	char line[256];
	long v = -1;
	FILE *f = fopen(file, "re");

	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f))
		if (!key[0] ? sscanf(line, "%ld", &v) == 1 :
		    !strncmp(line, key, strlen(key)) && sscanf(line + strlen(key), "%ld", &v) == 1)
			break;
	fclose(f);
	return v;
}

/* The one-letter State: of /proc/PID/status, or 0 */
static char process_state(pid_t pid)
{
	char file[64], line[256], st = 0;
	FILE *f;

	snprintf(file, sizeof(file), "/proc/%d/status", (int)pid);
	if (!(f = fopen(file, "re")))
		return 0;
	while (fgets(line, sizeof(line), f))
		if (sscanf(line, "State: %c", &st) == 1)
			break;
	fclose(f);
	return st;
}

void startup_explain_eperm(pid_t pid, char *buf, size_t len)
{
	char file[64];
	long tracer, scope;

	snprintf(file, sizeof(file), "/proc/%d/status", (int)pid);
	tracer = read_long_after(file, "TracerPid:");
	scope = read_long_after("/proc/sys/kernel/yama/ptrace_scope", "");
	if (tracer > 0)
		snprintf(buf, len, "it is already traced by process %ld (a process has one tracer)",
			 tracer);
	else if (process_state(pid) == 'Z')
		snprintf(buf, len, "it is a zombie (it has exited; its parent has not reaped it)");
	else if (scope == 1)
		snprintf(buf, len, "Yama ptrace_scope is 1: only a parent may trace its descendants "
			 "(run as root, or echo 0 > /proc/sys/kernel/yama/ptrace_scope)");
	else if (scope == 2)
		snprintf(buf, len, "Yama ptrace_scope is 2: only processes with CAP_SYS_PTRACE may "
			 "trace (run as root)");
	else if (scope == 3)
		snprintf(buf, len, "Yama ptrace_scope is 3: ptrace attach is disabled until reboot");
	else
		snprintf(buf, len, "ptrace is not allowed here: a container without CAP_SYS_PTRACE "
			 "or with a seccomp profile that blocks ptrace (docker run --cap-add=SYS_PTRACE "
			 "--security-opt seccomp=unconfined), another user's process, or a LSM policy");
}

/* why: the EPERM explanation if already made (while pid still existed), else NULL */
static int report_ptrace_error(pid_t pid, const char *what, int err, const char *why)
{
	char buf[512];

	if (err == -EPERM) {
		if (!why) {
			startup_explain_eperm(pid, buf, sizeof(buf));
			why = buf;
		}
		fprintf(stderr, "trace: %s %d: %s: %s\n", what, (int)pid, strerror(-err), why);
	} else {
		fprintf(stderr, "trace: %s %d: %s\n", what, (int)pid, strerror(-err));
	}
	return TRACE_EXIT_ERROR;
}

/* ---- starting PROGRAM ---------------------------------------------------------------- */

static int start_child(char **argv, int follow)
{
	char path[4096];
	int err = startup_resolve(argv[0], path, sizeof(path)), status;
	pid_t pid;

	if (err < 0) {
		fprintf(stderr, "trace: %s: %s\n", argv[0], strerror(-err));
		return err == -EACCES ? TRACE_EXIT_NOEXEC : TRACE_EXIT_NOTFOUND;
	}
	/*
	 * With SIGCHLD ignored (inherited from our parent), the kernel would reap our child
	 * without telling wait4 how it ended: trace needs the default. The program gets the
	 * disposition trace was started with, as without trace.
	 */
	struct sigaction dfl = { .sa_handler = SIG_DFL };

	sigaction(SIGCHLD, &dfl, NULL);
	pid = fork();
	if (pid < 0) {
		fprintf(stderr, "trace: fork: %s\n", strerror(errno));
		return TRACE_EXIT_ERROR;
	}
	if (pid == 0) {
		/*
		 * Stop until the parent has seized us; everything from here to execve is ours,
		 * not the program's, and is hidden (TCB_HIDE), as strace does.
		 */
		kill(getpid(), SIGSTOP);
		sigaction(SIGCHLD, &orig_sig[0], NULL);
		/* --compare set trace's own signals before its later programs start */
		sigaction(SIGINT, &orig_sig[1], NULL);
		sigaction(SIGQUIT, &orig_sig[2], NULL);
		if (tstate.child_hook && (err = tstate.child_hook(tstate.child_hook_arg)) < 0) {
			dprintf(2, "trace: cannot prepare the program: %s\n", strerror(-err));
			_exit(TRACE_EXIT_ERROR);
		}
		execv(path, argv);
		err = errno;
		dprintf(2, "trace: %s: %s\n", path, strerror(err));	/* not stdio: shared buffer */
		_exit(err == ENOENT ? TRACE_EXIT_NOTFOUND : TRACE_EXIT_NOEXEC);
	}
	while (waitpid(pid, &status, WSTOPPED) < 0)
		if (errno != EINTR) {
			fprintf(stderr, "trace: waitpid %d: %s\n", (int)pid, strerror(errno));
			return TRACE_EXIT_ERROR;
		}
	if (!WIFSTOPPED(status)) {
		fprintf(stderr, "trace: child %d died before it could be traced\n", (int)pid);
		return TRACE_EXIT_ERROR;
	}
	if (ptrace(PTRACE_SEIZE, pid, 0L, startup_ptrace_options(follow, 0)) < 0) {
		char why[512];

		err = -errno;
		/*
		 * Explain before killing the child: under an outer tracer's -f, it is that
		 * tracer's tracee (TracerPid) only while it lives.
		 */
		startup_explain_eperm(pid, why, sizeof(why));
		kill(pid, SIGKILL);
		waitpid(pid, &status, 0);
		return report_ptrace_error(pid, "cannot trace the program, pid", err, why);
	}
	/*
	 * The child is in a group-stop from its SIGSTOP; the seize turned it into a ptrace
	 * trap. SIGCONT ends the group-stop, so the loop's first PTRACE_LISTEN is woken at
	 * once and the child runs on to its execve. The SIGCONT delivery stop is hidden.
	 */
	kill(pid, SIGCONT);
	struct tcb *t = tcb_new(pid);

	if (!t)
		return TRACE_EXIT_ERROR;
	t->flags |= TCB_HIDE;
	main_pid = pid;
	return 0;
}

int startup_run_command(char **argv, int follow)
{
	int err = start_child(argv, follow);

	if (err)
		return err;
	event_set_main_pid(main_pid);
	return 0;
}

/* ---- attaching to -p PID ------------------------------------------------------------- */

static int seize_thread(pid_t tid, int follow)
{
	struct tcb *t;

	if (ptrace(PTRACE_SEIZE, tid, 0L, startup_ptrace_options(follow, 1)) < 0)
		return -errno;
	/* SEIZE does not stop the thread; INTERRUPT makes it report a trap we restart from. */
	if (ptrace(PTRACE_INTERRUPT, tid, 0L, 0L) < 0) {
		int err = -errno;

		ptrace(PTRACE_DETACH, tid, 0L, 0L);
		return err;
	}
	t = tcb_new(tid);
	if (!t)
		return -ENOMEM;
	t->flags |= TCB_ATTACHED;
	return 0;
}

static int attach(pid_t pid, int follow)
{
	char dir[64];
	int err, added;
	long tgid, my_tracer;

	/*
	 * Never ourselves or our own tracer (trace under trace -f, or under strace): seizing
	 * the process that must restart us would stop both for ever.
	 */
	snprintf(dir, sizeof(dir), "/proc/%d/status", (int)pid);
	tgid = read_long_after(dir, "Tgid:");
	my_tracer = read_long_after("/proc/self/status", "TracerPid:");
	if (tgid == getpid() || pid == getpid() || (my_tracer > 0 && tgid == my_tracer)) {
		fprintf(stderr, "trace: cannot attach to process %d: it is %s\n", (int)pid,
			tgid == my_tracer ? "trace's own tracer" : "trace itself");
		return TRACE_EXIT_ERROR;
	}
	err = seize_thread(pid, follow);
	if (err < 0)
		return report_ptrace_error(pid, "cannot attach to process", err, NULL);
	/* Every thread; repeat until a pass finds none new (threads may start meanwhile). */
	snprintf(dir, sizeof(dir), "/proc/%d/task", (int)pid);
	do {
		DIR *d = opendir(dir);
		struct dirent *de;

		added = 0;
		if (!d)
			break;
		while ((de = readdir(d))) {
			pid_t tid = atoi(de->d_name);

			if (tid > 0 && !tcb_find(tid) && seize_thread(tid, follow) == 0)
				added++;
		}
		closedir(d);
	} while (added);
	fprintf(stderr, "trace: Process %d attached\n", (int)pid);
	main_pid = pid;
	attached_mode = 1;
	return 0;
}

/* ---- trace's own signals ------------------------------------------------------------- */

static void on_fatal(int sig)
{
	event_interrupt(sig);
	/*
	 * If sig came between the loop's check and its wait4, wait4 would sleep on; a SIGALRM
	 * a second later interrupts it (EINTR) so the loop sees the flag.
	 */
	alarm(1);
}

static void on_alarm(int sig)
{
	(void)sig;
}

static void on_job_stop(int sig)
{
	event_job_stop(sig);
}

static void install(int sig, void (*fn)(int))
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = fn;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = 0;	/* no SA_RESTART: wait4 must return EINTR */
	sigaction(sig, &sa, NULL);
}

static void setup_signals(int attaching)
{
	install(SIGTERM, on_fatal);
	install(SIGHUP, on_fatal);
	install(SIGALRM, on_alarm);
	if (attaching) {
		install(SIGINT, on_fatal);
		install(SIGQUIT, on_fatal);
	} else {
		/* Ctrl-C reaches the program's process group; the program decides, we follow. */
		signal(SIGINT, SIG_IGN);
		signal(SIGQUIT, SIG_IGN);
		/*
		 * Ctrl-Z: trace stops when the program does (tracer/engine/event.c). Not if trace
		 * was started with them ignored: the program inherits that (a handler is reset
		 * to the default by execve). Not SIGTTOU: trace's own writes to the terminal
		 * from a background job (stty tostop) raise it, and a caught SIGTTOU makes the
		 * kernel restart the write and raise it again for ever; trace must stop there.
		 */
		static const int stops[] = { SIGTSTP, SIGTTIN };

		for (size_t i = 0; i < sizeof(stops) / sizeof(stops[0]); i++) {
			struct sigaction cur;

			if (sigaction(stops[i], NULL, &cur) == 0 && cur.sa_handler != SIG_IGN) {
				memset(&cur, 0, sizeof(cur));
				cur.sa_handler = on_job_stop;
				sigemptyset(&cur.sa_mask);
				cur.sa_flags = SA_RESTART;	/* output writes go on */
				sigaction(stops[i], &cur, NULL);
			}
		}
	}
}

int startup_init(const struct trace_opts *o)
{
	int err, follow;

	sigaction(SIGCHLD, NULL, &orig_sig[0]);
	sigaction(SIGINT, NULL, &orig_sig[1]);
	sigaction(SIGQUIT, NULL, &orig_sig[2]);
	if ((err = output_open(o->outfile)) < 0) {
		fprintf(stderr, "trace: %s: %s\n", o->outfile, strerror(-err));
		return TRACE_EXIT_ERROR;
	}
	tstate.counting = o->count != COUNT_OFF || o->compare;
	tstate.print_calls = o->count != COUNT_ONLY && !o->compare;
	tstate.wall = o->wall;
	tstate.dopts.strsize = o->strsize;
	if ((err = syscall_init()) < 0) {
		fprintf(stderr, "trace: cannot build the syscall table: %s\n", strerror(-err));
		return TRACE_EXIT_ERROR;
	}
	/*
	 * the options: the -e selection (tstate.selected), the seccomp program (tstate.seccomp,
	 * tstate.child_hook), -k, --cost and --tree hooks, after the syscall table exists and
	 * before any tracee does (tracer/features.c).
	 */
	if ((err = features_init(o)) != 0)
		return err;
	if (o->sort_given && !tstate.counting)
		fprintf(stderr, "trace: -S has no effect without -c or -C\n");
	if (o->compare) {
		setup_signals(0);
		features_compare(o);	/* runs every command, prints, exits */
	}
	/* With a seccomp filter, descendants are followed even without -f (features.c). */
	follow = o->follow || tstate.force_follow;
	err = o->attach_pid ? attach(o->attach_pid, follow) : start_child(o->argv, follow);
	if (err)
		return err;
	event_set_main_pid(main_pid);
	features_started(o, main_pid);
	setup_signals(o->attach_pid != 0);
	return 0;
}

/* ---- the end ------------------------------------------------------------------------- */

static void interrupt_one(struct tcb *t, void *arg)
{
	(void)arg;
	/* Stops it wherever it is (running, or listening in a group-stop) with a trap. */
	if (ptrace(PTRACE_INTERRUPT, t->pid, 0L, 0L) < 0)
		tcb_drop(t);	/* ESRCH: already gone (its zombie is not ours to reap) */
}

/*
 * Detaches every tracee. PTRACE_DETACH needs a stopped tracee, so all are interrupted
 * first, then each is detached at its next stop; a signal caught in a signal-delivery-stop
 * goes with the detach, so the process does not lose it. A tracee in a group-stop stays
 * stopped after the detach (the kernel re-enters the group-stop), as without us.
 */
static void detach_all(void)
{
	alarm(0);
	tcb_foreach(interrupt_one, NULL);
	while (tcb_count() > 0) {
		int status, sig = 0;
		pid_t pid = waitpid(-1, &status, __WALL);
		struct tcb *t;

		if (pid < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		if (!(t = tcb_find(pid)))
			continue;
		if (WIFSTOPPED(status)) {
			if ((status >> 16) == 0 && WSTOPSIG(status) != (SIGTRAP | 0x80))
				sig = WSTOPSIG(status);
			ptrace(PTRACE_DETACH, pid, 0L, (long)sig);
		}
		tcb_drop(t);
	}
	fprintf(stderr, "trace: Process %d detached\n", (int)main_pid);
}

static void kill_one(struct tcb *t, void *arg)
{
	(void)arg;
	kill(t->pid, SIGKILL);
}

void startup_die_by_signal(int sig)
{
	struct rlimit none = { 0, 0 };
	sigset_t set;

	/*
	 * Re-raise the program's fatal signal on ourselves so our parent sees the same
	 * status (128+N in a shell). Our own core dump would only be noise: the program's
	 * dump (if any) was reported as "(core dumped)". The default action must be in
	 * force and the signal unblocked, or kill() would not end us.
	 */
	setrlimit(RLIMIT_CORE, &none);
	signal(sig, SIG_DFL);
	sigemptyset(&set);
	sigaddset(&set, sig);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	kill(getpid(), sig);
	_exit(128 + sig);	/* a signal whose default is not to terminate */
}

static void print_summary(void)
{
	FILE *f = output_stream();

	if (features_print_summary(f))
		return;
	for (int p = 0; p < PERS_COUNT; p++) {
		if (!count_has_calls(&tstate.counts, p))
			continue;
		if (arch_pers_heading(p))
			fprintf(f, "%s\n", arch_pers_heading(p));
		count_print(f, &tstate.counts, p, opts.sort);
	}
}

void startup_finish(void)
{
	int code = 0;

	if (run_end.interrupted) {
		if (attached_mode) {
			detach_all();
		} else {
			tcb_foreach(kill_one, NULL);
			while (waitpid(-1, NULL, __WALL) > 0 || errno == EINTR)
				;
		}
	}
	if (tstate.counting || opts.tree)
		print_summary();
	output_close();
	if (run_end.interrupted && !attached_mode)
		startup_die_by_signal(run_end.interrupted);
	if (!attached_mode && run_end.have_status) {
		if (!run_end.exited)
			startup_die_by_signal(run_end.status);
		code = run_end.status;
	}
	fflush(stdout);
	exit(code);
}
