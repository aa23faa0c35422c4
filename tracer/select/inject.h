/*
 * tracer/select/inject.h: `-e inject=SET:error=ERRNO|retval=N[:when=EXPR]`, strace's fault
 * and success injection. A selected call does not run: the engine replaces its number by -1
 * at the entry stop and writes -ERRNO or N as its result at the exit stop; its line ends in
 * " (INJECTED)".
 *
 * when=EXPR counts each tracee's (thread's) invocations of each syscall from 1: FIRST (that one
 * only), FIRST+ (it and every later one), FIRST+STEP (every STEP-th from FIRST),
 * FIRST..LAST (FIRST to LAST), FIRST..LAST+STEP. Without when=, every invocation.
 */
#ifndef EXECLAB_INJECT_H
#define EXECLAB_INJECT_H

#include <stdbool.h>
#include "tracer/engine/tcb.h"
#include "tracer/select/selection.h"

/*
 * Adds the rule of spec (what follows "inject="). Returns 0, or -EINVAL (strace's message
 * quotes the whole spec), -ENOMEM. A later rule overrides an earlier one for its calls.
 */
int inject_parse(const char *spec);

/* True if some rule was given. */
bool inject_any(void);

/*
 * At the entry of t's call (t->call filled): 1 if it is to be injected, with the
 * result to return (-ERRNO or N) in *rval. Counts the invocation.
 */
int inject_decide(struct tcb *t, int64_t *rval);

#endif
