/*
 * tracer/report/stack.c: -k (see stack.h).
 */
#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include "tracer/engine/event.h"
#include "tracer/engine/syscall.h"
#include "tracer/report/output.h"
#include "tracer/report/stack.h"
#include "tracer/report/unwind.h"

static struct unwinder *unw;
static long mm_nr[4];			/* mmap munmap mprotect mremap (x86_64): -k flushes */
static long noreturn_nr[2];		/* exit exit_group (x86_64): walked at their entry */

/*
 * The stacks of calls that never return, walked at their entry (at the "= ?" line the
 * thread is gone) and printed after that line. Few at a time: a linear array.
 */
struct taken {
	pid_t pid;
	char *text;			/* the " > ..." lines */
};
static struct taken *taken;
static size_t ntaken, cap_taken;

static struct taken *find_taken(pid_t pid)
{
	for (size_t i = 0; i < ntaken; i++)
		if (taken[i].pid == pid)
			return &taken[i];
	return NULL;
}

static void drop_taken(struct taken *k)
{
	free(k->text);
	*k = taken[--ntaken];
}

static void on_entry(struct tcb *t)
{
	struct taken *k;
	char *text = NULL;
	size_t len = 0;
	FILE *f;

	if (t->call.pers != PERS_X86_64 ||
	    (t->call.nr != noreturn_nr[0] && t->call.nr != noreturn_nr[1]))
		return;
	if ((k = find_taken(t->pid)))
		drop_taken(k);		/* an earlier one whose line was not printed */
	if (ntaken == cap_taken) {
		size_t ncap = cap_taken ? 2 * cap_taken : 8;
		struct taken *n = realloc(taken, ncap * sizeof(*n));

		if (!n)
			return;
		taken = n;
		cap_taken = ncap;
	}
	f = open_memstream(&text, &len);
	if (!f)
		return;
	unwind_print(unw, t->pid, 0, f);
	if (fclose(f) != 0) {
		free(text);
		return;
	}
	taken[ntaken++] = (struct taken){ .pid = t->pid, .text = text };
}

static void on_printed(struct tcb *t)
{
	struct taken *k = find_taken(t->pid);

	if (!k) {
		unwind_print(unw, t->pid, 0, output_stream_of(t));
		return;
	}
	fputs(k->text, output_stream_of(t));
	drop_taken(k);
}

static void on_exit_stop(struct tcb *t)
{
	if (t->call.pers != PERS_X86_64 || t->call.is_error)
		return;
	for (int i = 0; i < 4; i++)
		if (t->call.nr == mm_nr[i]) {
			unwind_flush(unw, t->pid);	/* new or changed code mappings */
			return;
		}
}

static void on_execed(struct tcb *t, pid_t old_tid)
{
	if (old_tid != t->pid)
		unwind_forget(unw, old_tid);	/* its context was for the old tid */
	unwind_flush(unw, t->pid);		/* the same addresses, other code */
}

static void on_gone(struct tcb *t, const struct run_result *r)
{
	struct taken *k = find_taken(t->pid);

	(void)r;
	if (k)
		drop_taken(k);
	unwind_forget_process(unw, t->pid);	/* nothing unless t leads its group */
	unwind_forget(unw, t->pid);
}

static const struct tracee_watch watch = {
	.execed = on_execed,
	.gone = on_gone,
};

int stack_start(void)
{
	static const char *const mm[] = { "mmap", "munmap", "mprotect", "mremap" };
	static const char *const noreturn[] = { "exit", "exit_group" };

	if (!(unw = unwinder_new(true)))
		return -ENOMEM;
	for (int i = 0; i < 4; i++)
		mm_nr[i] = sysent_lookup(PERS_X86_64, mm[i]);
	for (int i = 0; i < 2; i++)
		noreturn_nr[i] = sysent_lookup(PERS_X86_64, noreturn[i]);
	tstate.entry_hook = on_entry;
	tstate.printed_hook = on_printed;
	tstate.exit_hook = on_exit_stop;
	event_watch(&watch);
	return 0;
}
