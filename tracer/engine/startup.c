/*
 * tracer/engine/startup.c: start or attach, and end (see startup.h).
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/capability.h>
#include <pwd.h>
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
	char *why;		/* the first refused candidate's reason, if it names one */
	size_t why_len;
	int refused;		/* a candidate gave EACCES already */
};

/* path_unsearchable_dir()'s question, asked as a lookup asks it: the effective IDs. */
static int may_search(const char *dir)
{
	return faccessat(AT_FDCWD, dir, X_OK, AT_EACCESS) < 0 ? -errno : 0;
}

/*
 * An EACCES: the first one is the one reported (as env(1) and the loader do); when a
 * directory on the way refused the search, the reason names it in the loader's words.
 */
static int refused(struct found *f, const char *path, int looked_up)
{
	char dir[PATH_SEARCH_MAX];

	if (!f->refused++ && f->why && looked_up &&
	    path_unsearchable_dir(path, dir, sizeof(dir), may_search))
		snprintf(f->why, f->why_len, PATH_UNSEARCHABLE_FMT, dir);
	return -EACCES;
}

/* A candidate is PROGRAM if it is a regular file we may execute (execv decides the rest). */
static int check_candidate(const char *path, void *ctx)
{
	struct found *f = ctx;
	struct stat st;

	if (stat(path, &st) < 0)
		return errno == EACCES ? refused(f, path, 1) : -errno;
	if (!S_ISREG(st.st_mode) || access(path, X_OK) < 0)
		return refused(f, path, 0);
	if ((size_t)snprintf(f->buf, f->len, "%s", path) >= f->len)
		return -ENAMETOOLONG;
	return 0;
}

int startup_resolve(const char *prog, char *buf, size_t len, char *why, size_t why_len)
{
	char candidate[PATH_SEARCH_MAX];
	struct found f = { buf, len, why, why_len, 0 };

	if (why && why_len)
		why[0] = '\0';
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

/* The real, effective, saved and filesystem IDs on a Uid: or Gid: line: 0, or -1. */
static int read_ids(const char *file, const char *key, long ids[4])
{
	char line[256];
	int n = 0;
	FILE *f = fopen(file, "re");

	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f))
		if (!strncmp(line, key, strlen(key))) {
			n = sscanf(line + strlen(key), "%ld %ld %ld %ld", &ids[0], &ids[1], &ids[2],
				   &ids[3]);
			break;
		}
	fclose(f);
	return n == 4 ? 0 : -1;
}

/* Whether we hold CAP_SYS_PTRACE (CapEff: of /proc/self/status); unknown counts as yes. */
static int have_cap_sys_ptrace(void)
{
	char line[256];
	unsigned long long eff = ~0ULL;
	FILE *f = fopen("/proc/self/status", "re");

	if (!f)
		return 1;
	while (fgets(line, sizeof(line), f))
		if (sscanf(line, "CapEff: %llx", &eff) == 1)
			break;
	fclose(f);
	return (eff >> CAP_SYS_PTRACE) & 1;
}

/* uid's login name in buf (getpwuid's own buffer is reused by the next call) */
static const char *user_name(long uid, char *buf, size_t len)
{
	struct passwd *pw = getpwuid((uid_t)uid);

	snprintf(buf, len, "%s", pw ? pw->pw_name : "no name");
	return buf;
}

/*
 * The kernel's first check (ptrace_may_access): without CAP_SYS_PTRACE, the target's real,
 * effective and saved user and group IDs must all be our real ones. Fills buf and returns
 * 1 when they are not.
 */
static int owner_differs(const char *status, char *buf, size_t len)
{
	char owner[64], mine[64];
	long uids[4], gids[4];
	long me = (long)getuid(), my_gid = (long)getgid();

	if (have_cap_sys_ptrace() || read_ids(status, "Uid:", uids) < 0 ||
	    read_ids(status, "Gid:", gids) < 0)
		return 0;
	for (int i = 0; i < 3; i++)
		if (uids[i] != me) {
			snprintf(buf, len, "it belongs to another user: its %s uid is %ld (%s), "
				 "trace runs as uid %ld (%s); only a process with CAP_SYS_PTRACE "
				 "(root) may trace another user's process",
				 i == 0 ? "real" : i == 1 ? "effective" : "saved", uids[i],
				 user_name(uids[i], owner, sizeof(owner)), me,
				 user_name(me, mine, sizeof(mine)));
			return 1;
		}
	for (int i = 0; i < 3; i++)
		if (gids[i] != my_gid) {
			snprintf(buf, len, "its %s gid is %ld, trace's real gid is %ld (a set-group-ID "
				 "program?); only a process with CAP_SYS_PTRACE (root) may trace it",
				 i == 0 ? "real" : i == 1 ? "effective" : "saved", gids[i], my_gid);
			return 1;
		}
	return 0;
}

void startup_explain_eperm(pid_t pid, char *buf, size_t len)
{
	char file[64];
	long tracer, scope;

	snprintf(file, sizeof(file), "/proc/%d/status", (int)pid);
	tracer = read_long_after(file, "TracerPid:");
	scope = read_long_after("/proc/sys/kernel/yama/ptrace_scope", "");
	if (owner_differs(file, buf, len))
		return;
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
			 "--security-opt seccomp=unconfined), a process that is not dumpable (PR_SET_DUMPABLE), "
			 "or a LSM policy");
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
	char path[4096], why[PATH_SEARCH_MAX + 64];
	int err = startup_resolve(argv[0], path, sizeof(path), why, sizeof(why)), status;
	pid_t pid;

	if (err < 0) {
		if (err == -EACCES && why[0])
			fprintf(stderr, "trace: %s: %s (%s)\n", argv[0], strerror(-err), why);
		else
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
