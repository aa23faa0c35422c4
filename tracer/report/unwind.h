/*
 * tracer/report/unwind.h: `-k`: the tracee's user stack at a syscall stop, walked by
 * libunwind-ptrace and named by the mapped files' symbol tables (symbols.h: .symtab or
 * the separate debug info found by build-id, as gdb's `info symbol` names them).
 *
 * Per process (thread group): one libunwind address space (caching policy
 * UNW_CACHE_GLOBAL) and the executable mappings parsed from /proc/TGID/maps. Per thread:
 * one _UPT context, created at its first unwind and destroyed by unwind_forget().
 * Symbols: one table per mapped file (device, inode), read at its first use, and a cache
 * keyed by (device, inode, offset in the file): the name of the function at an address
 * depends only on the file's contents, so both stay valid across mmap/munmap, execve and
 * fork (the same libc in every process hits the same entries). Anonymous mappings
 * ([vdso], JIT code) are named by libunwind from the tracee's memory, uncached.
 * A frame above another (not above a signal frame) holds a return address: the function
 * named is the one holding the call before it, at the offset of the return address
 * (a call that never returns may end its function: `exit+0x1a` where exit is 0x1a long).
 *
 * Output per frame, strace's format (strace -k):
 *    > /usr/lib/x86_64-linux-gnu/libc.so.6(__write+0x10) [0xf8350]
 *    > /usr/bin/prog() [0x1234]                 (no symbol)
 *    > unexpected_backtracing_error [0x7f...]   (no mapping holds the address)
 * where [0x...] is the address as an offset in the file (ip - map start + map offset).
 *
 * The tracee thread must be in a ptrace stop during unwind_*() calls on it.
 */
#ifndef EXECLAB_UNWIND_H
#define EXECLAB_UNWIND_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/types.h>

struct unwinder;

struct unwind_frame {
	uint64_t ip;			/* absolute address in the tracee */
	const char *module;		/* mapped file, or NULL if no mapping holds ip */
	uint64_t module_off;		/* ip as an offset in that file */
	const char *func;		/* function name, or NULL if unknown */
	uint64_t func_off;		/* ip - function start */
};

struct unwind_stats {
	uint64_t unwinds, frames;
	uint64_t sym_hits, sym_misses;	/* symbol cache lookups */
	uint64_t files_read;		/* symbol tables read (one per file, or per walk
					 * without the cache) */
	uint64_t maps_reads;		/* /proc/PID/maps parses */
	uint64_t code_changes;		/* re-reads that found new code mappings: libunwind's
					 * caches for that process dropped */
};

/*
 * cache: keep the files' symbol tables, the symbol cache and libunwind's
 * UNW_CACHE_GLOBAL across walks (false: none of them, each walk reads the files again;
 * for measurements). NULL on allocation failure.
 */
struct unwinder *unwinder_new(bool cache);
void unwinder_free(struct unwinder *u);

/*
 * Walks thread tid (of process tgid; 0 if the caller does not know it: read once from
 * /proc/TID/status, then remembered) into frames[0..max-1]. Returns the number of frames
 * (>= 1 when the first ip could be read), or -errno: -ENOEXEC for a 32-bit program
 * (libunwind here walks x86_64 stacks only; an x86_64 program making int $0x80 calls
 * is walked fine), -ESRCH if the thread is gone. Strings in frames stay valid until
 * the next unwind_*() call on u.
 */
int unwind_collect(struct unwinder *u, pid_t tid, pid_t tgid, struct unwind_frame *frames,
		   int max);

/* Prints the stack of tid, one " > ..." line per frame (format above), at most 256
 * frames. Returns the number of frames printed, or -errno (then prints nothing). */
int unwind_print(struct unwinder *u, pid_t tid, pid_t tgid, FILE *out);

/* Formats one frame (no newline) into buf, as unwind_print() prints it. */
void unwind_format_frame(char *buf, size_t size, const struct unwind_frame *f);

/*
 * Process tgid's mappings may have changed. MUST be called at PTRACE_EVENT_EXEC (after
 * an exec the same addresses hold other code). Should be called at the exit of a
 * successful mmap, munmap, mprotect, mremap when the tracer sees them (brk: no need).
 * Cheap: marks the maps stale; the next walk of tgid re-reads /proc/TGID/maps, and only
 * if its executable mappings differ drops libunwind's caches for tgid. Symbol names,
 * keyed by file, are kept. Without a flush (a filtered mmap), a walk that meets an
 * address outside every known mapping re-reads the maps by itself (once per such
 * address), so new code (dlopen) is found; only code replaced at the same address
 * (dlclose then dlopen) needs the flush to be named right.
 */
void unwind_flush(struct unwinder *u, pid_t tgid);	/* a tid of the group is fine too */

/* Thread tid is gone (exited, detached): frees its _UPT context. */
void unwind_forget(struct unwinder *u, pid_t tid);

/* The whole process is gone: frees its address space, mappings and threads. For any
 * other pid (a thread's) it does nothing, so the engine may call it, then
 * unwind_forget(), for every pid it reaps. */
void unwind_forget_process(struct unwinder *u, pid_t tgid);

struct unwind_stats unwind_get_stats(const struct unwinder *u);

#endif
