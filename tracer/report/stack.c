/*
 * tracer/report/stack.c: -k (see stack.h).
 */
#include <errno.h>
#include <stddef.h>
#include "tracer/engine/event.h"
#include "tracer/engine/syscall.h"
#include "tracer/report/output.h"
#include "tracer/report/stack.h"
#include "tracer/report/unwind.h"

static struct unwinder *unw;
static long mm_nr[4];			/* mmap munmap mprotect mremap (x86_64): -k flushes */

static void on_printed(struct tcb *t)
{
	unwind_print(unw, t->pid, 0, output_stream_of(t));
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
	(void)r;
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

	if (!(unw = unwinder_new(true)))
		return -ENOMEM;
	for (int i = 0; i < 4; i++)
		mm_nr[i] = sysent_lookup(PERS_X86_64, mm[i]);
	tstate.printed_hook = on_printed;
	tstate.exit_hook = on_exit_stop;
	event_watch(&watch);
	return 0;
}
