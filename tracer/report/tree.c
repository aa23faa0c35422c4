/*
 * tracer/report/tree.c: --tree: the tracker over the engine's tracees (/proc tells a
 * process from a thread and names its program) and the printer.
 */
#define _GNU_SOURCE		/* sigabbrev_np */
#include <signal.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include "tracer/engine/event.h"
#include "tracer/report/tree.h"

static struct proc_node *nodes;		/* in creation order */
static size_t nnodes, nodes_cap;
static int shown_follow;		/* -f: descendants are shown */

/* ---- tracking ------------------------------------------------------------------------ */

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

static void on_started(pid_t pid, const char *argv0)
{
	char cmd[128];

	if (node_find(pid))
		return;
	if (argv0)
		snprintf(cmd, sizeof(cmd), "%s", argv0);
	else
		read_command(pid, cmd, sizeof(cmd));
	node_add(pid, 0, cmd);
}

static void on_created(struct tcb *parent, pid_t child, int event)
{
	pid_t ptgid;
	struct proc_node *p;

	/* A clone event may be a thread: only processes are nodes. */
	if (event == PTRACE_EVENT_CLONE && tgid_of(child) != child)
		return;
	ptgid = tgid_of(parent->pid);
	if (!shown_follow)
		return;		/* followed only for the filter (no -f): not shown */
	p = node_find(ptgid);
	node_add(child, ptgid, p ? p->command : "?");
}

static void on_execed(struct tcb *t, pid_t old_tid)
{
	struct proc_node *n = node_find(t->pid);

	(void)old_tid;
	if (n)
		read_command(t->pid, n->command, sizeof(n->command));
}

static void on_gone(struct tcb *t, const struct run_result *r)
{
	struct proc_node *n = node_find(t->pid);

	if (n && r && n->result.exited < 0)
		n->result = *r;
}

static const struct tracee_watch watch = {
	.started = on_started,
	.created = on_created,
	.execed = on_execed,
	.gone = on_gone,
};

void tree_track(int follow)
{
	shown_follow = follow;
	event_watch(&watch);
}

size_t tree_nodes(int attached, const struct proc_node **out)
{
	size_t kept = 0;

	for (size_t i = 0; i < nnodes; i++) {
		if (nodes[i].result.exited < 0) {
			if (attached)
				continue;
			nodes[i].result = (struct run_result){ .exited = 0, .status = SIGKILL };
		}
		nodes[kept++] = nodes[i];
	}
	nnodes = kept;
	*out = nodes;
	return nnodes;
}

/* ---- printing ------------------------------------------------------------------------ */

void run_result_text(char *buf, size_t size, const struct run_result *r)
{
	const char *abbrev;

	if (r->exited) {
		snprintf(buf, size, "exited with %d", r->status);
		return;
	}
	abbrev = sigabbrev_np(r->status);
	if (abbrev)
		snprintf(buf, size, "killed by SIG%s", abbrev);
	else
		snprintf(buf, size, "killed by SIG%d", r->status);
}

static bool is_pid_in(const struct proc_node *list, size_t n, pid_t pid)
{
	for (size_t i = 0; i < n; i++)
		if (list[i].pid == pid)
			return true;
	return false;
}

/*
 * Depth-first from each root. Recursion depth is the process tree's depth, which is
 * bounded by the number of tracees; quadratic scan, fine for the hundreds of processes
 * a traced command makes.
 */
static void tree_walk(FILE *out, const struct proc_node *list, size_t n, size_t i, int depth)
{
	char status[48];

	run_result_text(status, sizeof(status), &list[i].result);
	fprintf(out, "%*s%d %s: %s\n", 2 * depth, "", (int)list[i].pid, list[i].command,
		status);
	for (size_t j = 0; j < n; j++)
		if (j != i && list[j].ppid == list[i].pid)
			tree_walk(out, list, n, j, depth + 1);
}

void tree_print(FILE *out, const struct proc_node *list, size_t n)
{
	fputs("process tree:\n", out);
	for (size_t i = 0; i < n; i++)
		if (!is_pid_in(list, n, list[i].ppid))	/* a root: parent not traced */
			tree_walk(out, list, n, i, 0);
}
