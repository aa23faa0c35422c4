/*
 * tracer/sysent.h: the syscall table, per personality: the contract between the engine and
 * the table (tracer/decode/sysent.c, one row per number in tracer/decode/syscallent_*.h).
 *
 * Names come from libseccomp (seccomp_syscall_resolve_num_arch), asked once by sysent_init();
 * the rest of each number's facts (arguments, classes, decoder) is its row.
 */
#ifndef EXECLAB_SYSENT_H
#define EXECLAB_SYSENT_H

#include <stdint.h>

/* A personality: which syscall table a call is numbered in. */
enum pers {
	PERS_X86_64 = 0,
	PERS_I386 = 1,
	PERS_COUNT
};

/* Syscall classes, as strace's -e trace=%CLASS defines them (strace's sysent flags). */
enum sys_class {
	CLASS_FILE = 1u << 0,	/* %file:    takes a file name */
	CLASS_DESC = 1u << 1,	/* %desc:    takes or returns a file descriptor */
	CLASS_PROCESS = 1u << 2,/* %process: process life cycle (fork, exec, exit, wait, kill) */
	CLASS_NETWORK = 1u << 3,/* %network */
	CLASS_SIGNAL = 1u << 4,	/* %signal */
	CLASS_IPC = 1u << 5,	/* %ipc */
	CLASS_MEMORY = 1u << 6,	/* %memory:  memory mapping */
	CLASS_CREDS = 1u << 7,	/* %creds */
	CLASS_CLOCK = 1u << 8,	/* %clock */
	/* strace's finer classes */
	CLASS_STAT_PATH = 1u << 9,	/* %stat:    stat of a path (stat, stat64, oldstat) */
	CLASS_STAT_LINK = 1u << 10,	/* %lstat:   stat of a link */
	CLASS_STAT_FD = 1u << 11,	/* %fstat:   stat of a descriptor (fstat, newfstatat, statx) */
	CLASS_STAT_ANY = 1u << 12,	/* %%stat:   every stat variant */
	CLASS_STATFS_PATH = 1u << 13,	/* %statfs */
	CLASS_STATFS_FD = 1u << 14,	/* %fstatfs */
	CLASS_STATFS_ANY = 1u << 15,	/* %%statfs: with ustat */
	CLASS_PURE = 1u << 16,		/* %pure:    always succeeds, no arguments (getpid, ...) */
	/* Any stat or statfs variant: what sysent_class_by_name() gives for every such name. */
	CLASS_STAT = CLASS_STAT_ANY | CLASS_STATFS_ANY,
};

/* Builds the name tables for every personality. Returns 0 or -errno. Call once. */
int sysent_init(void);

/* PERS_* for an AUDIT_ARCH_* value (from PTRACE_GET_SYSCALL_INFO), or -1 if unknown. */
int sysent_pers_from_audit_arch(uint32_t audit_arch);

/* The AUDIT_ARCH_* value of a personality. */
uint32_t sysent_audit_arch(int pers);

/* One more than the largest syscall number known for pers (table size). */
long sysent_count(int pers);

/* Name of syscall nr, or NULL if unknown (the engine prints "syscall_0x%lx" then). */
const char *sysent_name(int pers, long nr);

/* Number of nr for name, or -1 if pers has no such syscall. */
long sysent_lookup(int pers, const char *name);

/* CLASS_* flags of nr (0 if unknown). */
unsigned sysent_classes(int pers, long nr);

/* Number of arguments nr takes (0..6; 6 if unknown). */
int sysent_nargs(int pers, long nr);

/* The class for a name such as "file" or "%file" (without the %), or 0 if unknown. */
unsigned sysent_class_by_name(const char *name);

/*
 * Exact membership in strace's class NAME ("file", "%file", "%stat", "%%stat", "pure" ...).
 * sysent_class_by_name() maps every stat-ish name to the one CLASS_STAT bit; this tells
 * strace's finer classes apart: %stat (stat), %lstat, %fstat (fstat, newfstatat, statx),
 * %%stat (all of them), %statfs, %fstatfs, %%statfs (with ustat), and %pure (getpid, getuid,
 * ... calls that always succeed). Returns 1 or 0, or -1 if name is no class.
 */
int sysent_in_class(int pers, long nr, const char *name);

#endif
