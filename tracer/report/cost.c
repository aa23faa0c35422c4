/*
 * tracer/report/cost.c: --cost: the price of one stop, the kernel's count of the
 * program's calls, the estimate and its lines.
 */
#include <errno.h>
#include <inttypes.h>
#include <signal.h>
#include <stdbool.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <linux/perf_event.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include "tracer/engine/event.h"
#include "tracer/report/cost.h"

static double us_per_stop = -1;		/* one stop here, measured before the run */
static int filtered;			/* the run has a seccomp filter */
static int sys_enter_fd = -1;		/* the kernel's count of the program's calls */
static double bpf_us_per_call = -1;	/* the bpf engine's price of a call, if measured */
static int bpf_run;			/* the run is the bpf engine's */

/*
 * With a filter, the calls it lets through never reach us, but the kernel's
 * raw_syscalls:sys_enter tracepoint sees every call. A perf counter on it, opened on the
 * program before its execve (it is still stopped), enabled by that execve and inherited by
 * every thread and child, counts them all (the counts of descendants are added when they
 * end). Needs perf events to be permitted (root, CAP_PERFMON or perf_event_paranoid); -1
 * otherwise, and the number stays unknown. Costs a little per syscall: only with --cost.
 */
static int open_sys_enter_counter(pid_t pid)
{
	static const char *const ids[] = {
		"/sys/kernel/tracing/events/raw_syscalls/sys_enter/id",
		"/sys/kernel/debug/tracing/events/raw_syscalls/sys_enter/id",
	};
	struct perf_event_attr a;
	long long id = -1;

	for (size_t i = 0; i < sizeof(ids) / sizeof(ids[0]) && id < 0; i++) {
		FILE *f = fopen(ids[i], "re");

		if (f) {
			if (fscanf(f, "%lld", &id) != 1)
				id = -1;
			fclose(f);
		}
	}
	if (id < 0)
		return -1;
	memset(&a, 0, sizeof(a));
	a.type = PERF_TYPE_TRACEPOINT;
	a.size = sizeof(a);
	a.config = id;
	a.disabled = 1;
	a.enable_on_exec = 1;	/* from the program's execve on, as trace counts */
	a.inherit = 1;
	a.exclude_kernel = 0;
	return syscall(SYS_perf_event_open, &a, pid, -1, -1, PERF_FLAG_FD_CLOEXEC);
}

static void on_started(pid_t pid, const char *argv0)
{
	(void)argv0;
	if (filtered)
		sys_enter_fd = open_sys_enter_counter(pid);
}

static const struct tracee_watch watch = { .started = on_started };

void cost_watch(int seccomp)
{
	if (cost_measure_stop_us(&us_per_stop) < 0)
		us_per_stop = -1;
	filtered = seccomp;
	event_watch(&watch);
}

void cost_bpf_price(double us)
{
	bpf_us_per_call = us;
}

void cost_watch_bpf(void)
{
	if (cost_measure_stop_us(&us_per_stop) < 0)
		us_per_stop = -1;
	bpf_run = 1;
}

/*
 * A bpf run: no stop, its overhead the measured price of a call; ptrace would have
 * stopped twice per call (entry and exit), each stop two context switches.
 */
static void collect_bpf(struct trace_cost *c, uint64_t syscalls)
{
	c->bpf = 1;
	c->ptrace_stops = 0;
	c->syscalls = syscalls;
	c->stops_avoided_by_seccomp = 0;
	c->overhead_us_per_syscall = bpf_us_per_call;
	c->other_stops = 2 * syscalls;
	c->other_switches = 2 * c->other_stops;
	c->other_us_per_syscall = us_per_stop >= 0 ? 2 * us_per_stop : -1;
}

void cost_collect(struct trace_cost *c, uint64_t stops, uint64_t syscalls)
{
	uint64_t all, program_calls = 0;

	memset(c, 0, sizeof(*c));
	if (bpf_run) {
		collect_bpf(c, syscalls);
		return;
	}
	/* in-kernel counting: no stop at all, the calls' price measured (or unknown) */
	c->other_us_per_syscall = bpf_us_per_call;

	c->ptrace_stops = stops;
	c->syscalls = syscalls;
	/*
	 * Without a filter no stop was avoided. With one, the calls it let through never
	 * reach us; the sys_enter counter (if perf events are permitted) counts every call
	 * after the program's execve: we saw that execve and the calls that stopped, and
	 * each of the others ran without its two stops. Otherwise: unknown.
	 */
	c->stops_avoided_by_seccomp = filtered ? COST_UNKNOWN : 0;
	if (sys_enter_fd >= 0 && read(sys_enter_fd, &all, sizeof(all)) == sizeof(all) &&
	    all + 1 >= syscalls) {
		program_calls = all + 1;
		c->stops_avoided_by_seccomp = 2 * (program_calls - syscalls);
	}
	c->overhead_us_per_syscall = -1;
	if (us_per_stop >= 0) {
		/* spread over every call the program made, when that is known */
		struct trace_cost per_call = *c;

		if (program_calls)
			per_call.syscalls = program_calls;
		c->overhead_us_per_syscall = cost_overhead_us(&per_call, us_per_stop);
	}
}

void cost_print(FILE *out, const struct trace_cost *c)
{
	fprintf(out, "\nptrace stops: %" PRIu64 "\n", c->ptrace_stops);
	if (c->stops_avoided_by_seccomp == COST_UNKNOWN)
		fputs("stops avoided by seccomp filter: unknown\n", out);
	else
		fprintf(out, "stops avoided by seccomp filter: %" PRIu64 "\n",
			c->stops_avoided_by_seccomp);
	if (c->overhead_us_per_syscall < 0)
		fputs("estimated tracing overhead: unknown\n", out);
	else
		fprintf(out, "estimated tracing overhead: %.1f us/syscall\n",
			c->overhead_us_per_syscall);
	fprintf(out, "with --engine=%s: %" PRIu64 " stops, %" PRIu64 " context switches, ",
		c->bpf ? "ptrace" : "bpf", c->other_stops, c->other_switches);
	if (c->other_us_per_syscall < 0)
		fputs("overhead unknown\n", out);
	else
		fprintf(out, "about %.1f us/syscall\n", c->other_us_per_syscall);
}

/* ---- what a stop costs ----------------------------------------------------------------- */

enum { PROBE_CALLS = 2000 };

static double mono_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

/* The probe child: stops itself, then PROBE_CALLS getppid (raw: no libc caching). */
static void probe_child(bool traced)
{
	if (traced && ptrace(PTRACE_TRACEME, 0, NULL, NULL) != 0)
		_exit(1);
	raise(SIGSTOP);
	for (int i = 0; i < PROBE_CALLS; i++)
		syscall(SYS_getppid);
	_exit(0);
}

/*
 * Runs one probe; returns its duration from the release of its SIGSTOP to its exit (µs),
 * or -errno. Traced: restarted with PTRACE_SYSCALL at every stop.
 */
static double probe_run(bool traced)
{
	double t0;
	int status;
	pid_t pid = fork();

	if (pid < 0)
		return -errno;
	if (pid == 0)
		probe_child(traced);
	if (waitpid(pid, &status, WUNTRACED) != pid || !WIFSTOPPED(status))
		goto fail;
	t0 = mono_us();
	if (traced) {
		if (ptrace(PTRACE_SETOPTIONS, pid, NULL, (void *)(long)PTRACE_O_EXITKILL) != 0 ||
		    ptrace(PTRACE_SYSCALL, pid, NULL, NULL) != 0)
			goto fail;
		while (waitpid(pid, &status, 0) == pid && WIFSTOPPED(status))
			if (ptrace(PTRACE_SYSCALL, pid, NULL, NULL) != 0)
				goto fail;
	} else {
		kill(pid, SIGCONT);
		if (waitpid(pid, &status, 0) != pid)
			goto fail;
	}
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
		return -ECHILD;
	return mono_us() - t0;
fail:
	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);
	return -ECHILD;
}

int cost_measure_stop_us(double *us)
{
	double plain = probe_run(false), traced;

	if (plain < 0)
		return (int)plain;
	traced = probe_run(true);
	if (traced < 0)
		return (int)traced;
	/* 2 stops per getppid (entry, exit); exit_group adds one stop: negligible */
	*us = traced > plain ? (traced - plain) / (2.0 * PROBE_CALLS) : 0;
	return 0;
}

double cost_overhead_us(const struct trace_cost *c, double us)
{
	if (!c->syscalls)
		return -1;
	return (double)c->ptrace_stops / (double)c->syscalls * us;
}
