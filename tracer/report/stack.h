/*
 * tracer/report/stack.h: -k, the program's stack after each printed call: the unwinder
 * (tracer/report/unwind.h) wired to the engine's tracees and calls.
 */
#ifndef EXECLAB_STACK_H
#define EXECLAB_STACK_H

/*
 * Prints a stack after each call line from now on (for exit and exit_group, the stack
 * walked at their entry: they never return), and keeps the unwinder's caches true:
 * flushed after the mmap family and an execve, freed when a tracee goes. Returns 0 or
 * -ENOMEM.
 */
int stack_start(void);

#endif
