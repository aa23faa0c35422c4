/*
 * tracer/decode.h: CONTRACT between the engine (tracer/engine/, tracer/report/output.c) and
 * the argument decoders (tracer/decode/FAMILY.c, tracer/xlat.c, tracer/strbuf.c).
 *
 * The engine captures, at each stop, what PTRACE_GET_SYSCALL_INFO returned into a
 * struct call, and passes a reader of tracee memory. Decoders are pure over those two:
 * unit tests drive them with a fake reader over a local buffer. They never call ptrace.
 *
 * A line is produced in two halves, like strace:
 *   decode_entry():  "openat(AT_FDCWD, \"/etc/passwd\", O_RDONLY"   (args known at entry)
 *   decode_exit():   ") = 3"  or  ", \"root:x:0:0\"..., 4096) = 4096"  (the rest + result)
 * so the engine can print "<unfinished ...>" after the first half and
 * "<... openat resumed>" before the second when another tracee's line comes between.
 */
#ifndef EXECLAB_DECODE_H
#define EXECLAB_DECODE_H

#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

/* ---- output buffer (tracer/strbuf.c) ------------------------------------------------ */

/* Fixed storage; appends past the end are dropped (len stays < cap, buf stays NUL-ended). */
struct strbuf {
	char *buf;
	size_t cap;
	size_t len;
};

void sb_init(struct strbuf *sb, char *storage, size_t cap);
void sb_reset(struct strbuf *sb);
void sb_puts(struct strbuf *sb, const char *s);
void sb_putc(struct strbuf *sb, char c);
void sb_printf(struct strbuf *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void sb_vprintf(struct strbuf *sb, const char *fmt, va_list ap);

/* ---- tracee memory ---------------------------------------------------------------- */

/*
 * Reads up to len bytes at the tracee's addr into buf. Returns the number of bytes read
 * (possibly short, e.g. at the end of a mapping) or -errno. The engine's reader uses
 * process_vm_readv with a PTRACE_PEEKDATA fallback; tests use a local buffer.
 */
struct tracee_mem {
	ssize_t (*read)(void *ctx, uint64_t addr, void *buf, size_t len);
	void *ctx;
	int pid;	/* the tracee, for what decoders look up in /proc; 0 if none */
};

/* ---- one system call ------------------------------------------------------------- */

struct call {
	int pers;		/* PERS_* (tracer/sysent.h) */
	long nr;		/* syscall number in that personality */
	uint64_t args[6];	/* from PTRACE_GET_SYSCALL_INFO at entry */
	int64_t rval;		/* at exit: the raw return value (-errno on error) */
	int is_error;		/* at exit: rval is -errno (info.exit.is_error) */
	int decoder_state;	/* private to the decoder between entry and exit; 0 at entry */
	int64_t entry_data[2];	/* private to the decoder between entry and exit: what its
				 * exit half prints as it was at entry (recvmmsg's timeout) */
};

struct decode_opts {
	int strsize;		/* -s: max string bytes shown (default 32) */
	int verbose;		/* -v: structures and arrays unabbreviated (execve's envp) */
	int xlat_style;		/* -X: enum xlat_style (tracer/xlat.h); 0: abbrev */
	int decode_fds;		/* -y 1: fds with their paths "3</etc/passwd>"; -yy 2: also
				 * sockets' protocol and addresses, devices' numbers */
	int xstr;		/* -x 1: strings with a non-ASCII byte in hex; -xx 2: all */
};

/* Appends "name(" and the arguments known at entry. */
void decode_entry(struct strbuf *sb, struct call *c, const struct tracee_mem *mem,
		  const struct decode_opts *o);

/*
 * decode_entry() for an engine that also has the tracee's stack pointer at entry
 * (PTRACE_GET_SYSCALL_INFO's stack_pointer): rt_sigreturn then shows the signal mask it
 * restores, like strace: "rt_sigreturn({mask=[]}". With sp == 0 this is decode_entry().
 */
void decode_entry_sp(struct strbuf *sb, struct call *c, const struct tracee_mem *mem,
		     const struct decode_opts *o, uint64_t sp);

/*
 * Appends the remaining arguments, ")", and " = RESULT": "= 3", "= 0x7f12a000" (mmap,
 * brk: hex), "= -1 ENOENT (No such file or directory)". For a call with no exit (the
 * process exited or exec'd first), the engine appends ") = ?" itself via decode_noreturn().
 */
void decode_exit(struct strbuf *sb, struct call *c, const struct tracee_mem *mem,
		 const struct decode_opts *o);

/*
 * decode_exit() in two parts, for an engine that pads between them like strace (which puts
 * " = " at column 40): appends the remaining arguments and ")" to args, and "= RESULT"
 * (no leading space) to result. decode_exit() is this with result appended after a space.
 */
void decode_exit_split(struct strbuf *args, struct strbuf *result, struct call *c,
		       const struct tracee_mem *mem, const struct decode_opts *o);

/*
 * For a line interrupted by another tracee's: appends ", " when the exit half will continue
 * the argument list, and notes it in c->decoder_state so the exit half then starts without
 * it, as strace splits such lines:
 *   "wait4(-1, " + " <unfinished ...>"   ...   "<... wait4 resumed>" + "[{WIFEXITED(s) ...}], 0, NULL) = 8436"
 *   "exit_group(0" + " <unfinished ...>" ...   "<... exit_group resumed>" + ") = ?"
 * Call it after decode_entry(), before printing " <unfinished ...>".
 */
void decode_unfinished(struct strbuf *sb, struct call *c);

/* Appends ") = ?" (exit, exit_group, a call cut short by the tracee's death). */
void decode_noreturn(struct strbuf *sb, struct call *c);

/* ---- -e read=FDS, -e write=FDS (tracer/decode/dumpio.c, hexdump.c, fdlist.c) ----------- */

/* A set of fds in strace's syntax: "3,5", "all", "none", "!1" (fdlist.c). */
#define FDLIST_MAX 1024
struct fdlist {
	int inverted;	/* the set is every fd except fds[] */
	size_t n;
	int *fds;
};
/* Replaces l with spec's set. 0, -EINVAL (a token that is not a descriptor, no token), or
 * -ENOMEM; l is unchanged on error. */
int fdlist_parse(struct fdlist *l, const char *spec);
int fdlist_has(const struct fdlist *l, int fd);

struct dump_sets {
	struct fdlist read, write;
};

/* One dump line (with its '\n') is at most this long. */
#define HEXDUMP_LINE_MAX 128
/* The offset's width for a dump of len bytes: 5 hex digits, more past 1 MiB (strace's). */
int hexdump_offset_width(uint64_t len);
/* Formats n (<= 16) bytes at offset off as one of strace's dump lines, ending in '\n'. */
void hexdump_line(char out[HEXDUMP_LINE_MAX], const unsigned char *p, size_t n, uint64_t off,
		  int width);

/* Receives each line of a dump (with its '\n'), to print it after the call's line. */
typedef void (*dump_emit)(void *ctx, const char *line);
/*
 * After a call's line: the bytes it wrote on an fd of sets->write (write, pwrite64, sendto,
 * mq_timedsend, writev, pwritev(2), vmsplice, sendmsg, sendmmsg), or read on an fd of
 * sets->read when it succeeded (read, pread64, recvfrom, mq_timedreceive, readv, preadv(2),
 * recvmsg, recvmmsg), as strace's hex dump lines: " | 00000  68 69 0a ...  hi. |", each
 * iovec buffer after " * N bytes in buffer I", each mmsghdr after " = N buffers in vector I".
 */
void decode_dumpio(const struct call *c, const struct tracee_mem *mem,
		   const struct dump_sets *sets, dump_emit emit, void *ctx);

/* ---- names (tracer/xlat.c) ------------------------------------------------------- */

/* "SIGTERM" for 15; "SIG123" style for unknown numbers (static storage for those). */
const char *signal_name(int sig);
/* "ENOENT" for 2, or NULL if unknown. */
const char *errno_name(int err);

/* Appends a signal-delivery line body: "SIGCHLD {si_signo=SIGCHLD, si_code=CLD_EXITED,
 * si_pid=123, si_uid=0, si_status=0, si_utime=0, si_stime=0}" (strace's form). */
void decode_siginfo(struct strbuf *sb, const siginfo_t *si);

#endif
