/*
 * tracer/decode/desc.c: decoders for calls on file descriptors: read/write and friends,
 * dup3, pipe*, lseek, fcntl, ioctl, poll, select, getdents, epoll, eventfd, inotify (close,
 * dup, dup2, ftruncate, sendfile, inotify_rm_watch are signatures).
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <inttypes.h>
#include <stddef.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <linux/fs.h>
#include "tracer/decode/common.h"
#include "tracer/decode/xlat_compat.h"

DECODER(read)
{
	if (!d->exiting) {
		p_fd(d, 0);
		return 0;
	}
	p_out_buf(d, 1);
	p_ulong(d, 2);
	return 0;
}

DECODER(write)
{
	p_fd(d, 0);
	p_buf(d, 1, arg(d, 2));
	p_ulong(d, 2);
	return RV_DONE;
}

/* The 64-bit file offset of pread64/pwrite64: split over two registers on i386. */
static void print_offset64(struct dctx *d, int i)
{
	arg_sep(d);
	if (is_compat(d))
		sb_printf(d->sb, "%" PRId64, (int64_t)(arg(d, i) | arg(d, i + 1) << 32));
	else
		sb_printf(d->sb, "%" PRId64, (int64_t)arg(d, i));
}

DECODER(pread64)
{
	if (!d->exiting) {
		p_fd(d, 0);
		return 0;
	}
	p_out_buf(d, 1);
	p_ulong(d, 2);
	print_offset64(d, 3);
	return 0;
}

DECODER(pwrite64)
{
	p_fd(d, 0);
	p_buf(d, 1, arg(d, 2));
	p_ulong(d, 2);
	print_offset64(d, 3);
	return RV_DONE;
}

/* [{iov_base="..", iov_len=N}, ...]; data limited to total bytes (for readv: the result). */
void print_iov(struct dctx *d, uint64_t addr, uint64_t count, int64_t total)
{
	print_iov_data(d, addr, count, total, NULL);
}

void print_iov_data(struct dctx *d, uint64_t addr, uint64_t count, int64_t total,
		    void (*print_data)(struct dctx *d, uint64_t addr, uint64_t len))
{
	unsigned psz = ptr_size(d);
	uint64_t i;

	if (!addr || count > 1024) {
		print_addr(d->sb, addr);
		return;
	}
	sb_putc(d->sb, '[');
	for (i = 0; i < count; i++) {
		uint64_t base = 0, len = 0;

		if (i >= (uint64_t)d->o->strsize) {
			sb_puts(d->sb, i ? ", ..." : "...");
			break;
		}
		if (mem_read_full(d, addr + i * 2 * psz, &base, psz) < 0 ||
		    mem_read_full(d, addr + i * 2 * psz + psz, &len, psz) < 0) {
			if (i == 0) {
				d->sb->len--;		/* drop the '[' */
				d->sb->buf[d->sb->len] = '\0';
				print_addr(d->sb, addr);
				return;
			}
			sb_puts(d->sb, ", ...");
			break;
		}
		sb_printf(d->sb, "%s{iov_base=", i ? ", " : "");
		if (total >= 0) {
			uint64_t show = (uint64_t)total < len ? (uint64_t)total : len;

			if (print_data)
				print_data(d, base, show);
			else
				print_tracee_str(d, base, (int64_t)show, (uint64_t)d->o->strsize, 0);
			total -= (int64_t)show;
		} else {
			print_addr(d->sb, base);
		}
		sb_printf(d->sb, ", iov_len=%" PRIu64 "}", len);
	}
	sb_putc(d->sb, ']');
}

DECODER(readv)
{
	if (!d->exiting) {
		p_fd(d, 0);
		return 0;
	}
	arg_sep(d);
	if (failed(d))
		print_addr(d->sb, arg(d, 1));
	else
		print_iov(d, arg(d, 1), arg(d, 2), retval(d));
	p_ulong(d, 2);
	return 0;
}

DECODER(writev)
{
	p_fd(d, 0);
	arg_sep(d);
	print_iov(d, arg(d, 1), arg(d, 2), INT64_MAX);
	p_ulong(d, 2);
	return RV_DONE;
}

DECODER(preadv)
{
	if (!d->exiting) {
		p_fd(d, 0);
		return 0;
	}
	arg_sep(d);
	if (failed(d))
		print_addr(d->sb, arg(d, 1));
	else
		print_iov(d, arg(d, 1), arg(d, 2), retval(d));
	p_ulong(d, 2);
	print_offset64(d, 3);
	return 0;
}

DECODER(pwritev)
{
	p_fd(d, 0);
	arg_sep(d);
	print_iov(d, arg(d, 1), arg(d, 2), INT64_MAX);
	p_ulong(d, 2);
	print_offset64(d, 3);
	return RV_DONE;
}

DECODER(dup3)
{
	p_fd(d, 0);
	p_fd(d, 1);
	p_flags(d, 2, xlat_pipe_flags, NULL);
	return RV_DONE;
}

/* pipe(fds) / pipe2(fds, flags): "[3, 4]" once the kernel has filled it. */
static void print_fd_pair(struct dctx *d, uint64_t addr)
{
	int fds[2];

	if (failed(d) || mem_read_full(d, addr, fds, sizeof fds) < 0)
		print_addr(d->sb, addr);
	else
		print_fd_array2(d, fds);
}

DECODER(pipe)
{
	if (!d->exiting)
		return 0;
	arg_sep(d);
	print_fd_pair(d, arg(d, 0));
	return 0;
}

DECODER(pipe2)
{
	if (!d->exiting)
		return 0;
	arg_sep(d);
	print_fd_pair(d, arg(d, 0));
	p_flags(d, 1, xlat_pipe_flags, NULL);
	return 0;
}

DECODER(lseek)
{
	p_fd(d, 0);
	p_long(d, 1);
	p_enum(d, 2, xlat_seek_whence, "SEEK_???");
	return RV_DONE;
}

DECODER(llseek)		/* i386 _llseek(fd, high, low, &result, whence) */
{
	uint64_t result;

	if (!d->exiting) {
		p_fd(d, 0);
		arg_sep(d);
		sb_printf(d->sb, "%" PRId64, (int64_t)(arg(d, 1) << 32 | arg(d, 2)));
		return 0;
	}
	arg_sep(d);
	if (failed(d) || mem_read_full(d, arg(d, 3), &result, sizeof result) < 0)
		print_addr(d->sb, arg(d, 3));
	else
		sb_printf(d->sb, "[%" PRId64 "]", (int64_t)result);
	p_enum(d, 4, xlat_seek_whence, "SEEK_???");
	return 0;
}

/*
 * The layouts of struct flock: a 64-bit process's (this build's own), an i386 process's
 * struct flock (the kernel's compat_flock: 32-bit offsets) and its struct flock64
 * (compat_flock64: 64-bit offsets, packed after the two shorts).
 */
struct flock_layout {
	size_t size, start, len, pid, off_size;
};
static const struct flock_layout flock_native = {
	sizeof(struct flock), offsetof(struct flock, l_start), offsetof(struct flock, l_len),
	offsetof(struct flock, l_pid), sizeof(((struct flock *)0)->l_start)
};
static const struct flock_layout flock_i386 = { 16, 4, 8, 12, 4 };
static const struct flock_layout flock64_i386 = { 24, 4, 12, 20, 8 };

/* "{l_type=F_RDLCK, l_whence=SEEK_SET, l_start=0, l_len=1[, l_pid=0]}" or the address. */
static void print_flock_at(struct dctx *d, uint64_t addr, const struct flock_layout *l,
			   int with_pid)
{
	unsigned char raw[sizeof(struct flock)];	/* the largest of the three */
	int16_t type, whence;
	int64_t start = 0, len = 0;
	int32_t pid;

	if (failed(d) || mem_read_full(d, addr, raw, l->size) < 0) {
		print_addr(d->sb, addr);
		return;
	}
	memcpy(&type, raw, sizeof type);
	memcpy(&whence, raw + 2, sizeof whence);
	if (l->off_size == 4) {
		int32_t s32, l32;

		memcpy(&s32, raw + l->start, sizeof s32);
		memcpy(&l32, raw + l->len, sizeof l32);
		start = s32;
		len = l32;
	} else {
		memcpy(&start, raw + l->start, sizeof start);
		memcpy(&len, raw + l->len, sizeof len);
	}
	memcpy(&pid, raw + l->pid, sizeof pid);
	sb_puts(d->sb, "{l_type=");
	xlat_print_enum(d->sb, xlat_flock_types, (uint16_t)type, "F_???");
	sb_puts(d->sb, ", l_whence=");
	xlat_print_enum(d->sb, xlat_seek_whence, (uint16_t)whence, "SEEK_???");
	sb_printf(d->sb, ", l_start=%" PRId64 ", l_len=%" PRId64, start, len);
	if (with_pid)
		sb_printf(d->sb, ", l_pid=%d", pid);
	sb_putc(d->sb, '}');
}

/*
 * The lock commands: the struct's layout, and whether the kernel fills it (F_GETLK and
 * friends: shown at exit, with l_pid) or only reads it.
 */
static int fcntl_lock_cmd(struct dctx *d, int cmd, const struct flock_layout **l, int *getlk)
{
	static const struct { int cmd, getlk, wide; } cmds[] = {
		{ F_SETLK, 0, 0 }, { F_SETLKW, 0, 0 }, { F_GETLK, 1, 0 },
		{ F_OFD_SETLK, 0, 1 }, { F_OFD_SETLKW, 0, 1 }, { F_OFD_GETLK, 1, 1 },
		{ F_SETLK64_I386, 0, 1 }, { F_SETLKW64_I386, 0, 1 }, { F_GETLK64_I386, 1, 1 },
	};
	size_t i;

	for (i = 0; i < sizeof cmds / sizeof cmds[0]; i++) {
		if (cmds[i].cmd != cmd)
			continue;
		/* A 64-bit process has one struct flock; the *64 commands are i386's. */
		if (!is_compat(d) && cmd >= F_GETLK64_I386 && cmd <= F_SETLKW64_I386)
			return 0;
		if (!is_compat(d))
			*l = &flock_native;
		else
			*l = cmds[i].wide ? &flock64_i386 : &flock_i386;
		*getlk = cmds[i].getlk;
		return 1;
	}
	return 0;
}

/*
 * fcntl(fd, cmd[, arg]): the commands without an argument print none; the lock commands
 * show their struct flock; F_GETFD/F_GETFL explain their result: "= 0x1 (flags FD_CLOEXEC)".
 */
DECODER(fcntl)
{
	int cmd = arg_int(d, 1);
	const struct flock_layout *lock;
	int getlk;

	if (fcntl_lock_cmd(d, cmd, &lock, &getlk)) {
		if (!d->exiting) {
			p_fd(d, 0);
			p_enum(d, 1, xlat_fcntl_cmds, "F_???");
		}
		if (getlk != d->exiting)
			return 0;	/* F_GETLK: the struct as the kernel leaves it */
		arg_sep(d);
		print_flock_at(d, arg(d, 2), lock, getlk);
		return getlk ? 0 : RV_DONE;
	}
	if (d->exiting) {
		if (failed(d))
			return 0;
		if (cmd == F_GETFD && retval(d)) {
			sb_puts(&d->aux, "flags ");
			xlat_print_flags(&d->aux, xlat_fd_flags, (uint64_t)retval(d), NULL);
			return RV_HEX;
		}
		if (cmd == F_GETFL) {
			/* strace 6.1 names F_GETFL's flags in every -X style */
			enum xlat_style style = xlat_set_style(XLAT_STYLE_ABBREV);

			sb_puts(&d->aux, "flags ");
			print_open_flags(&d->aux, (uint64_t)retval(d));
			xlat_set_style(style);
			return RV_HEX;
		}
		return 0;
	}
	p_fd(d, 0);
	p_enum(d, 1, xlat_fcntl_cmds, "F_???");
	switch (cmd) {
	case F_GETFD: case F_GETFL: case F_GETOWN: case F_GETSIG: case F_GETLEASE:
	case F_GETPIPE_SZ: case F_GET_SEALS:
		return 0;
	case F_SETFD:
		p_flags(d, 2, xlat_fd_flags, NULL);
		break;
	case F_SETFL:
		arg_sep(d);
		print_open_flags(d->sb, arg(d, 2));
		break;
	case F_SETSIG:
		p_signo(d, 2);
		break;
	case F_DUPFD: case F_DUPFD_CLOEXEC: case F_SETOWN: case F_SETLEASE: case F_NOTIFY:
	case F_SETPIPE_SZ: case F_ADD_SEALS:
		p_long(d, 2);
		break;
	default:
		p_ptr(d, 2);
		break;
	}
	return RV_DONE | (cmd == F_DUPFD || cmd == F_DUPFD_CLOEXEC ? RV_FD : 0);
}

/* An ioctl request no table names, in strace's _IOC(dir, type, nr, size) form. */
static void print_ioc(struct strbuf *sb, uint32_t req)
{
	static const char *const dirs[] = {
		"_IOC_NONE", "_IOC_WRITE", "_IOC_READ", "_IOC_READ|_IOC_WRITE"
	};

	sb_printf(sb, "_IOC(%s, %#x, %#x, %#x)", dirs[_IOC_DIR(req)], _IOC_TYPE(req), _IOC_NR(req),
		  _IOC_SIZE(req));
}

/* Within CBAUD: the speed's index among B0..B38400, or with CBAUDEX among B57600... */
#define BAUD_INDEX (CBAUD & ~CBAUDEX)

/* struct termios as strace abbreviates it: "{B38400 opost isig icanon echo ...}". */
static void print_termios_at(struct dctx *d, uint64_t addr)
{
	static const char *const speeds[] = {
		"B0", "B50", "B75", "B110", "B134", "B150", "B200", "B300", "B600", "B1200",
		"B1800", "B2400", "B4800", "B9600", "B19200", "B38400",
	};
	static const char *const hispeeds[] = {
		"B57600", "B115200", "B230400", "B460800", "B500000", "B576000", "B921600",
		"B1000000", "B1152000", "B1500000", "B2000000", "B2500000", "B3000000",
		"B3500000", "B4000000",
	};
	uint32_t t[4];		/* c_iflag, c_oflag, c_cflag, c_lflag */
	unsigned baud;

	if (mem_read_full(d, addr, t, sizeof t) < 0) {
		print_addr(d->sb, addr);
		return;
	}
	baud = t[2] & CBAUD;
	sb_putc(d->sb, '{');
	if (baud < 16)
		sb_puts(d->sb, speeds[baud]);
	else if ((baud & BAUD_INDEX) >= 1 && (baud & BAUD_INDEX) <= 15 && (baud & CBAUDEX))
		sb_puts(d->sb, hispeeds[(baud & BAUD_INDEX) - 1]);
	else
		sb_printf(d->sb, "%#o", baud);
	sb_printf(d->sb, " %sopost %sisig %sicanon %secho ...}",
		  t[1] & OPOST ? "" : "-", t[3] & ISIG ? "" : "-", t[3] & ICANON ? "" : "-",
		  t[3] & ECHO ? "" : "-");
}

static void print_winsize_at(struct dctx *d, uint64_t addr)
{
	uint16_t w[4];

	if (mem_read_full(d, addr, w, sizeof w) < 0)
		print_addr(d->sb, addr);
	else
		sb_printf(d->sb, "{ws_row=%u, ws_col=%u, ws_xpixel=%u, ws_ypixel=%u}",
			  w[0], w[1], w[2], w[3]);
}

/* What an ioctl request's third argument is, and when it is shown. */
enum ioctl_arg {
	IOA_ADDR,		/* at exit: its address (a request named but not decoded) */
	IOA_NONE,		/* nothing: the request takes no argument */
	IOA_INT,		/* the value itself, a signed int */
	IOA_INT_IN,		/* at entry: the int it points to, "[1]" */
	IOA_INT_OUT,		/* at exit: the int the kernel stored */
	IOA_WINSIZE_IN,
	IOA_WINSIZE_OUT,
	IOA_TERMIOS_OUT,
};

static const struct { uint32_t req; enum ioctl_arg arg; } ioctl_args[] = {
	{ FIOCLEX, IOA_NONE }, { FIONCLEX, IOA_NONE }, { TIOCEXCL, IOA_NONE },
	{ TIOCNXCL, IOA_NONE }, { TIOCNOTTY, IOA_NONE }, { TIOCCONS, IOA_NONE },
	{ TIOCSBRK, IOA_NONE }, { TIOCCBRK, IOA_NONE }, { TIOCVHANGUP, IOA_NONE },
	{ TCSBRK, IOA_INT }, { TCSBRKP, IOA_INT }, { TIOCSCTTY, IOA_INT }, { FICLONE, IOA_INT },
	{ TIOCSPGRP, IOA_INT_IN }, { FIONBIO, IOA_INT_IN }, { FIOASYNC, IOA_INT_IN },
	{ TIOCSETD, IOA_INT_IN }, { TIOCPKT, IOA_INT_IN }, { TIOCSPTLCK, IOA_INT_IN },
	{ FIONREAD, IOA_INT_OUT }, { TIOCGPGRP, IOA_INT_OUT }, { TIOCGSID, IOA_INT_OUT },
	{ TIOCGETD, IOA_INT_OUT }, { TIOCGPTN, IOA_INT_OUT }, { TIOCOUTQ, IOA_INT_OUT },
	{ TIOCSWINSZ, IOA_WINSIZE_IN }, { TIOCGWINSZ, IOA_WINSIZE_OUT },
	{ TCGETS, IOA_TERMIOS_OUT },
};

static enum ioctl_arg ioctl_arg_of(uint32_t req)
{
	size_t i;

	for (i = 0; i < sizeof ioctl_args / sizeof ioctl_args[0]; i++)
		if (ioctl_args[i].req == req)
			return ioctl_args[i].arg;
	return IOA_ADDR;
}

/*
 * ioctl(fd, request, arg): request by name for the common tty/file requests (else in
 * strace's _IOC form, its argument in hex); the argument as ioctl_args says.
 */
DECODER(ioctl)
{
	uint32_t req = (uint32_t)arg(d, 1);
	const char *name = xlat_name(xlat_ioctl_requests, req);
	enum ioctl_arg kind = ioctl_arg_of(req);

	if (!d->exiting) {
		p_fd(d, 0);
		arg_sep(d);
		if (name)
			xlat_print_styled(d->sb, req, XLAT_NUM_HEX, name);
		else
			print_ioc(d->sb, req);
		switch (kind) {
		case IOA_NONE:
			return RV_DONE;
		case IOA_INT:
			p_int(d, 2);
			return RV_DONE;
		case IOA_INT_IN:
			arg_sep(d);
			print_int_at(d, arg(d, 2));
			return RV_DONE;
		case IOA_WINSIZE_IN:
			arg_sep(d);
			print_winsize_at(d, arg(d, 2));
			return RV_DONE;
		default:
			break;
		}
		if (!name) {
			p_hex(d, 2);	/* strace: an unknown request's argument is a number */
			return RV_DONE;
		}
		return 0;
	}
	arg_sep(d);
	if (failed(d) || !arg(d, 2)) {
		print_addr(d->sb, arg(d, 2));
		return 0;
	}
	switch (kind) {
	case IOA_TERMIOS_OUT:
		print_termios_at(d, arg(d, 2));
		break;
	case IOA_WINSIZE_OUT:
		print_winsize_at(d, arg(d, 2));
		break;
	case IOA_INT_OUT:
		print_int_at(d, arg(d, 2));
		break;
	default:
		print_addr(d->sb, arg(d, 2));
		break;
	}
	return 0;
}

/*
 * strace writes poll's result comment into 1024 bytes and ends it with "..." where the next
 * revents entry would leave less than room for an address and ", ], ...": past this length.
 */
#define POLL_REVENTS_ROOM (1024 - (2 + 2 * sizeof(long) + sizeof(", ], ...")))

/* Appends "[{fd=3, events=POLLIN}, ...]" (or revents when exiting). */
static int print_pollfds(struct dctx *d, uint64_t addr, uint64_t nfds, int revents)
{
	struct { int32_t fd; int16_t events, revents; } p;
	uint64_t i;
	int shown = 0;
	char entry[128];
	struct strbuf one;

	sb_init(&one, entry, sizeof entry);

	if (!addr || nfds > 4096) {
		print_addr(d->sb, addr);
		return 0;
	}
	sb_putc(d->sb, '[');
	for (i = 0; i < nfds; i++) {
		if (mem_read_full(d, addr + i * sizeof p, &p, sizeof p) < 0) {
			sb_puts(d->sb, shown ? ", ..." : "...");
			break;
		}
		if (revents && !p.revents)
			continue;
		if (shown >= d->o->strsize) {
			sb_puts(d->sb, shown ? ", ..." : "...");
			break;
		}
		sb_printf(&one, "{fd=%d, %s=", p.fd, revents ? "revents" : "events");
		xlat_print_flags(&one, xlat_poll_events, (uint16_t)(revents ? p.revents : p.events),
				 NULL);
		sb_putc(&one, '}');
		if (revents && d->sb->len + (shown ? 2 : 0) + one.len >= POLL_REVENTS_ROOM) {
			sb_puts(d->sb, shown ? ", ..." : "...");
			break;
		}
		sb_printf(d->sb, "%s%s", shown ? ", " : "", one.buf);
		sb_reset(&one);
		shown++;
	}
	sb_putc(d->sb, ']');
	return shown;
}

/* The result comment of poll/ppoll: "Timeout" or the fds that are ready. */
static int poll_exit(struct dctx *d)
{
	struct strbuf *saved = d->sb;

	if (failed(d))
		return 0;
	if (retval(d) == 0) {
		sb_puts(&d->aux, "Timeout");
		return 0;
	}
	d->sb = &d->aux;
	print_pollfds(d, arg(d, 0), arg(d, 1), 1);
	d->sb = saved;
	return 0;
}

DECODER(poll)
{
	if (d->exiting)
		return poll_exit(d);
	arg_sep(d);
	print_pollfds(d, arg(d, 0), arg(d, 1), 0);
	p_ulong(d, 1);
	p_int(d, 2);
	return 0;
}

DECODER(ppoll)
{
	if (d->exiting)
		return poll_exit(d);
	arg_sep(d);
	print_pollfds(d, arg(d, 0), arg(d, 1), 0);
	p_ulong(d, 1);
	arg_sep(d);
	print_timespec_at(d, arg(d, 2));
	p_sigset(d, 3, arg(d, 4));
	p_ulong(d, 4);
	return 0;
}

/* An fd_set of nfds bits: "[3 5]", NULL, or the address. */
static void print_fdset(struct dctx *d, uint64_t addr, int nfds)
{
	unsigned char set[1024 / 8];
	size_t bytes;
	int fd, first = 1;

	if (!addr) {
		sb_puts(d->sb, "NULL");
		return;
	}
	if (nfds < 0 || nfds > 1024)
		nfds = 1024;
	bytes = ((size_t)nfds + 63) / 64 * 8;	/* whole longs */
	if (bytes && mem_read_full(d, addr, set, bytes) < 0) {
		print_addr(d->sb, addr);
		return;
	}
	sb_putc(d->sb, '[');
	for (fd = 0; fd < nfds; fd++) {
		if (!(set[fd / 8] & (1u << (fd % 8))))
			continue;
		sb_printf(d->sb, "%s%d", first ? "" : " ", fd);
		first = 0;
	}
	sb_putc(d->sb, ']');
}

static void select_sets(struct dctx *d)
{
	int i, nfds = arg_int(d, 0);

	p_int(d, 0);
	for (i = 1; i <= 3; i++) {
		arg_sep(d);
		print_fdset(d, arg(d, i), nfds);
	}
}

/* Counts the fds set in an fd_set of nfds bits at addr (-1 if unreadable). */
static int fdset_count(struct dctx *d, uint64_t addr, int nfds)
{
	unsigned char set[1024 / 8];
	size_t bytes;
	int fd, n = 0;

	if (nfds < 0 || nfds > 1024)
		nfds = 1024;
	bytes = ((size_t)nfds + 63) / 64 * 8;
	if (!addr || !bytes || mem_read_full(d, addr, set, bytes) < 0)
		return -1;
	for (fd = 0; fd < nfds; fd++)
		n += (set[fd / 8] >> (fd % 8)) & 1;
	return n;
}

/*
 * The result comment of select/pselect6: "Timeout", or the ready sets and the time left,
 * "in [5], left {tv_sec=0, tv_nsec=0}".
 */
static int select_exit(struct dctx *d, int timespec)
{
	static const char *const set_names[] = { "in", "out", "except" };
	struct strbuf *saved = d->sb;
	int i, nfds = arg_int(d, 0), shown = 0;

	if (failed(d))
		return 0;
	if (retval(d) == 0) {
		sb_puts(&d->aux, "Timeout");
		return 0;
	}
	d->sb = &d->aux;
	for (i = 1; i <= 3; i++) {
		if (fdset_count(d, arg(d, i), nfds) <= 0)
			continue;
		sb_printf(d->sb, "%s%s ", shown++ ? ", " : "", set_names[i - 1]);
		print_fdset(d, arg(d, i), nfds);
	}
	if (arg(d, 4)) {
		sb_puts(d->sb, shown ? ", left " : "left ");
		if (timespec)
			print_timespec_at(d, arg(d, 4));
		else
			print_timeval_at(d, arg(d, 4));
	}
	d->sb = saved;
	return 0;
}

DECODER(select)
{
	if (sysent_nargs(d->c->pers, d->c->nr) == 1) {
		/* i386 old select: one pointer to the five arguments. */
		p_ptr(d, 0);
		return RV_DONE;
	}
	if (d->exiting)
		return select_exit(d, 0);
	select_sets(d);
	arg_sep(d);
	print_timeval_at(d, arg(d, 4));
	return 0;
}

DECODER(pselect6)
{
	if (d->exiting)
		return select_exit(d, 1);
	select_sets(d);
	arg_sep(d);
	print_timespec_at(d, arg(d, 4));
	p_ptr(d, 5);
	return 0;
}

/* getdents/getdents64(fd, dirp, count): strace counts the entries: "0x... /\* 29 entries *\/". */
static int dents(struct dctx *d, int is64)
{
	unsigned char buf[65536];
	uint64_t len;
	size_t off = 0;
	unsigned n = 0;

	if (!d->exiting) {
		p_fd(d, 0);
		return 0;
	}
	arg_sep(d);
	print_addr(d->sb, arg(d, 1));
	if (!failed(d)) {
		len = (uint64_t)retval(d);
		if (len <= sizeof buf && mem_read_full(d, arg(d, 1), buf, (size_t)len) == 0) {
			/* d_reclen sits after d_ino, d_off: 8+8 (64) or 2 longs (getdents). */
			size_t reclen_off = is64 ? 16 : 2 * ptr_size(d);

			while (off + reclen_off + 2 <= len) {
				uint16_t reclen;

				memcpy(&reclen, buf + off + reclen_off, sizeof reclen);
				if (!reclen)
					break;
				n++;
				off += reclen;
			}
			sb_printf(d->sb, " /* %u entries */", n);
		}
	}
	p_ulong(d, 2);
	return 0;
}

DECODER(getdents)
{
	return dents(d, 0);
}

DECODER(getdents64)
{
	return dents(d, 1);
}

DECODER(fadvise64)
{
	p_fd(d, 0);
	p_long(d, 1);
	p_long(d, 2);
	p_enum(d, 3, xlat_fadvise, "POSIX_FADV_???");
	return RV_DONE;
}

DECODER(flock)
{
	p_fd(d, 0);
	p_flags(d, 1, xlat_flock_ops, NULL);
	return RV_DONE;
}

DECODER(epoll_create1)
{
	p_flags(d, 0, xlat_epoll_create_flags, NULL);
	return RV_DONE;
}

/* struct epoll_event: packed on x86, in both personalities. */
struct epoll_ev {
	uint32_t events;
	uint64_t data;
} __attribute__((packed));

/* "{events=EPOLLIN, data={u32=3, u64=3}}": the tracee's own format of data is unknown. */
static void print_epoll_event(struct dctx *d, const void *elem, size_t size)
{
	const struct epoll_ev *ev = elem;

	(void)size;
	sb_puts(d->sb, "{events=");
	xlat_print_flags(d->sb, xlat_epoll_events, ev->events, NULL);
	sb_printf(d->sb, ", data={u32=%" PRIu32 ", u64=%" PRIu64 "}}", (uint32_t)ev->data,
		  ev->data);
}

DECODER(epoll_ctl)
{
	struct epoll_ev ev;

	p_fd(d, 0);
	p_enum(d, 1, xlat_epoll_ctl_ops, "EPOLL_CTL_???");
	p_fd(d, 2);
	arg_sep(d);
	/* EPOLL_CTL_DEL reads no event: its pointer is shown as it is. */
	if ((uint32_t)arg(d, 1) != EPOLL_CTL_DEL && arg(d, 3) &&
	    mem_read_full(d, arg(d, 3), &ev, sizeof ev) == 0)
		print_epoll_event(d, &ev, sizeof ev);
	else
		print_addr(d->sb, arg(d, 3));
	return RV_DONE;
}

/* epoll_wait, epoll_pwait, epoll_pwait2: the events the kernel filled, at exit. */
static void print_epoll_events_out(struct dctx *d)
{
	arg_sep(d);
	print_array(d, arg(d, 1), failed(d) ? UINT64_MAX : (uint64_t)retval(d),
		    sizeof(struct epoll_ev), print_epoll_event);
	p_int(d, 2);
}

DECODER(epoll_wait)
{
	if (!d->exiting) {
		p_fd(d, 0);
		return 0;
	}
	print_epoll_events_out(d);
	p_int(d, 3);
	return 0;
}

/* The signal mask and its size, after the timeout. */
static void print_epoll_sigmask(struct dctx *d)
{
	p_sigset(d, 4, arg(d, 5));
	p_ulong(d, 5);
}

DECODER(epoll_pwait)
{
	if (!d->exiting) {
		p_fd(d, 0);
		return 0;
	}
	print_epoll_events_out(d);
	p_int(d, 3);
	print_epoll_sigmask(d);
	return 0;
}

DECODER(epoll_pwait2)
{
	if (!d->exiting) {
		p_fd(d, 0);
		return 0;
	}
	print_epoll_events_out(d);
	arg_sep(d);
	print_timespec_at(d, arg(d, 3));
	print_epoll_sigmask(d);
	return 0;
}

DECODER(eventfd2)
{
	p_ulong(d, 0);
	p_flags(d, 1, xlat_eventfd_flags, NULL);
	return RV_DONE;
}

DECODER(inotify_init1)
{
	p_flags(d, 0, xlat_inotify_init_flags, NULL);
	return RV_DONE;
}

DECODER(inotify_add_watch)
{
	p_fd(d, 0);
	p_path(d, 1);
	p_flags(d, 2, xlat_inotify_flags, NULL);
	return RV_DONE;
}

DECODER(close_range)
{
	p_fd(d, 0);
	arg_sep(d);
	if ((uint32_t)arg(d, 1) == UINT32_MAX)
		sb_puts(d->sb, "~0");
	else
		sb_printf(d->sb, "%u", (unsigned)arg(d, 1));
	p_flags(d, 2, xlat_close_range_flags, NULL);
	return RV_DONE;
}

DECODER(memfd_create)
{
	p_str(d, 0);
	p_flags(d, 1, xlat_mfd_flags, NULL);
	return RV_DONE;
}

/* copy_file_range(fd_in, off_in, fd_out, off_out, len, flags) */
DECODER(copy_file_range)
{
	int i;

	for (i = 0; i < 4; i += 2) {
		p_fd(d, i);
		arg_sep(d);
		if (arg(d, i + 1)) {
			int64_t off;

			if (mem_read_full(d, arg(d, i + 1), &off, sizeof off) == 0)
				sb_printf(d->sb, "[%" PRId64 "]", off);
			else
				print_addr(d->sb, arg(d, i + 1));
		} else {
			sb_puts(d->sb, "NULL");
		}
	}
	p_ulong(d, 4);
	arg_sep(d);
	sb_printf(d->sb, "%u", (unsigned)arg(d, 5));
	return RV_DONE;
}
