/*
 * tracer/report/tree.h: --tree, the processes a run traced with how each ended. The
 * tracker follows the engine's tracees (tracer/engine/event.h's watch); the printer is pure.
 */
#ifndef EXECLAB_TREE_H
#define EXECLAB_TREE_H

#include <stddef.h>
#include <stdio.h>
#include <sys/types.h>
#include "tracer/report/count.h"

/* One traced process. The tracker keeps them in creation order. */
struct proc_node {
	pid_t pid, ppid;			/* ppid: the tracee that created it (0: none) */
	char command[128];			/* argv[0] of its last execve, else its comm */
	struct run_result result;
};

/*
 * Starts tracking the processes of the runs to come: the run's main tracee, and with
 * follow (-f) its descendants (without -f the ones followed for the seccomp filter are
 * not shown).
 */
void tree_track(int follow);

/*
 * The tracked processes when the run is over. Those still running then: a program we
 * started was killed by us (SIGKILL); a -p process we detached from (attached) goes on,
 * so it has no ending to show and is left out. Returns how many.
 */
size_t tree_nodes(int attached, const struct proc_node **nodes);

/*
 * The --tree block: a title line, then one line per process, children under their
 * parent indented by two spaces, in the order given:
 *
 *   process tree:
 *   1200 sh: exited with 0
 *     1201 ls: exited with 0
 *     1202 cat: killed by SIGPIPE
 */
void tree_print(FILE *out, const struct proc_node *nodes, size_t n);

/* "exited with 3" / "killed by SIGTERM" into buf. */
void run_result_text(char *buf, size_t size, const struct run_result *r);

#endif
