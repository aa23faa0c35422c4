/*
 * tracer/xlat.c: the printers built on the name tables (tracer/xlat.h; the tables are in
 * tracer/decode/xlat_*.c), plus the names of signals and errnos (tracer/decode.h).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include "tracer/decode.h"
#include "tracer/xlat.h"
#include "tracer/decode/xlat_compat.h"

static enum xlat_style cur_style = XLAT_STYLE_ABBREV;

enum xlat_style xlat_set_style(enum xlat_style style)
{
	enum xlat_style old = cur_style;

	cur_style = style;
	return old;
}

enum xlat_style xlat_get_style(void)
{
	return cur_style;
}

static void print_number(struct strbuf *sb, uint64_t val, enum xlat_num num)
{
	switch (num) {
	case XLAT_NUM_DEC:
		sb_printf(sb, "%lld", (long long)val);
		break;
	case XLAT_NUM_UDEC:
		sb_printf(sb, "%llu", (unsigned long long)val);
		break;
	case XLAT_NUM_OCT:
		sb_printf(sb, "%#llo", (unsigned long long)val);
		break;
	default:
		sb_printf(sb, "%#llx", (unsigned long long)val);	/* 0 prints as "0" */
	}
}

void xlat_print_styled(struct strbuf *sb, uint64_t val, enum xlat_num num, const char *text)
{
	if (cur_style == XLAT_STYLE_ABBREV) {
		sb_puts(sb, text);
		return;
	}
	print_number(sb, val, num);
	if (cur_style == XLAT_STYLE_VERBOSE)
		sb_printf(sb, " /* %s */", text);
}

void xlat_print_styled_by(struct strbuf *sb, uint64_t val, enum xlat_num num,
			  void (*print)(struct strbuf *sb, uint64_t val))
{
	enum xlat_style style = xlat_set_style(XLAT_STYLE_ABBREV);
	char text[512];
	struct strbuf t;

	if (style == XLAT_STYLE_ABBREV) {
		print(sb, val);
		return;
	}
	sb_init(&t, text, sizeof text);
	print(&t, val);
	xlat_set_style(style);
	xlat_print_styled(sb, val, num, text);
}

const char *xlat_name(const struct xlat *x, uint64_t val)
{
	for (; x->name; x++)
		if (x->val == val)
			return x->name;
	return NULL;
}

void xlat_print_enum(struct strbuf *sb, const struct xlat *x, uint64_t val, const char *unknown)
{
	const char *name = xlat_name(x, val);

	if (name)
		xlat_print_styled(sb, val, XLAT_NUM_HEX, name);
	else if (cur_style == XLAT_STYLE_RAW)
		print_number(sb, val, XLAT_NUM_HEX);
	else if (unknown)
		sb_printf(sb, "%#llx /* %s */", (unsigned long long)val, unknown);
	else
		sb_printf(sb, "%#llx", (unsigned long long)val);
}

/* The names of val's bits, as abbrev prints them. */
static int flags_text(struct strbuf *sb, const struct xlat *x, uint64_t val,
		      const char *zero_name);

int xlat_print_flags(struct strbuf *sb, const struct xlat *x, uint64_t val, const char *zero_name)
{
	char text[512];
	struct strbuf t;
	int printed;

	if (cur_style == XLAT_STYLE_ABBREV)
		return flags_text(sb, x, val, zero_name);
	if (cur_style == XLAT_STYLE_RAW) {
		print_number(sb, val, XLAT_NUM_HEX);
		return val != 0;
	}
	sb_init(&t, text, sizeof text);
	printed = flags_text(&t, x, val, zero_name);
	if (printed || (val == 0 && zero_name))
		xlat_print_styled(sb, val, XLAT_NUM_HEX, text);
	else
		print_number(sb, val, XLAT_NUM_HEX);	/* no name: the number, as abbrev */
	return printed;
}

static int flags_text(struct strbuf *sb, const struct xlat *x, uint64_t val,
		      const char *zero_name)
{
	int printed = 0;

	if (val == 0) {
		sb_puts(sb, zero_name ? zero_name : "0");
		return 0;
	}
	for (; x->name; x++) {
		if (x->val == 0 || (val & x->val) != x->val)
			continue;
		sb_printf(sb, "%s%s", printed ? "|" : "", x->name);
		printed++;
		val &= ~x->val;
	}
	if (val)
		sb_printf(sb, "%s%#llx", printed ? "|" : "", (unsigned long long)val);
	return printed;
}

/* ---- printers ---------------------------------------------------------------------- */

static void file_mode_text(struct strbuf *sb, uint64_t mode);

/* raw: 0100644, verbose: 0100644 /\* S_IFREG|0644 *\/ */
void print_file_mode(struct strbuf *sb, uint32_t mode)
{
	xlat_print_styled_by(sb, mode, XLAT_NUM_OCT, file_mode_text);
}

static void file_mode_text(struct strbuf *sb, uint64_t mode)
{
	const char *type = xlat_name(xlat_file_types, mode & S_IFMT);

	if (type)
		sb_printf(sb, "%s|", type);
	else if (mode & S_IFMT)
		sb_printf(sb, "%#o|", (unsigned)(mode & S_IFMT));
	if (mode & S_ISUID)
		sb_puts(sb, "S_ISUID|");
	if (mode & S_ISGID)
		sb_puts(sb, "S_ISGID|");
	if (mode & S_ISVTX)
		sb_puts(sb, "S_ISVTX|");
	sb_printf(sb, "%#03o", (unsigned)(mode & ACCESSPERMS));	/* 0644; 0 prints as strace's "000" */
}

void print_mode_arg(struct strbuf *sb, uint32_t mode)
{
	sb_printf(sb, "%#03o", mode);
}

static void open_flags_text(struct strbuf *sb, uint64_t flags)
{
	const char *acc = xlat_name(xlat_open_access, flags & O_ACCMODE);

	if (acc)
		sb_puts(sb, acc);
	else
		sb_printf(sb, "%#llx", (unsigned long long)(flags & O_ACCMODE));
	flags &= ~(uint64_t)O_ACCMODE;
	if (flags) {
		sb_putc(sb, '|');
		xlat_print_flags(sb, xlat_open_flags, flags, NULL);
	}
}

/* strace names the whole value in one comment: 0x80000 /\* O_RDONLY|O_CLOEXEC *\/ */
void print_open_flags(struct strbuf *sb, uint64_t flags)
{
	xlat_print_styled_by(sb, flags, XLAT_NUM_HEX, open_flags_text);
}

void print_dirfd(struct strbuf *sb, int fd)
{
	if (fd == AT_FDCWD)
		xlat_print_styled(sb, (uint64_t)(int64_t)fd, XLAT_NUM_DEC, "AT_FDCWD");
	else
		sb_printf(sb, "%d", fd);
}

/* ---- signals ----------------------------------------------------------------------- */

#define SIG_ENTRY(s) [s] = #s
static const char *const signal_names[] = {
	SIG_ENTRY(SIGHUP), SIG_ENTRY(SIGINT), SIG_ENTRY(SIGQUIT), SIG_ENTRY(SIGILL),
	SIG_ENTRY(SIGTRAP), SIG_ENTRY(SIGABRT), SIG_ENTRY(SIGBUS), SIG_ENTRY(SIGFPE),
	SIG_ENTRY(SIGKILL), SIG_ENTRY(SIGUSR1), SIG_ENTRY(SIGSEGV), SIG_ENTRY(SIGUSR2),
	SIG_ENTRY(SIGPIPE), SIG_ENTRY(SIGALRM), SIG_ENTRY(SIGTERM), SIG_ENTRY(SIGSTKFLT),
	SIG_ENTRY(SIGCHLD), SIG_ENTRY(SIGCONT), SIG_ENTRY(SIGSTOP), SIG_ENTRY(SIGTSTP),
	SIG_ENTRY(SIGTTIN), SIG_ENTRY(SIGTTOU), SIG_ENTRY(SIGURG), SIG_ENTRY(SIGXCPU),
	SIG_ENTRY(SIGXFSZ), SIG_ENTRY(SIGVTALRM), SIG_ENTRY(SIGPROF), SIG_ENTRY(SIGWINCH),
	SIG_ENTRY(SIGIO), SIG_ENTRY(SIGPWR), SIG_ENTRY(SIGSYS),
};

/* The kernel's first real-time signal on x86 (glibc's SIGRTMIN is 34: it keeps two). */
#define KERNEL_SIGRTMIN 32
#define KERNEL_NSIG 64

const char *signal_name(int sig)
{
	static char rt_names[KERNEL_NSIG + 1][12];
	static char other[4][16];
	static unsigned next;
	char *buf;

	if (sig > 0 && (size_t)sig < sizeof signal_names / sizeof signal_names[0] &&
	    signal_names[sig])
		return signal_names[sig];
	if (sig >= KERNEL_SIGRTMIN && sig <= KERNEL_NSIG) {
		buf = rt_names[sig];
		if (!buf[0]) {
			if (sig == KERNEL_SIGRTMIN)
				snprintf(buf, sizeof rt_names[0], "SIGRTMIN");
			else
				snprintf(buf, sizeof rt_names[0], "SIGRT_%d", sig - KERNEL_SIGRTMIN);
		}
		return buf;
	}
	buf = other[next++ % 4];
	snprintf(buf, sizeof other[0], "SIG%d", sig);
	return buf;
}

void print_signo(struct strbuf *sb, int sig)
{
	if (sig > 0 && sig <= KERNEL_NSIG)
		xlat_print_styled(sb, (uint64_t)sig, XLAT_NUM_DEC, signal_name(sig));
	else
		sb_printf(sb, "%d", sig);
}

void print_sigset_bytes(struct strbuf *sb, const unsigned char *set, size_t bytes)
{
	unsigned nbits = bytes * 8 > KERNEL_NSIG ? KERNEL_NSIG : bytes * 8;
	unsigned count = 0, i;
	int invert, first = 1;

	for (i = 0; i < nbits; i++)
		count += (set[i / 8] >> (i % 8)) & 1;
	invert = count * 2 > nbits;
	sb_puts(sb, invert ? "~[" : "[");
	for (i = 0; i < nbits; i++) {
		int bit = (set[i / 8] >> (i % 8)) & 1;

		if (bit == invert)
			continue;
		if (!first)
			sb_putc(sb, ' ');
		xlat_print_styled(sb, i + 1, XLAT_NUM_DEC, signal_name(i + 1) + 3);
		first = 0;
	}
	sb_putc(sb, ']');
}

/* ---- errnos ------------------------------------------------------------------------ */

#define ERR_ENTRY(e) [e] = #e
static const char *const errno_names[] = {
	ERR_ENTRY(EPERM), ERR_ENTRY(ENOENT), ERR_ENTRY(ESRCH), ERR_ENTRY(EINTR),
	ERR_ENTRY(EIO), ERR_ENTRY(ENXIO), ERR_ENTRY(E2BIG), ERR_ENTRY(ENOEXEC),
	ERR_ENTRY(EBADF), ERR_ENTRY(ECHILD), ERR_ENTRY(EAGAIN), ERR_ENTRY(ENOMEM),
	ERR_ENTRY(EACCES), ERR_ENTRY(EFAULT), ERR_ENTRY(ENOTBLK), ERR_ENTRY(EBUSY),
	ERR_ENTRY(EEXIST), ERR_ENTRY(EXDEV), ERR_ENTRY(ENODEV), ERR_ENTRY(ENOTDIR),
	ERR_ENTRY(EISDIR), ERR_ENTRY(EINVAL), ERR_ENTRY(ENFILE), ERR_ENTRY(EMFILE),
	ERR_ENTRY(ENOTTY), ERR_ENTRY(ETXTBSY), ERR_ENTRY(EFBIG), ERR_ENTRY(ENOSPC),
	ERR_ENTRY(ESPIPE), ERR_ENTRY(EROFS), ERR_ENTRY(EMLINK), ERR_ENTRY(EPIPE),
	ERR_ENTRY(EDOM), ERR_ENTRY(ERANGE), ERR_ENTRY(EDEADLK), ERR_ENTRY(ENAMETOOLONG),
	ERR_ENTRY(ENOLCK), ERR_ENTRY(ENOSYS), ERR_ENTRY(ENOTEMPTY), ERR_ENTRY(ELOOP),
	ERR_ENTRY(ENOMSG), ERR_ENTRY(EIDRM), ERR_ENTRY(ECHRNG), ERR_ENTRY(EL2NSYNC),
	ERR_ENTRY(EL3HLT), ERR_ENTRY(EL3RST), ERR_ENTRY(ELNRNG), ERR_ENTRY(EUNATCH),
	ERR_ENTRY(ENOCSI), ERR_ENTRY(EL2HLT), ERR_ENTRY(EBADE), ERR_ENTRY(EBADR),
	ERR_ENTRY(EXFULL), ERR_ENTRY(ENOANO), ERR_ENTRY(EBADRQC), ERR_ENTRY(EBADSLT),
	ERR_ENTRY(EBFONT), ERR_ENTRY(ENOSTR), ERR_ENTRY(ENODATA), ERR_ENTRY(ETIME),
	ERR_ENTRY(ENOSR), ERR_ENTRY(ENONET), ERR_ENTRY(ENOPKG), ERR_ENTRY(EREMOTE),
	ERR_ENTRY(ENOLINK), ERR_ENTRY(EADV), ERR_ENTRY(ESRMNT), ERR_ENTRY(ECOMM),
	ERR_ENTRY(EPROTO), ERR_ENTRY(EMULTIHOP), ERR_ENTRY(EDOTDOT), ERR_ENTRY(EBADMSG),
	ERR_ENTRY(EOVERFLOW), ERR_ENTRY(ENOTUNIQ), ERR_ENTRY(EBADFD), ERR_ENTRY(EREMCHG),
	ERR_ENTRY(ELIBACC), ERR_ENTRY(ELIBBAD), ERR_ENTRY(ELIBSCN), ERR_ENTRY(ELIBMAX),
	ERR_ENTRY(ELIBEXEC), ERR_ENTRY(EILSEQ), ERR_ENTRY(ERESTART), ERR_ENTRY(ESTRPIPE),
	ERR_ENTRY(EUSERS), ERR_ENTRY(ENOTSOCK), ERR_ENTRY(EDESTADDRREQ), ERR_ENTRY(EMSGSIZE),
	ERR_ENTRY(EPROTOTYPE), ERR_ENTRY(ENOPROTOOPT), ERR_ENTRY(EPROTONOSUPPORT),
	ERR_ENTRY(ESOCKTNOSUPPORT), ERR_ENTRY(EOPNOTSUPP), ERR_ENTRY(EPFNOSUPPORT),
	ERR_ENTRY(EAFNOSUPPORT), ERR_ENTRY(EADDRINUSE), ERR_ENTRY(EADDRNOTAVAIL),
	ERR_ENTRY(ENETDOWN), ERR_ENTRY(ENETUNREACH), ERR_ENTRY(ENETRESET),
	ERR_ENTRY(ECONNABORTED), ERR_ENTRY(ECONNRESET), ERR_ENTRY(ENOBUFS), ERR_ENTRY(EISCONN),
	ERR_ENTRY(ENOTCONN), ERR_ENTRY(ESHUTDOWN), ERR_ENTRY(ETOOMANYREFS), ERR_ENTRY(ETIMEDOUT),
	ERR_ENTRY(ECONNREFUSED), ERR_ENTRY(EHOSTDOWN), ERR_ENTRY(EHOSTUNREACH),
	ERR_ENTRY(EALREADY), ERR_ENTRY(EINPROGRESS), ERR_ENTRY(ESTALE), ERR_ENTRY(EUCLEAN),
	ERR_ENTRY(ENOTNAM), ERR_ENTRY(ENAVAIL), ERR_ENTRY(EISNAM), ERR_ENTRY(EREMOTEIO),
	ERR_ENTRY(EDQUOT), ERR_ENTRY(ENOMEDIUM), ERR_ENTRY(EMEDIUMTYPE), ERR_ENTRY(ECANCELED),
	ERR_ENTRY(ENOKEY), ERR_ENTRY(EKEYEXPIRED), ERR_ENTRY(EKEYREVOKED),
	ERR_ENTRY(EKEYREJECTED), ERR_ENTRY(EOWNERDEAD), ERR_ENTRY(ENOTRECOVERABLE),
	ERR_ENTRY(ERFKILL), ERR_ENTRY(EHWPOISON),
	/* The kernel's own values that a tracer sees (tracer/decode/xlat_compat.h). */
	ERR_ENTRY(ERESTARTSYS), ERR_ENTRY(ERESTARTNOINTR), ERR_ENTRY(ERESTARTNOHAND),
	ERR_ENTRY(ENOIOCTLCMD), ERR_ENTRY(ERESTART_RESTARTBLOCK), ERR_ENTRY(EPROBE_DEFER),
	ERR_ENTRY(EOPENSTALE), ERR_ENTRY(ENOPARAM), ERR_ENTRY(EBADHANDLE), ERR_ENTRY(ENOTSYNC),
	ERR_ENTRY(EBADCOOKIE), ERR_ENTRY(ENOTSUPP), ERR_ENTRY(ETOOSMALL), ERR_ENTRY(ESERVERFAULT),
	ERR_ENTRY(EBADTYPE), ERR_ENTRY(EJUKEBOX), ERR_ENTRY(EIOCBQUEUED), ERR_ENTRY(ERECALLCONFLICT),
};

const char *errno_name(int err)
{
	if (err <= 0 || (size_t)err >= sizeof errno_names / sizeof errno_names[0])
		return NULL;
	return errno_names[err];
}

/* Messages strerror() does not know: the kernel-internal restart codes, as strace words them. */
static const char *const internal_messages[] = {
	[ERESTARTSYS - ERESTARTSYS] = "To be restarted if SA_RESTART is set",
	[ERESTARTNOINTR - ERESTARTSYS] = "To be restarted",
	[ERESTARTNOHAND - ERESTARTSYS] = "To be restarted if no handler",
	[ENOIOCTLCMD - ERESTARTSYS] = "No ioctl command",
	[ERESTART_RESTARTBLOCK - ERESTARTSYS] = "Interrupted by signal",
	[EPROBE_DEFER - ERESTARTSYS] = "Driver requests probe retry",
	[EOPENSTALE - ERESTARTSYS] = "Open found a stale dentry",
	[ENOPARAM - ERESTARTSYS] = "Parameter not supported",
	[EBADHANDLE - ERESTARTSYS] = "Illegal NFS file handle",
	[ENOTSYNC - ERESTARTSYS] = "Update synchronization mismatch",
	[EBADCOOKIE - ERESTARTSYS] = "Cookie is stale",
	[ENOTSUPP - ERESTARTSYS] = "Operation is not supported",
	[ETOOSMALL - ERESTARTSYS] = "Buffer or request is too small",
	[ESERVERFAULT - ERESTARTSYS] = "An untranslatable error occurred",
	[EBADTYPE - ERESTARTSYS] = "Type not supported by server",
	[EJUKEBOX - ERESTARTSYS] = "Request initiated, but will not complete before timeout",
	[EIOCBQUEUED - ERESTARTSYS] = "iocb queued, will get completion event",
	[ERECALLCONFLICT - ERESTARTSYS] = "Conflict with recalled state",
};

const char *errno_message(int err)
{
	if (!errno_name(err))
		return NULL;
	if (err >= ERESTARTSYS) {
		size_t i = (size_t)err - ERESTARTSYS;

		return i < sizeof internal_messages / sizeof internal_messages[0] ?
			internal_messages[i] : NULL;
	}
	return strerror(err);
}

/* A ptrace event stop carries the event in the status's bits 16 and up (ptrace(2)). */
#define PTRACE_EVENT_SHIFT 16

/* ---- wait status ------------------------------------------------------------------- */

void print_wait_status(struct strbuf *sb, int status)
{
	sb_puts(sb, "[{");
	if (WIFEXITED(status)) {
		sb_printf(sb, "WIFEXITED(s) && WEXITSTATUS(s) == %d", WEXITSTATUS(status));
	} else if (WIFSTOPPED(status)) {
		sb_printf(sb, "WIFSTOPPED(s) && WSTOPSIG(s) == %s", signal_name(WSTOPSIG(status)));
		if (status >> PTRACE_EVENT_SHIFT)
			sb_printf(sb, " && s >> 16 == %d", (status >> PTRACE_EVENT_SHIFT) & 0xffff);
	} else if (WIFCONTINUED(status)) {
		sb_puts(sb, "WIFCONTINUED(s)");
	} else {
		sb_printf(sb, "WIFSIGNALED(s) && WTERMSIG(s) == %s", signal_name(WTERMSIG(status)));
		if (WCOREDUMP(status))
			sb_puts(sb, " && WCOREDUMP(s)");
	}
	sb_puts(sb, "}]");
}
