/*
 * tracer/session.c: one invocation of trace (see session.h). Every message about a
 * failure is printed once where it is detected; here they become trace's exit status.
 */
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include "tracer/bpf/bpf_run.h"
#include "tracer/bpf/served.h"
#include "tracer/engine/run.h"
#include "tracer/engine/syscall.h"
#include "tracer/report/compare.h"
#include "tracer/report/cost.h"
#include "tracer/report/output.h"
#include "tracer/report/stack.h"
#include "tracer/report/summary.h"
#include "tracer/report/tree.h"
#include "tracer/select/select.h"
#include "tracer/session.h"
#include "tracer/xlat.h"

/* Everything before the first run. Returns 0, or an exit status after one message. */
static int prepare(const struct trace_opts *o)
{
	struct output_opts oo = { .path = o->outfile, .follow = o->follow, .tstamp = o->tstamp,
				  .relative = o->relative, .syscall_time = o->syscall_time };
	int err;

	if ((err = output_open(&oo)) < 0) {
		fprintf(stderr, "trace: %s: %s\n", o->outfile, strerror(-err));
		return TRACE_EXIT_ERROR;
	}
	tstate.counting = o->count != COUNT_OFF || o->compare;
	tstate.print_calls = o->count != COUNT_ONLY && !o->compare;
	tstate.wall = o->wall;
	tstate.follow = o->follow != 0;
	tstate.call_time = o->syscall_time;
	tstate.dopts.strsize = o->strsize;
	tstate.dopts.decode_fds = o->decode_fds;
	tstate.dopts.xstr = o->xstr;
	tstate.dopts.verbose = o->verbose;
	tstate.dopts.xlat_style = o->xlat_style;
	/* Each decoded call sets the style again; set here, it also holds for a signal line
	 * printed before any call is decoded (-e trace=none, or just after -p attaches). */
	xlat_set_style(o->xlat_style);
	if ((err = syscall_init()) < 0) {
		fprintf(stderr, "trace: cannot build the syscall table: %s\n", strerror(-err));
		return TRACE_EXIT_ERROR;
	}
	return select_calls(o);
}

/*
 * --engine: the bpf counters when asked for (or, with auto, when they serve the run and
 * load here); *bc stays NULL for the ptrace engine. Returns 0, or an exit status after
 * the one line saying why bpf cannot be (2: an option it does not serve; 1: not possible
 * on this machine or build).
 */
static int choose_engine(const struct trace_opts *o, struct bpf_counter **bc)
{
	const char *unserved = bpf_unserved(o);
	char why[256];

	*bc = NULL;
	if (o->engine == ENGINE_PTRACE || o->dump_filter)
		return 0;
	if (unserved) {
		if (o->engine == ENGINE_AUTO)
			return 0;
		fprintf(stderr, "trace: --engine=bpf does not serve %s (only %s); use "
			"--engine=ptrace\n", unserved, BPF_SERVED_LIST);
		return TRACE_EXIT_USAGE;
	}
	if (bpf_counter_open(bc, o->follow != 0, o->wall, why, sizeof(why)) < 0 &&
	    o->engine == ENGINE_BPF) {
		fprintf(stderr, "trace: --engine=bpf: %s; use --engine=ptrace\n", why);
		return TRACE_EXIT_ERROR;
	}
	return 0;
}

/*
 * --cost: the bpf engine's price of a call, measured here (negative if it cannot load),
 * for the line saying what the other engine would have cost.
 */
static double bpf_price(int timed)
{
	double us;

	return bpf_measure_call_us(timed, &us) == 0 ? us : -1;
}

/* One run under the engine chosen: bc's counters, or ptrace. */
static int run_with(struct bpf_counter *bc, char **argv, pid_t pid, struct run_outcome *r)
{
	return bc ? bpf_counter_run(bc, argv, r) : run(argv, pid, r);
}

/* The reports and tracers that watch the run, once the selection is known. */
static int watch(const struct trace_opts *o)
{
	int err;

	select_filter(o);
	if (o->stack) {
		if ((err = stack_start()) < 0) {
			fprintf(stderr, "trace: -k: %s\n", strerror(-err));
			return TRACE_EXIT_ERROR;
		}
		if (!tstate.print_calls)
			fprintf(stderr, "trace: -k has no effect with -c\n");
	}
	if (o->cost)
		cost_watch(tstate.seccomp);
	if (o->tree)
		tree_track(o->follow);
	if (o->sort_given && !tstate.counting)
		fprintf(stderr, "trace: -S has no effect without -c or -C\n");
	return 0;
}

/*
 * A run is over: prints its summary and says how trace ends. An interrupted run kills
 * what it started, so trace dies of the same signal; one attached to (-p) goes on, and
 * trace exits 0.
 */
static struct trace_end finish(const struct trace_opts *o, struct run_outcome *r)
{
	struct trace_end end = { 0, 0 };
	struct run_result result;
	struct trace_cost cost;
	struct summary s = { .sort = o->sort, .json = o->json };

	if (tstate.counting || o->tree) {
		if (tstate.counting)
			s.counts = &r->counts;
		if (run_result_of(r, &result) == 0)
			s.end = &result;
		if (o->cost) {
			cost_collect(&cost, r->stops, r->syscalls);
			s.cost = &cost;
		}
		if (o->tree)
			s.ntree = tree_nodes(r->attached, &s.tree);
		if (summary_print(output_stream(), &s) < 0)
			fprintf(stderr, "trace: %s\n", strerror(ENOMEM));
	}
	if (r->end.interrupted && !r->attached)
		end.signal = r->end.interrupted;
	else if (!r->attached && r->end.have_status && !r->end.exited)
		end.signal = r->end.status;
	else if (!r->attached && r->end.have_status)
		end.status = r->end.status;
	count_table_free(&r->counts);
	return end;
}

/* --compare: each command of o->argv once under -f -c, then one table. */
static struct trace_end compare(const struct trace_opts *o, struct bpf_counter *bc)
{
	struct trace_end end = { 0, 0 };
	int n = 0, rc = 0, done = 0;

	while (o->argv[n])
		n++;
	struct run_outcome *outcomes = calloc(n, sizeof(*outcomes));
	struct run_result *results = calloc(n, sizeof(*results));
	struct compare_run *runs = calloc(n, sizeof(*runs));

	if (!outcomes || !results || !runs) {
		fprintf(stderr, "trace: --compare: %s\n", strerror(ENOMEM));
		end.status = TRACE_EXIT_ERROR;
		goto out;
	}
	for (; done < n; done++) {
		char **argv;
		struct run_outcome *r = &outcomes[done];

		if (compare_split_argv(o->argv[done], &argv) < 0) {
			fprintf(stderr, "trace: --compare: bad command '%s'\n", o->argv[done]);
			end.status = TRACE_EXIT_USAGE;
			goto out;
		}
		rc = run_with(bc, argv, 0, r);
		free(argv);
		if (rc) {	/* "trace: CMD: No such file..." already said */
			end.status = rc;
			goto out;
		}
		if (r->end.interrupted) {	/* what this command collected, then its signal */
			end = finish(o, r);
			goto out;
		}
		if (run_result_of(r, &results[done]) < 0)
			results[done] = (struct run_result){ .exited = 0, .status = SIGKILL };
		runs[done] = (struct compare_run){ o->argv[done], &r->counts, &results[done] };
	}
	if (o->json)
		rc = compare_print_json(output_stream(), runs, n);
	else
		rc = compare_print(output_stream(), runs, n);
	if (rc < 0) {
		fprintf(stderr, "trace: --compare: %s\n", strerror(-rc));
		end.status = TRACE_EXIT_ERROR;
	}
out:
	for (int i = 0; outcomes && i < done; i++)
		count_table_free(&outcomes[i].counts);
	free(outcomes);
	free(results);
	free(runs);
	return end;
}

struct trace_end session_run(const struct trace_opts *o)
{
	struct trace_end end = { 0, 0 };
	struct bpf_counter *bc = NULL;
	struct run_outcome r;
	int rc = prepare(o);

	if (rc == 0 && o->cost)
		cost_bpf_price(bpf_price(o->wall));	/* before any counter of the run is loaded */
	if (rc == 0)
		rc = choose_engine(o, &bc);
	if (rc == 0 && o->dump_filter)
		rc = select_dump_filter(o, stdout);
	else if (rc == 0 && bc && o->cost) {
		cost_watch_bpf();	/* a ptrace stop's price, for the other engine's line */
	} else if (rc == 0 && !bc) {
		rc = watch(o);
	}
	if (rc || o->dump_filter) {
		end.status = rc;
	} else if (o->compare) {
		end = compare(o, bc);
	} else if ((rc = run_with(bc, o->argv, o->attach_pid, &r)) != 0) {
		end.status = rc;
	} else {
		end = finish(o, &r);
	}
	bpf_counter_close(bc);
	output_close();
	return end;
}
