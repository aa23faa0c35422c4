/*
 * tests/probe/probe.h: the machine probes the tests ask before using a capability.
 *
 * Each probe tries the real thing once (an i386 system call, a ptrace attach, a perf
 * tracepoint...) in a child process, so a probe that crashes or hangs costs only that
 * child. It never reads the kernel's configuration or command line: a hypervisor, a
 * container or a security module can take away what those promise.
 */
#ifndef EXECLAB_TESTS_PROBE_H
#define EXECLAB_TESTS_PROBE_H

#include <stddef.h>

/*
 * A probe returns 0 when the machine can, or a positive number when it cannot; either
 * way it writes a short reason (what it tried and what happened) into why[0..len).
 * It runs in a forked child: it may crash, block signals or leave its namespace changed.
 */
typedef int probe_fn(char *why, size_t len);

/* The number in the file at path (a /proc or /sys setting): 0, or -1 if unreadable. */
int probe_read_long(const char *path, long *value);

/*
 * A setting, for a reason text: "NAME VALUE" in buf, or absent if the file is missing
 * (e.g. "Yama ptrace_scope 1", or "no Yama"). Returns buf or absent.
 */
const char *probe_setting(const char *path, const char *name, const char *absent,
			  char *buf, size_t len);

probe_fn probe_int80, probe_i386_exec, probe_ptrace, probe_ptrace_attach, probe_perf,
	 probe_bpf, probe_pku, probe_userns, probe_aslr, probe_norandom, probe_mdwe,
	 probe_mountns, probe_seccomp, probe_root, probe_sock_diag_tcp,
	 probe_netns;

#endif
