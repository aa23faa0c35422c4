/*
 * tracer/arch/x86_64/arch.h: what the tracer needs to know about the machine beyond
 * PTRACE_GET_SYSCALL_INFO. An aarch64 directory would provide the same names.
 */
#ifndef EXECLAB_TRACER_ARCH_H
#define EXECLAB_TRACER_ARCH_H

/* The heading strace prints above a non-native personality's -c table, or NULL. */
const char *arch_pers_heading(int pers);

#endif
