/*
 * tracer/features.c: the options beyond plain tracing, wired into the engine (see
 * features.h). Each
 * feature module (filter.c, seccomp_filter.c, unwind.c, summary_json.c, compare.c) stays
 * ignorant of the engine; this file turns the options into tstate's hooks and prints what
 * they collected at the end.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/perf_event.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#include "arch.h"
#include "tracer/report/compare.h"
#include "tracer/engine/event.h"
#include "tracer/features.h"
#include "tracer/select/selection.h"
#include "tracer/report/output.h"
#include "tracer/select/seccomp_filter.h"
#include "tracer/engine/startup.h"
#include "tracer/report/json.h"
#include "tracer/engine/syscall.h"
#include "tracer/report/unwind.h"

static struct selection sel;
static struct seccomp_prog prog;
static struct unwinder *unw;
static long mm_nr[4];			/* mmap munmap mprotect mremap (x86_64): -k flushes */
static double us_per_stop = -1;		/* --cost: one stop here, measured at start-up */
static struct proc_node *nodes;		/* --tree, in creation order */
static size_t nnodes, nodes_cap;
static int sys_enter_fd = -1;		/* --cost: the kernel's count of the program's calls */

/* ---- -e ------------------------------------------------------------------------------ */

static int selected(int pers, long nr)
{
	return selection_has(&sel, pers, nr);
}

static int parse_exprs(const struct trace_opts *o)
{
	int err = selection_init(&sel);

	if (err < 0) {
		fprintf(stderr, "trace: %s\n", strerror(-err));
		return TRACE_EXIT_ERROR;
	}
	for (int i = 0; i < o->nexprs; i++) {
		const char *bad = NULL;

		err = selection_parse(&sel, o->exprs[i], &bad);
		if (err == -EINVAL && !strncmp(o->exprs[i], "status=", 7))
			fprintf(stderr, "trace: invalid status '%s'\n", bad ? bad : o->exprs[i]);
		else if (err == -EINVAL)
			fprintf(stderr, "trace: invalid system call '%s'\n", bad ? bad : o->exprs[i]);
		else if (err == -ENOENT)
			fprintf(stderr, "trace: -e %s: only trace= and status= are supported\n",
				o->exprs[i]);
		else if (err == -ENOTSUP)
			fprintf(stderr, "trace: -e %s: only status=failed (or all) is supported\n",
				o->exprs[i]);
		else if (err < 0)
			fprintf(stderr, "trace: -e %s: %s\n", o->exprs[i], strerror(-err));
		if (err < 0)
			return err == -ENOMEM ? TRACE_EXIT_ERROR : TRACE_EXIT_USAGE;
	}
	if (o->failed_only)
		selection_set_failed_only(&sel);
	tstate.failed_only = sel.failed_only;
	if (!selection_is_all(&sel))
		tstate.selected = selected;
	return 0;
}

/*
 * What the filter stops on: sel, plus with -k the mmap family (not shown, not counted:
 * selection_has() still decides), so the unwinder's mapping cache is refreshed after each,
 * as strace does. bits[] receives the copies to free. 0 or -ENOMEM.
 */
static int filter_selection(const struct trace_opts *o, struct selection *fsel,
			    uint64_t *bits[PERS_COUNT])
{
	static const char *const mm[] = { "mmap", "munmap", "mprotect", "mremap" };

	*fsel = sel;
	if (!o->stack || sel.all)
		return 0;
	for (int p = 0; p < PERS_COUNT; p++) {
		size_t words = (sel.size[p] + 63) / 64;

		if (!(bits[p] = malloc(words * sizeof(uint64_t) + 8)))
			return -ENOMEM;
		memcpy(bits[p], sel.bits[p], words * sizeof(uint64_t));
		fsel->bits[p] = bits[p];
		for (size_t i = 0; i < sizeof(mm) / sizeof(mm[0]); i++) {
			long nr = sysent_lookup(p, mm[i]);

			if (nr >= 0 && nr < sel.size[p])
				bits[p][nr / 64] |= 1ull << (nr % 64);
		}
	}
	return 0;
}

static void free_bits(uint64_t *bits[PERS_COUNT])
{
	for (int p = 0; p < PERS_COUNT; p++)
		free(bits[p]);
}

/*
 * The seccomp filter: only for a program we start (never for -p: an attached process
 * would keep the filter after we detach). Without -f, descendants are still followed,
 * silently (tstate.force_follow): each inherits the filter, and a selected call of an
 * untraced thread or child would fail with ENOSYS.
 */
static void setup_seccomp(const struct trace_opts *o)
{
	uint64_t *bits[PERS_COUNT] = { 0 };
	struct selection fsel;
	int err;

	if (o->no_seccomp || o->attach_pid || !seccomp_filter_wanted(&sel))
		return;
	if ((err = filter_selection(o, &fsel, bits)) < 0 ||
	    (err = seccomp_filter_compile(&fsel, &prog)) < 0) {
		fprintf(stderr, "trace: cannot build the seccomp filter (%s); tracing every "
			"syscall instead\n", strerror(-err));
		free_bits(bits);
		return;
	}
	free_bits(bits);
	tstate.seccomp = 1;
	tstate.child_hook = seccomp_filter_child_hook;
	tstate.child_hook_arg = &prog;
	if (!o->follow)
		tstate.force_follow = 1;
}

/* --dump-filter: the filter setup_seccomp() would build. Exits. */
static void dump_filter(const struct trace_opts *o)
{
	uint64_t *bits[PERS_COUNT] = { 0 };
	struct selection fsel;
	int err;

	if (selection_is_all(&sel)) {
		printf("# no seccomp filter: every syscall is selected (give -e trace=LIST)\n");
		exit(0);
	}
	if ((err = filter_selection(o, &fsel, bits)) == 0)
		err = seccomp_filter_dump(&fsel, stdout);
	free_bits(bits);
	if (err < 0) {
		fprintf(stderr, "trace: cannot build the seccomp filter: %s\n", strerror(-err));
		exit(TRACE_EXIT_ERROR);
	}
	exit(0);
}

/* ---- -k ------------------------------------------------------------------------------ */

static void k_printed(struct tcb *t)
{
	unwind_print(unw, t->pid, 0, output_stream());
}

static void k_exit(struct tcb *t)
{
	if (t->call.pers != PERS_X86_64 || t->call.is_error)
		return;
	for (int i = 0; i < 4; i++)
		if (t->call.nr == mm_nr[i]) {
			unwind_flush(unw, t->pid);	/* new or changed code mappings */
			return;
		}
}

/* ---- --tree -------------------------------------------------------------------------- */

static pid_t tgid_of(pid_t tid)
{
	char file[64], line[128];
	pid_t tgid = tid;
	FILE *f;

	snprintf(file, sizeof(file), "/proc/%d/status", (int)tid);
	if (!(f = fopen(file, "re")))
		return tid;
	while (fgets(line, sizeof(line), f))
		if (sscanf(line, "Tgid: %d", &tgid) == 1)
			break;
	fclose(f);
	return tgid;
}

static struct proc_node *node_find(pid_t pid)
{
	for (size_t i = nnodes; i-- > 0;)	/* the newest: pids are reused */
		if (nodes[i].pid == pid)
			return &nodes[i];
	return NULL;
}

static struct proc_node *node_add(pid_t pid, pid_t ppid, const char *command)
{
	struct proc_node *n;

	if (nnodes == nodes_cap) {
		size_t cap = nodes_cap ? 2 * nodes_cap : 64;
		struct proc_node *p = realloc(nodes, cap * sizeof(*p));

		if (!p)
			return NULL;
		nodes = p;
		nodes_cap = cap;
	}
	n = &nodes[nnodes++];
	memset(n, 0, sizeof(*n));
	n->pid = pid;
	n->ppid = ppid;
	n->result.exited = -1;	/* not known yet */
	snprintf(n->command, sizeof(n->command), "%s", command ? command : "?");
	return n;
}

/* argv[0] of pid's current program (/proc/PID/cmdline), else its comm. */
static void read_command(pid_t pid, char *buf, size_t len)
{
	char file[64];
	FILE *f;
	size_t n = 0;

	snprintf(file, sizeof(file), "/proc/%d/cmdline", (int)pid);
	if ((f = fopen(file, "re"))) {
		n = fread(buf, 1, len - 1, f);
		fclose(f);
	}
	buf[n] = '\0';	/* the first string ends at its NUL */
	if (n)
		return;
	snprintf(file, sizeof(file), "/proc/%d/comm", (int)pid);
	if ((f = fopen(file, "re"))) {
		if (fgets(buf, len, f))
			buf[strcspn(buf, "\n")] = '\0';
		fclose(f);
	}
}

static void tree_new(struct tcb *parent, pid_t child, int event)
{
	pid_t ptgid;
	struct proc_node *p;

	/* A clone event may be a thread: only processes are nodes. */
	if (event == PTRACE_EVENT_CLONE && tgid_of(child) != child)
		return;
	ptgid = tgid_of(parent->pid);
	if (!opts.follow)
		return;		/* followed only for the filter (no -f): not shown */
	p = node_find(ptgid);
	node_add(child, ptgid, p ? p->command : "?");
}

static void tree_exec(struct tcb *t)
{
	struct proc_node *n = node_find(t->pid);

	if (n)
		read_command(t->pid, n->command, sizeof(n->command));
}

static void tree_gone(struct tcb *t, const struct run_result *r)
{
	struct proc_node *n = node_find(t->pid);

	if (n && r && n->result.exited < 0)
		n->result = *r;
}

/* ---- the hooks the engine calls -------------------------------------------------------- */

static void on_new(struct tcb *parent, pid_t child, int event)
{
	if (opts.tree)
		tree_new(parent, child, event);
}

static void on_exec(struct tcb *t, pid_t old_tid)
{
	if (unw) {
		if (old_tid != t->pid)
			unwind_forget(unw, old_tid);	/* its context was for the old tid */
		unwind_flush(unw, t->pid);		/* the same addresses, other code */
	}
	if (opts.tree)
		tree_exec(t);
}

static void on_gone(struct tcb *t, const struct run_result *r)
{
	if (unw) {
		unwind_forget_process(unw, t->pid);	/* nothing unless t leads its group */
		unwind_forget(unw, t->pid);
	}
	if (opts.tree)
		tree_gone(t, r);
}

int features_init(const struct trace_opts *o)
{
	int err;

	if ((err = parse_exprs(o)) != 0)
		return err;
	if (o->dump_filter)
		dump_filter(o);
	setup_seccomp(o);
	if (o->stack) {
		if (!(unw = unwinder_new(true))) {
			fprintf(stderr, "trace: -k: %s\n", strerror(ENOMEM));
			return TRACE_EXIT_ERROR;
		}
		mm_nr[0] = sysent_lookup(PERS_X86_64, "mmap");
		mm_nr[1] = sysent_lookup(PERS_X86_64, "munmap");
		mm_nr[2] = sysent_lookup(PERS_X86_64, "mprotect");
		mm_nr[3] = sysent_lookup(PERS_X86_64, "mremap");
		tstate.printed_hook = k_printed;
		tstate.exit_hook = k_exit;
		if (!tstate.print_calls)
			fprintf(stderr, "trace: -k has no effect with -c\n");
	}
	if (o->cost && cost_measure_stop_us(&us_per_stop) < 0)
		us_per_stop = -1;
	if (unw || o->tree) {
		tstate.new_hook = on_new;
		tstate.exec_hook = on_exec;
		tstate.gone_hook = on_gone;
	}
	return 0;
}

/*
 * --cost with a filter: the calls the filter lets through never reach us, but the kernel's
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

void features_started(const struct trace_opts *o, pid_t pid)
{
	if (o->cost && tstate.seccomp)
		sys_enter_fd = open_sys_enter_counter(pid);
	if (o->tree && !node_find(pid)) {
		char cmd[128];

		if (o->argv)
			snprintf(cmd, sizeof(cmd), "%s", o->argv[0]);
		else
			read_command(pid, cmd, sizeof(cmd));
		node_add(pid, 0, cmd);
	}
}

static void fill_cost(struct trace_cost *c)
{
	uint64_t all, program_calls = 0;

	c->ptrace_stops = tstate.stops;
	c->syscalls = tstate.syscalls;
	/*
	 * Without a filter no stop was avoided. With one, the calls it let through never
	 * reach us; the sys_enter counter (if perf events are permitted) counts every call
	 * after the program's execve: we saw that execve and the calls that stopped, and
	 * each of the others ran without its two stops. Otherwise: unknown.
	 */
	c->stops_avoided_by_seccomp = tstate.seccomp ? COST_UNKNOWN : 0;
	if (sys_enter_fd >= 0 && read(sys_enter_fd, &all, sizeof(all)) == sizeof(all) &&
	    all + 1 >= tstate.syscalls) {
		program_calls = all + 1;
		c->stops_avoided_by_seccomp = 2 * (program_calls - tstate.syscalls);
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

int features_print_summary(FILE *f)
{
	struct trace_cost cost;
	struct run_result r, *rp = NULL;

	if (!opts.json && !opts.cost && !opts.tree)
		return 0;
	fill_cost(&cost);
	if (event_run_result(&r) == 0)
		rp = &r;
	/*
	 * Processes still running when we ended (interrupted): a program we started was
	 * killed by us (SIGKILL); a -p process we detached from goes on, so it has no
	 * ending to show and is left out.
	 */
	size_t kept = 0;

	for (size_t i = 0; i < nnodes; i++) {
		if (nodes[i].result.exited < 0) {
			if (opts.attach_pid)
				continue;
			nodes[i].result = (struct run_result){ .exited = 0, .status = SIGKILL };
		}
		nodes[kept++] = nodes[i];
	}
	nnodes = kept;
	if (opts.json) {
		if (tstate.counting)
			summary_json_print(f, &tstate.counts, opts.sort, rp,
					   opts.cost ? &cost : NULL, opts.tree ? nodes : NULL,
					   opts.tree ? nnodes : 0);
		return 1;
	}
	if (tstate.counting) {
		for (int p = 0; p < PERS_COUNT; p++) {
			if (!count_has_calls(&tstate.counts, p))
				continue;
			if (arch_pers_heading(p))
				fprintf(f, "%s\n", arch_pers_heading(p));
			count_print(f, &tstate.counts, p, opts.sort);
		}
		if (opts.cost)
			cost_print(f, &cost);
	}
	if (opts.tree) {
		if (tstate.counting)
			fputc('\n', f);
		tree_print(f, nodes, nnodes);
	}
	return 1;
}

/* ---- --compare ----------------------------------------------------------------------- */

void features_compare(const struct trace_opts *o)
{
	int n = 0, rc = 0;

	while (o->argv[n])
		n++;
	count_table_free(&tstate.counts);	/* each command gets its own table */
	struct count_table *tables = calloc(n, sizeof(*tables));
	struct run_result *results = calloc(n, sizeof(*results));
	struct compare_run *runs = calloc(n, sizeof(*runs));

	if (!tables || !results || !runs) {
		fprintf(stderr, "trace: --compare: %s\n", strerror(ENOMEM));
		exit(TRACE_EXIT_ERROR);
	}
	for (int i = 0; i < n; i++) {
		char **argv;
		int err = compare_split_argv(o->argv[i], &argv);

		if (err < 0) {
			fprintf(stderr, "trace: --compare: bad command '%s'\n", o->argv[i]);
			exit(TRACE_EXIT_USAGE);
		}
		if (count_table_init(&tables[i]) < 0) {
			fprintf(stderr, "trace: --compare: %s\n", strerror(ENOMEM));
			exit(TRACE_EXIT_ERROR);
		}
		tstate.counts = tables[i];
		memset(&run_end, 0, sizeof(run_end));
		if ((err = startup_run_command(argv, 1)) != 0)
			exit(err);	/* "trace: CMD: No such file..." already said */
		while (dispatch_event(next_event()))
			;
		if (run_end.interrupted)
			startup_finish();	/* kills what is left, dies of the signal */
		tables[i] = tstate.counts;
		if (event_run_result(&results[i]) < 0)
			results[i] = (struct run_result){ .exited = 0, .status = SIGKILL };
		runs[i] = (struct compare_run){ o->argv[i], &tables[i], &results[i] };
		free(argv);
	}
	if (o->json)
		rc = compare_print_json(output_stream(), runs, n);
	else
		rc = compare_print(output_stream(), runs, n);
	if (rc < 0)
		fprintf(stderr, "trace: --compare: %s\n", strerror(-rc));
	output_close();
	exit(rc < 0 ? TRACE_EXIT_ERROR : 0);
}
