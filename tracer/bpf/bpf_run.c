/*
 * tracer/bpf/bpf_run.c: the bpf engine's user-space side (see bpf_run.h): load the
 * skeleton bpftool generated from count.bpf.c, start the program, wait, read the tables.
 */
#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <bpf/bpf.h>
#include <bpf/libbpf.h>
#include "tracer/bpf/bpf_run.h"
#include "tracer/bpf/count_map.h"
#include "tracer/bpf/count.skel.h"
#include "tracer/engine/signals.h"
#include "tracer/engine/startup.h"
#include "tracer/engine/syscall.h"
#include "tracer/opts.h"

struct bpf_counter {
	struct count_bpf *skel;
	int timed;
	int ncpus;
	struct bpf_stat *values;	/* one row of the stats map: a value per CPU */
};

int bpf_engine_built(void)
{
	return 1;
}

/* libbpf's own messages would be a second, longer say on one failure: silent. */
static int quiet_libbpf(enum libbpf_print_level level, const char *fmt, va_list ap)
{
	(void)level;
	(void)fmt;
	(void)ap;
	return 0;
}

/* Why the load failed, in the kernel's order of refusals. */
static void explain(int err, char *why, size_t len)
{
	char mode[128] = "";
	FILE *f = fopen("/sys/kernel/security/lockdown", "re");

	if (f) {
		if (!fgets(mode, sizeof(mode), f))
			mode[0] = '\0';
		fclose(f);
	}
	if (err == -EPERM && strstr(mode, "[confidentiality]"))
		snprintf(why, len, "the kernel is locked down (lockdown=confidentiality)");
	else if (err == -EPERM || err == -EACCES)
		snprintf(why, len, "loading eBPF programs is not permitted here: %s (needs "
			 "root, or CAP_BPF and CAP_PERFMON)", strerror(-err));
	else
		snprintf(why, len, "loading the counting programs failed: %s", strerror(-err));
}

int bpf_counter_open(struct bpf_counter **out, int follow, int timed, char *why, size_t len)
{
	struct bpf_counter *c;
	int err;

	*out = NULL;
	/* CO-RE: the programs' field offsets come from the running kernel's BTF */
	if (access("/sys/kernel/btf/vmlinux", R_OK) != 0) {
		snprintf(why, len, "the kernel has no BTF (/sys/kernel/btf/vmlinux: %s)",
			 strerror(errno));
		return -ENOENT;
	}
	libbpf_set_print(quiet_libbpf);
	c = calloc(1, sizeof(*c));
	if (!c) {
		snprintf(why, len, "%s", strerror(ENOMEM));
		return -ENOMEM;
	}
	c->timed = timed;
	c->ncpus = libbpf_num_possible_cpus();
	c->skel = count_bpf__open();
	if (c->ncpus <= 0 || !c->skel) {
		err = c->ncpus <= 0 ? c->ncpus : -errno;
		goto fail;
	}
	c->values = calloc((size_t)c->ncpus, sizeof(*c->values));
	if (!c->values) {
		err = -ENOMEM;
		goto fail;
	}
	c->skel->rodata->follow = follow;
	c->skel->rodata->timed = timed;
	c->skel->rodata->nr_execve = SYS_execve;
	c->skel->rodata->nr_execveat = SYS_execveat;
	/* without -w the entry program would only cost time: not loaded */
	bpf_program__set_autoload(c->skel->progs.on_enter, timed);
	bpf_program__set_autoload(c->skel->progs.on_fork, follow);
	if ((err = count_bpf__load(c->skel)) < 0)
		goto fail;
	if ((err = count_bpf__attach(c->skel)) < 0)
		goto fail;
	*out = c;
	return 0;
fail:
	explain(err, why, len);
	bpf_counter_close(c);
	return err;
}

void bpf_counter_close(struct bpf_counter *c)
{
	if (!c)
		return;
	count_bpf__destroy(c->skel);
	free(c->values);
	free(c);
}

/* ---- one run ------------------------------------------------------------------------ */

static volatile sig_atomic_t interrupted;

static void on_fatal(int sig)
{
	interrupted = sig;
}

/*
 * trace's signals while the program runs: SIGTERM and SIGHUP end the run (the program is
 * killed, what was counted is printed); Ctrl-C and Ctrl-\ are the program's, as with the
 * ptrace engine. No SA_RESTART: waitpid must return EINTR to see the flag.
 */
static void signals_for_run(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_fatal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	signal(SIGINT, SIG_IGN);
	signal(SIGQUIT, SIG_IGN);
}

/* Empties the stats map (a --compare run after another). */
static int stats_clear(struct bpf_counter *c)
{
	int fd = bpf_map__fd(c->skel->maps.stats);

	memset(c->values, 0, (size_t)c->ncpus * sizeof(*c->values));
	for (__u32 key = 0; key < BPF_PERS * BPF_NR_SLOTS; key++)
		if (bpf_map_update_elem(fd, &key, c->values, BPF_ANY) < 0)
			return -errno;
	return 0;
}

/* The program's calls into t, per-CPU rows summed; returns the number of calls kept. */
static uint64_t stats_read(struct bpf_counter *c, struct count_table *t)
{
	int fd = bpf_map__fd(c->skel->maps.stats);
	uint64_t all = 0;

	t->untimed = !c->timed;
	for (int pers = 0; pers < BPF_PERS && pers < PERS_COUNT; pers++) {
		for (long nr = 0; nr < BPF_NR_SLOTS && nr < t->size[pers]; nr++) {
			__u32 key = (__u32)(pers * BPF_NR_SLOTS + nr);
			struct syscall_stat *st = &t->stat[pers][nr];

			if (bpf_map_lookup_elem(fd, &key, c->values) < 0)
				continue;
			if (tstate.selected && !tstate.selected(pers, nr))
				continue;
			for (int cpu = 0; cpu < c->ncpus; cpu++) {
				const struct bpf_stat *v = &c->values[cpu];

				if (!v->calls)
					continue;
				if (!st->calls || v->min_ns < st->min_ns)
					st->min_ns = v->min_ns;
				if (v->max_ns > st->max_ns)
					st->max_ns = v->max_ns;
				st->calls += v->calls;
				st->errors += v->errors;
				st->time_ns += v->time_ns;
			}
			all += st->calls;
		}
	}
	return all;
}

/* The started child: waits, stopped, until it is watched; then becomes the program. */
static void child(const char *path, char **argv)
{
	int err;

	/*
	 * A raw kill: its sys_exit comes before the stop, and the calls from here to the
	 * execve are the child's own, not counted (the thread is BPF_THREAD_PENDING).
	 */
	syscall(SYS_kill, getpid(), SIGSTOP);
	signals_restore_original();
	execv(path, argv);
	err = errno;
	dprintf(2, "trace: %s: %s\n", path, strerror(err));
	_exit(err == ENOENT ? TRACE_EXIT_NOTFOUND : TRACE_EXIT_NOEXEC);
}

/* Puts pid's thread in the threads map, pending its execve. Returns 0 or -errno. */
static int watch_child(struct bpf_counter *c, pid_t pid)
{
	/* a task storage map's user-space key is a pidfd */
	int pidfd = (int)syscall(SYS_pidfd_open, pid, 0), err = 0;
	struct bpf_thread th = { .state = BPF_THREAD_PENDING };

	if (pidfd < 0)
		return -errno;
	if (bpf_map_update_elem(bpf_map__fd(c->skel->maps.threads), &pidfd, &th, BPF_NOEXIST) < 0)
		err = -errno;
	close(pidfd);
	return err;
}

/*
 * Interrupted: kills every child of trace. Orphans of the program are reparented to trace
 * (its subreaper) as their parents die, so this runs again at each reaped child until none
 * is left. /proc is the list: nothing else names them.
 */
static void kill_children(void)
{
	DIR *d = opendir("/proc");
	struct dirent *e;
	pid_t self = getpid();

	while (d && (e = readdir(d))) {
		char path[300], line[512], *close_paren;
		int ppid;
		FILE *f;

		if (e->d_name[0] < '1' || e->d_name[0] > '9')
			continue;
		snprintf(path, sizeof(path), "/proc/%s/stat", e->d_name);
		if (!(f = fopen(path, "re")))
			continue;
		/* the command name in parentheses may hold anything: read after the last ')' */
		if (fgets(line, sizeof(line), f) && (close_paren = strrchr(line, ')')) &&
		    sscanf(close_paren + 1, " %*c %d", &ppid) == 1 && ppid == self)
			kill(atoi(e->d_name), SIGKILL);
		fclose(f);
	}
	if (d)
		closedir(d);
}

/* Reaps every child until none is left; notes how pid ended in *end. */
static void wait_all(pid_t pid, struct run_end *end)
{
	int status;
	pid_t w;

	for (;;) {
		if (interrupted) {
			end->interrupted = interrupted;
			kill_children();
		}
		w = waitpid(-1, &status, __WALL);
		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0)
			break;	/* ECHILD: the program and every descendant are gone */
		if (w == pid) {
			end->have_status = 1;
			end->exited = WIFEXITED(status);
			end->status = end->exited ? WEXITSTATUS(status) : WTERMSIG(status);
			end->core = !end->exited && WCOREDUMP(status);
		}
	}
}

int bpf_counter_run(struct bpf_counter *c, char **argv, struct run_outcome *out)
{
	char path[4096], why[512];
	struct sigaction dfl = { .sa_handler = SIG_DFL };
	int err, status;
	pid_t pid;

	memset(out, 0, sizeof(*out));
	interrupted = 0;
	if ((err = startup_resolve(argv[0], path, sizeof(path), why, sizeof(why))) < 0) {
		if (err == -EACCES && why[0])
			fprintf(stderr, "trace: %s: %s (%s)\n", argv[0], strerror(-err), why);
		else
			fprintf(stderr, "trace: %s: %s\n", argv[0], strerror(-err));
		return err == -EACCES ? TRACE_EXIT_NOEXEC : TRACE_EXIT_NOTFOUND;
	}
	if (count_table_init(&out->counts) < 0 || (err = stats_clear(c)) < 0) {
		fprintf(stderr, "trace: %s\n", strerror(out->counts.stat[0] ? -err : ENOMEM));
		count_table_free(&out->counts);
		return TRACE_EXIT_ERROR;
	}
	/* the program's orphans are ours to wait for, as the ptrace engine waits for them */
	prctl(PR_SET_CHILD_SUBREAPER, 1);
	signals_save_original();
	sigaction(SIGCHLD, &dfl, NULL);	/* wait must see how the children end */
	pid = fork();
	if (pid < 0) {
		fprintf(stderr, "trace: fork: %s\n", strerror(errno));
		count_table_free(&out->counts);
		return TRACE_EXIT_ERROR;
	}
	if (pid == 0)
		child(path, argv);
	while (waitpid(pid, &status, WSTOPPED) < 0 && errno == EINTR)
		;
	if ((err = watch_child(c, pid)) < 0) {
		fprintf(stderr, "trace: cannot watch the program, pid %d: %s\n", (int)pid,
			strerror(-err));
		kill(pid, SIGKILL);
		waitpid(pid, &status, 0);
		count_table_free(&out->counts);
		return TRACE_EXIT_ERROR;
	}
	signals_for_run();
	kill(pid, SIGCONT);
	wait_all(pid, &out->end);
	out->syscalls = stats_read(c, &out->counts);
	return 0;
}

/* ---- what counting costs a call -------------------------------------------------------- */

enum { PROBE_CALLS = 100000, PROBE_RUNS = 3 };

static double mono_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

/*
 * One probe: a child stops itself, then makes PROBE_CALLS getppid (raw: no libc caching);
 * counted by c when c is given. Returns its time from the release of its stop to its
 * exit (µs), or -errno.
 */
static double probe_run(struct bpf_counter *c)
{
	struct bpf_thread th = { .state = BPF_THREAD_COUNTED };
	int status, pidfd;
	double t0;
	pid_t pid = fork();

	if (pid < 0)
		return -errno;
	if (pid == 0) {
		syscall(SYS_kill, getpid(), SIGSTOP);
		for (int i = 0; i < PROBE_CALLS; i++)
			syscall(SYS_getppid);
		_exit(0);
	}
	if (waitpid(pid, &status, WSTOPPED) != pid || !WIFSTOPPED(status))
		goto fail;
	if (c) {	/* counted from its first call: no execve to wait for */
		pidfd = (int)syscall(SYS_pidfd_open, pid, 0);
		if (pidfd < 0)
			goto fail;
		status = bpf_map_update_elem(bpf_map__fd(c->skel->maps.threads), &pidfd, &th,
					     BPF_NOEXIST);
		close(pidfd);
		if (status < 0)
			goto fail;
	}
	t0 = mono_us();
	kill(pid, SIGCONT);
	if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status) || WEXITSTATUS(status))
		return -ECHILD;
	return mono_us() - t0;
fail:
	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);
	return -ECHILD;
}

/* The fastest of PROBE_RUNS probes: the one the rest of the machine disturbed least. */
static double probe_best(struct bpf_counter *c)
{
	double best = -ECHILD;

	for (int i = 0; i < PROBE_RUNS; i++) {
		double t = probe_run(c);

		if (t >= 0 && (best < 0 || t < best))
			best = t;
	}
	return best;
}

int bpf_measure_call_us(int timed, double *us)
{
	struct bpf_counter *c;
	char why[256];
	double plain, counted;
	int err;

	plain = probe_best(NULL);	/* before the programs are attached */
	if ((err = bpf_counter_open(&c, 0, timed, why, sizeof(why))) < 0)
		return err;
	counted = probe_best(c);
	bpf_counter_close(c);
	if (plain < 0 || counted < 0)
		return -ECHILD;
	*us = counted > plain ? (counted - plain) / PROBE_CALLS : 0;
	return 0;
}
