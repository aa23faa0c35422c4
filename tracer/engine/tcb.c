/*
 * tracer/engine/tcb.c: the table of tracees. A chained hash of TCB_BUCKETS heads keyed by pid
 * (pids are dense small integers, so pid % buckets spreads well) plus a free list, so
 * that thousands of short-lived threads cost a pointer swap each, not a malloc/free.
 */
#include <stdlib.h>
#include <string.h>
#include "tracer/engine/tcb.h"

#define TCB_BUCKETS 1024	/* a power of two */

static struct tcb *buckets[TCB_BUCKETS];
static struct tcb *free_list;
static int live;
static int silent;
static struct tcb *last;	/* one-entry cache: consecutive stops are often the same tracee */

static struct tcb **bucket(pid_t pid)
{
	return &buckets[(unsigned)pid & (TCB_BUCKETS - 1)];
}

struct tcb *tcb_find(pid_t pid)
{
	struct tcb *t;

	if (last && last->pid == pid)
		return last;
	for (t = *bucket(pid); t; t = t->hnext)
		if (t->pid == pid)
			return last = t;
	return NULL;
}

static void link_tcb(struct tcb *t)
{
	struct tcb **b = bucket(t->pid);

	t->hnext = *b;
	*b = t;
}

static void unlink_tcb(struct tcb *t)
{
	struct tcb **p;

	for (p = bucket(t->pid); *p; p = &(*p)->hnext)
		if (*p == t) {
			*p = t->hnext;
			break;
		}
	if (last == t)
		last = NULL;
}

struct tcb *tcb_new(pid_t pid)
{
	struct tcb *t = free_list;

	if (t)
		free_list = t->hnext;
	else if (!(t = malloc(sizeof(*t))))
		return NULL;
	memset(t, 0, sizeof(*t));
	t->pid = pid;
	link_tcb(t);
	live++;
	return t;
}

void tcb_drop(struct tcb *t)
{
	if (t->flags & TCB_SILENT)
		silent--;
	unlink_tcb(t);
	free(t->inject_seen);
	t->inject_seen = NULL;
	t->pid = 0;
	t->hnext = free_list;
	free_list = t;
	live--;
}

void tcb_rekey(struct tcb *t, pid_t pid)
{
	unlink_tcb(t);
	t->pid = pid;
	link_tcb(t);
}

int tcb_count(void)
{
	return live;
}

void tcb_set_silent(struct tcb *t, int on)
{
	if (!!(t->flags & TCB_SILENT) == !!on)
		return;
	t->flags ^= TCB_SILENT;
	silent += on ? 1 : -1;
}

int tcb_count_shown(void)
{
	return live - silent;
}

void tcb_foreach(void (*fn)(struct tcb *t, void *arg), void *arg)
{
	for (int i = 0; i < TCB_BUCKETS; i++) {
		struct tcb *t = buckets[i], *next;

		for (; t; t = next) {
			next = t->hnext;	/* fn may drop t */
			fn(t, arg);
		}
	}
}
