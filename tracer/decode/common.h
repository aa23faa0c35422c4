/*
 * tracer/decode/common.h: what every decoder shares (internal to tracer/decode/).
 *
 * A decoder is called at entry with d->exiting == 0 and prints the arguments known then,
 * each preceded by ", " except the first (use arg_sep()). It returns RV_* bits:
 *   RV_DONE   every argument is printed; it is not called again at exit;
 *   RV_HEX / RV_OCT / RV_UNSIGNED / RV_FD   how to print a successful return value.
 * Without RV_DONE it is called again at exit (d->exiting == 1) to print the rest; its return
 * value then decides the result's format, and it may put a comment for the result into
 * d->aux (printed as " (AUX)" after the value, like strace's "= 0x1 (flags FD_CLOEXEC)").
 */
#ifndef EXECLAB_DECODE_COMMON_H
#define EXECLAB_DECODE_COMMON_H

#include <stdint.h>
#include "tracer/decode.h"
#include "tracer/sysent.h"
#include "tracer/xlat.h"

struct dctx {
	struct strbuf *sb;
	struct call *c;
	const struct tracee_mem *mem;
	const struct decode_opts *o;
	int exiting;
	int nprinted;			/* arguments printed so far (for the ", " separator) */
	int saved;			/* kept from entry to exit (0..16383), e.g. an in/out length */
	int sep_done;			/* the next arg_sep() prints nothing (see decode_unfinished) */
	uint64_t sp;			/* the tracee's stack pointer at entry, or 0 if unknown */
	struct strbuf aux;		/* comment after the return value */
	char aux_storage[1024];		/* as large as strace's longest comment (poll's) */
};

enum {
	RV_DONE = 1 << 0,
	RV_HEX = 1 << 1,
	RV_OCT = 1 << 2,
	RV_UNSIGNED = 1 << 3,
	RV_FD = 1 << 4,		/* the result is a new fd (fcntl F_DUPFD), shown as -y shows fds */
};

typedef int (*decoder_fn)(struct dctx *d);

/* The decoder of nr's row in pers (tracer/decode/sysent.c), or NULL: arguments in hex. */
decoder_fn sysent_decoder(int pers, long nr);

/* ---- arguments ---- */
static inline int is_compat(const struct dctx *d) { return d->c->pers == PERS_I386; }
static inline uint64_t arg(const struct dctx *d, int i)
{
	return is_compat(d) ? (uint32_t)d->c->args[i] : d->c->args[i];
}
static inline int arg_int(const struct dctx *d, int i) { return (int)d->c->args[i]; }
static inline int64_t arg_long(const struct dctx *d, int i)
{
	return is_compat(d) ? (int32_t)d->c->args[i] : (int64_t)d->c->args[i];
}
static inline int failed(const struct dctx *d) { return d->exiting && d->c->is_error; }
static inline int64_t retval(const struct dctx *d) { return d->c->rval; }
static inline unsigned ptr_size(const struct dctx *d) { return is_compat(d) ? 4 : 8; }

/* ---- printing one argument: each starts with the ", " separator when needed ---- */
void arg_sep(struct dctx *d);
void p_int(struct dctx *d, int i);		/* signed int: fds, pids, counts */
void p_long(struct dctx *d, int i);		/* signed long */
void p_uint(struct dctx *d, int i);		/* unsigned int */
void p_ulong(struct dctx *d, int i);		/* unsigned long: sizes */
void p_hex(struct dctx *d, int i);		/* 0x..., 0 as "0" */
void p_ptr(struct dctx *d, int i);		/* NULL or 0x... */
/* At exit, a buffer the kernel filled: its retval bytes as a string (cut at -s), or its
 * address if the call failed. */
void p_out_buf(struct dctx *d, int i);
/* At exit, a struct the kernel filled: shown by print_at, or its address if the call failed. */
void p_out_struct(struct dctx *d, int i, void (*print_at)(struct dctx *d, uint64_t addr));
void p_oct(struct dctx *d, int i);		/* mode: 0644 */
void p_fd(struct dctx *d, int i);
void p_dirfd(struct dctx *d, int i);
void p_path(struct dctx *d, int i);		/* NUL-terminated, up to PATH_MAX, not cut at -s */
void p_str(struct dctx *d, int i);		/* NUL-terminated, cut at -s */
void p_buf(struct dctx *d, int i, uint64_t len);	/* len bytes, cut at -s */
void p_flags(struct dctx *d, int i, const struct xlat *x, const char *zero);
void p_enum(struct dctx *d, int i, const struct xlat *x, const char *unknown);
/* Flags as p_flags, but bits no entry names alone print as "0x4 /\* CLONE_??? *\/". */
void p_flags_or_unknown(struct dctx *d, int i, const struct xlat *x, const char *unknown);
void p_signo(struct dctx *d, int i);
void p_sigset(struct dctx *d, int i, uint64_t size);	/* "[INT TERM]" read from tracee */
void p_str_raw(struct dctx *d, const char *s);	/* a literal, e.g. "child_stack=" */

/* ---- values (no separator) ---- */
void print_addr(struct strbuf *sb, uint64_t addr);	/* NULL or 0x... */
/* Reads exactly len bytes; 0 on success, -1 if short or failed. */
int mem_read_full(const struct dctx *d, uint64_t addr, void *buf, size_t len);
/* Reads what it can of len bytes, page by page (stopping after a NUL when stop_at_nul). */
size_t mem_read_some(const struct dctx *d, uint64_t addr, unsigned char *buf, size_t len,
		     int stop_at_nul);
/*
 * Appends the escaped string at addr: NUL-terminated when len < 0 (at most maxlen bytes
 * shown, "..." when cut), else len bytes (at most maxlen shown). NULL for 0, the address in
 * hex when unreadable. hex forces "\x.." for every byte (getrandom).
 */
void print_tracee_str(struct dctx *d, uint64_t addr, int64_t len, uint64_t maxlen, int hex);
/*
 * Escapes n bytes strace's way, without quotes. hex forces "\x.." for every byte; else the
 * -x/-xx setting (escape_set_xstr) decides: -x hex-escapes the whole string when a byte is
 * neither printable ASCII nor white space, -xx always.
 */
void print_escaped(struct strbuf *sb, const unsigned char *s, size_t n, int hex);
/* print_escaped that also escapes the bytes in also (octal), as strace's "<>" in fd paths. */
void print_escaped_ex(struct strbuf *sb, const unsigned char *s, size_t n, int hex,
		      const char *also);
/* The -x/-xx level (struct decode_opts' xstr) print_escaped follows. */
void escape_set_xstr(int xstr);
/* fd as a number, with -y/-yy its path or socket after it: "3</etc/passwd>" (fdpath.c). */
void print_fd(struct dctx *d, int fd);
/* AT_FDCWD, with -y the tracee's cwd after it as strace prints it: "AT_FDCWD</tmp>". */
void print_at_fdcwd(struct dctx *d);
/* The two fds of pipe and socketpair: "[3, 4]", with -y "[3<pipe:[1]>, 4<pipe:[1]>]". */
void print_fd_array2(struct dctx *d, const int fds[2]);
/* Whether a successful result of c is a new fd, printed by print_fd with -y (fdpath.c). */
int call_returns_fd(const struct call *c);
/* "{tv_sec=1, tv_nsec=0}" from the tracee, or the address. */
void print_timespec_at(struct dctx *d, uint64_t addr);
void print_int_at(struct dctx *d, uint64_t addr);	/* "[5]", or the address if unreadable */
/* Clock ticks, and the seconds they stand for when nonzero: "3 /\* 0.03 s *\/". */
void print_clock_t(struct strbuf *sb, long long ticks);
void print_timeval_at(struct dctx *d, uint64_t addr);
/* "[{iov_base=\"..\", iov_len=N}, ...]", data limited to total bytes in all (desc.c). */
void print_iov(struct dctx *d, uint64_t addr, uint64_t count, int64_t total);
/* print_iov with each buffer's data shown by print_data (len: the bytes that count). */
void print_iov_data(struct dctx *d, uint64_t addr, uint64_t count, int64_t total,
		    void (*print_data)(struct dctx *d, uint64_t addr, uint64_t len));
/*
 * strace's array of count elements of size bytes at addr: "[E, E, ...]", each element's
 * bytes shown by print_elem; at most -s elements, then "..."; NULL for 0, the address if
 * the first element cannot be read, ", ... /\* ADDR *\/" where a later one cannot (array.c).
 */
void print_array(struct dctx *d, uint64_t addr, uint64_t count, size_t size,
		 void (*print_elem)(struct dctx *d, const void *elem, size_t size));
/* fd of the tracee is a netlink socket (its /proc fd's protocol name); 0 if unknown. */
int fd_is_netlink(const struct dctx *d, int fd);
/* The NETLINK_* protocol of the tracee's netlink socket fd, asked of sock_diag as strace
 * does (in trace's own network namespace), or -1 if unknown (fdpath.c). */
int fd_netlink_protocol(const struct dctx *d, int fd);
/* The netlink messages in len bytes at addr, as strace prints them (netlink.c). */
void print_netlink(struct dctx *d, uint64_t addr, uint64_t len);
/* strace's rlimit value: RLIM64_INFINITY, 8192*1024, or the number. */
void print_rlim(struct strbuf *sb, uint64_t v);
/* "{si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=..., ...}" (signal.c; waitid's result). */
void print_siginfo(struct strbuf *sb, const siginfo_t *si);

/* Family decoders (one file each). */
#define DECODER(name) int dec_##name(struct dctx *d)
#endif
