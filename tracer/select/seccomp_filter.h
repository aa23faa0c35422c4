/*
 * tracer/select/seccomp_filter.h: a seccomp-bpf program that stops the tracee only on the
 * selected syscalls (tracer/select/selection.h), built with libseccomp.
 *
 * The program, for each of x86_64 and i386 (an exec into an i386 binary keeps the filter
 * and is checked with i386 numbers):
 *   selected syscall, execve, execveat   -> SECCOMP_RET_TRACE (a PTRACE_EVENT_SECCOMP stop)
 *   any other syscall                    -> SECCOMP_RET_ALLOW (runs at full speed)
 * and any other arch (x32 numbers included) -> SECCOMP_RET_TRACE: fail safe, the tracer
 * sees the call and decides with selection_has().
 *
 * The filter selects a SUPERSET of the selection (execs, foreign arches, i386 socketcall
 * when a socket call is selected: libseccomp's multiplexer handling), so the engine must
 * still apply selection_has() at every seccomp stop.
 *
 * Kernel facts the engine relies on: the filter is inherited over fork, clone and execve
 * and cannot be removed; with no tracer attached (or the tracer gone), a RET_TRACE syscall
 * fails with ENOSYS and is not executed (Documentation/userspace-api/seccomp_filter.rst).
 */
#ifndef EXECLAB_SECCOMP_FILTER_H
#define EXECLAB_SECCOMP_FILTER_H

#include <stdbool.h>
#include <stdio.h>
#include <linux/filter.h>
#include <seccomp.h>
#include "tracer/select/selection.h"

/* A compiled program, ready for the kernel; built in the tracer, installed in the child. */
struct seccomp_prog {
	struct sock_filter *insns;
	unsigned short len;
	bool set_nnp;		/* the child must set no_new_privs first (unprivileged tracer) */
};

/* False when the filter cannot help: everything is selected. */
bool seccomp_filter_wanted(const struct selection *s);

/* Builds the libseccomp context for s into *out (seccomp_release() it). 0 or -errno. */
int seccomp_filter_build(const struct selection *s, scmp_filter_ctx *out);

/*
 * Builds and exports the BPF program for s into *out (seccomp_prog_free() it). Call in the
 * tracer before fork: the child then only needs seccomp_filter_install(), which neither
 * allocates nor takes locks. 0, or -errno (-E2BIG: over BPF_MAXINSNS instructions).
 */
int seccomp_filter_compile(const struct selection *s, struct seccomp_prog *out);
void seccomp_prog_free(struct seccomp_prog *p);

/*
 * In the forked child, before execve: sets no_new_privs if p->set_nnp, then installs the
 * program. Async-signal-safe (two prctl calls). 0 or -errno.
 */
int seccomp_filter_install(const struct seccomp_prog *p);

/* seccomp_filter_install() with the signature of the engine's tstate.child_hook. */
int seccomp_filter_child_hook(void *prog);

/*
 * The same in one call (builds, then loads with libseccomp): simpler, but allocates, so
 * only for a single-threaded parent. 0 or -errno.
 */
int seccomp_filter_load_in_child(const struct selection *s);

/*
 * --dump-filter: prints the filter readably to out: a summary, libseccomp's pseudo filter
 * code (syscall names, one test per line), then the BPF program one instruction per line
 * with arch and syscall names in comments. 0 or -errno.
 */
int seccomp_filter_dump(const struct selection *s, FILE *out);

/* Prints one BPF program, one instruction per line, commented (used by the dump). */
void seccomp_bpf_disasm(const struct sock_filter *insns, size_t len, FILE *out);

#endif
