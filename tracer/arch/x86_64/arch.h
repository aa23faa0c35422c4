/*
 * tracer/arch/x86_64/arch.h: what the engine needs to know about the machine beyond
 * PTRACE_GET_SYSCALL_INFO. An aarch64 directory would provide the same names.
 */
#ifndef EXECLAB_TRACER_ARCH_H
#define EXECLAB_TRACER_ARCH_H

#include <sys/types.h>

/* The native personality (PERS_X86_64) is the one whose -c table has no heading. */
#define ARCH_NATIVE_PERS 0

/* The heading strace prints above a non-native personality's -c table, or NULL. */
const char *arch_pers_heading(int pers);

/*
 * Reads the syscall number the tracee has in its registers (orig_rax), for stops where
 * PTRACE_GET_SYSCALL_INFO says "none" (e.g. the PTRACE_EVENT_EXEC stop). -errno on error.
 */
long arch_get_scno(pid_t pid);

#endif
