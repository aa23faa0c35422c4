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
#include "tracer/engine/event.h"
#include "tracer/engine/signals.h"
#include "tracer/engine/startup.h"
#include "tracer/engine/syscall.h"
#include "tracer/engine/tcb.h"

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

int startup_start(char **argv, int follow, pid_t *main_pid)
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

	signals_save_original();
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
		/* a run before this one (--compare) set trace's own signals */
		signals_restore_original();
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
	*main_pid = pid;
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

int startup_attach(pid_t pid, int follow, pid_t *main_pid)
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
	if (!(tstate.quiet & QUIET_ATTACH))
		fprintf(stderr, "trace: Process %d attached\n", (int)pid);
	*main_pid = pid;
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
void startup_detach_all(pid_t main_pid)
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
	if (!(tstate.quiet & QUIET_ATTACH))
		fprintf(stderr, "trace: Process %d detached\n", (int)main_pid);
}

static void kill_one(struct tcb *t, void *arg)
{
	(void)arg;
	kill(t->pid, SIGKILL);
}

void startup_kill_all(void)
{
	tcb_foreach(kill_one, NULL);
	while (waitpid(-1, NULL, __WALL) > 0 || errno == EINTR)
		;
}
