/*
 * tracer/decode/common.c: argument printers shared by the decoders (tracer/decode/common.h):
 * strace's string escaping, tracee-memory strings and buffers, pointers, flags.
 */
#include <inttypes.h>
#include <stdio.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include "tracer/decode/common.h"

#define PATH_MAX_TRACEE 4096
#define PAGE 4096u

void arg_sep(struct dctx *d)
{
	if (d->sep_done)
		d->sep_done = 0;
	else if (d->nprinted)
		sb_puts(d->sb, ", ");
	d->nprinted++;
}

void print_addr(struct strbuf *sb, uint64_t addr)
{
	if (addr)
		sb_printf(sb, "%#" PRIx64, addr);
	else
		sb_puts(sb, "NULL");
}

void p_int(struct dctx *d, int i)
{
	arg_sep(d);
	sb_printf(d->sb, "%d", arg_int(d, i));
}

void p_long(struct dctx *d, int i)
{
	arg_sep(d);
	sb_printf(d->sb, "%" PRId64, arg_long(d, i));
}

void p_ulong(struct dctx *d, int i)
{
	arg_sep(d);
	sb_printf(d->sb, "%" PRIu64, arg(d, i));
}

void p_uint(struct dctx *d, int i)
{
	arg_sep(d);
	sb_printf(d->sb, "%u", (unsigned)arg(d, i));
}

void p_hex(struct dctx *d, int i)
{
	arg_sep(d);
	sb_printf(d->sb, "%#" PRIx64, arg(d, i));
}

void p_ptr(struct dctx *d, int i)
{
	arg_sep(d);
	print_addr(d->sb, arg(d, i));
}

void p_out_buf(struct dctx *d, int i)
{
	arg_sep(d);
	if (failed(d))
		print_addr(d->sb, arg(d, i));
	else
		print_tracee_str(d, arg(d, i), retval(d), (uint64_t)d->o->strsize, 0);
}

void p_out_struct(struct dctx *d, int i, void (*print_at)(struct dctx *d, uint64_t addr))
{
	arg_sep(d);
	if (failed(d))
		print_addr(d->sb, arg(d, i));
	else
		print_at(d, arg(d, i));
}

void p_oct(struct dctx *d, int i)
{
	arg_sep(d);
	print_mode_arg(d->sb, (uint32_t)arg(d, i));
}

void p_fd(struct dctx *d, int i)
{
	arg_sep(d);
	print_fd(d, arg_int(d, i));
}

void p_dirfd(struct dctx *d, int i)
{
	arg_sep(d);
	if (arg_int(d, i) == AT_FDCWD)
		print_at_fdcwd(d);
	else
		print_fd(d, arg_int(d, i));
}

void p_path(struct dctx *d, int i)
{
	arg_sep(d);
	print_tracee_str(d, arg(d, i), -1, PATH_MAX_TRACEE - 1, 0);
}

void p_str(struct dctx *d, int i)
{
	arg_sep(d);
	print_tracee_str(d, arg(d, i), -1, (uint64_t)d->o->strsize, 0);
}

void p_buf(struct dctx *d, int i, uint64_t len)
{
	arg_sep(d);
	print_tracee_str(d, arg(d, i), (int64_t)len, (uint64_t)d->o->strsize, 0);
}

void p_flags(struct dctx *d, int i, const struct xlat *x, const char *zero)
{
	arg_sep(d);
	xlat_print_flags(d->sb, x, arg(d, i), zero);
}

void p_flags_or_unknown(struct dctx *d, int i, const struct xlat *x, const char *unknown)
{
	arg_sep(d);
	if (xlat_print_flags(d->sb, x, arg(d, i), NULL) == 0 && arg(d, i))
		sb_printf(d->sb, " /* %s */", unknown);
}

void p_enum(struct dctx *d, int i, const struct xlat *x, const char *unknown)
{
	arg_sep(d);
	xlat_print_enum(d->sb, x, arg(d, i), unknown);
}

void p_signo(struct dctx *d, int i)
{
	arg_sep(d);
	print_signo(d->sb, arg_int(d, i));
}

void p_sigset(struct dctx *d, int i, uint64_t size)
{
	unsigned char set[128];
	uint64_t addr = arg(d, i);

	arg_sep(d);
	if (!addr) {
		sb_puts(d->sb, "NULL");
		return;
	}
	if (size == 0 || size > sizeof set || mem_read_full(d, addr, set, size) < 0) {
		print_addr(d->sb, addr);
		return;
	}
	print_sigset_bytes(d->sb, set, size);
}

void p_str_raw(struct dctx *d, const char *s)
{
	arg_sep(d);
	sb_puts(d->sb, s);
}

int mem_read_full(const struct dctx *d, uint64_t addr, void *buf, size_t len)
{
	size_t done = 0;

	if (!d->mem || !d->mem->read)
		return -1;
	while (done < len) {
		ssize_t n = d->mem->read(d->mem->ctx, addr + done, (char *)buf + done, len - done);

		if (n <= 0)
			return -1;
		done += (size_t)n;
	}
	return 0;
}

/*
 * Reads up to len bytes, one page-bounded piece at a time so a string that ends just before
 * an unmapped page is still read; stops early at a NUL when stop_at_nul. Returns bytes read.
 */
size_t mem_read_some(const struct dctx *d, uint64_t addr, unsigned char *buf, size_t len,
			    int stop_at_nul)
{
	size_t done = 0;

	if (!d->mem || !d->mem->read)
		return 0;
	while (done < len) {
		size_t chunk = PAGE - ((addr + done) % PAGE);
		ssize_t n;

		if (chunk > len - done)
			chunk = len - done;
		n = d->mem->read(d->mem->ctx, addr + done, buf + done, chunk);
		if (n <= 0)
			break;
		if (stop_at_nul && memchr(buf + done, '\0', (size_t)n)) {
			done += (size_t)n;
			break;
		}
		done += (size_t)n;
		if ((size_t)n < chunk)
			break;
	}
	return done;
}

static int xstr_level;

void escape_set_xstr(int xstr)
{
	xstr_level = xstr;
}

/* -x's test: a byte that is neither printable ASCII nor white space ("\t\n\v\f\r"). */
static int needs_hex(const unsigned char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] > '~' || (s[i] < ' ' && !(s[i] >= '\t' && s[i] <= '\r')))
			return 1;
	return 0;
}

void print_escaped_ex(struct strbuf *sb, const unsigned char *s, size_t n, int hex,
		      const char *also)
{
	static const char esc[256] = {
		['"'] = '"', ['\\'] = '\\', ['\f'] = 'f', ['\n'] = 'n', ['\r'] = 'r',
		['\t'] = 't', ['\v'] = 'v',
	};
	char out[8];
	size_t i;

	if (!hex)
		hex = xstr_level >= 2 || (xstr_level == 1 && needs_hex(s, n));
	for (i = 0; i < n; i++) {
		unsigned char c = s[i];

		if (hex) {
			snprintf(out, sizeof out, "\\x%02x", c);
			sb_puts(sb, out);
		} else if (esc[c]) {
			out[0] = '\\';
			out[1] = esc[c];
			out[2] = '\0';
			sb_puts(sb, out);
		} else if (c >= ' ' && c <= '~' && !(also && strchr(also, c))) {
			sb_putc(sb, (char)c);	/* printable ASCII */
		} else if (i + 1 < n && s[i + 1] >= '0' && s[i + 1] <= '7') {
			/* A digit follows: the full three digits keep the escape unambiguous. */
			snprintf(out, sizeof out, "\\%03o", c);
			sb_puts(sb, out);
		} else {
			snprintf(out, sizeof out, "\\%o", c);
			sb_puts(sb, out);
		}
	}
}

void print_escaped(struct strbuf *sb, const unsigned char *s, size_t n, int hex)
{
	print_escaped_ex(sb, s, n, hex, NULL);
}

void print_tracee_str(struct dctx *d, uint64_t addr, int64_t len, uint64_t maxlen, int hex)
{
	unsigned char buf[PATH_MAX_TRACEE + 1];
	size_t want, got, n;
	int cut;

	if (!addr) {
		sb_puts(d->sb, "NULL");
		return;
	}
	if (maxlen > PATH_MAX_TRACEE)
		maxlen = PATH_MAX_TRACEE;
	if (len >= 0) {
		/* A buffer of known length: show at most maxlen bytes. */
		want = (uint64_t)len < maxlen ? (size_t)len : (size_t)maxlen;
		if (want && mem_read_full(d, addr, buf, want) < 0) {
			print_addr(d->sb, addr);
			return;
		}
		n = want;
		cut = (uint64_t)len > maxlen;
	} else {
		/* A C string: read one byte more than shown to know whether it was cut. */
		want = (size_t)maxlen + 1;
		got = mem_read_some(d, addr, buf, want, 1);
		n = strnlen((const char *)buf, got);
		if (n == got && got < want) {
			/* No NUL before an unreadable byte: strace shows the address. */
			print_addr(d->sb, addr);
			return;
		}
		cut = n > maxlen;
		if (cut)
			n = (size_t)maxlen;
	}
	sb_putc(d->sb, '"');
	print_escaped(d->sb, buf, n, hex);
	sb_putc(d->sb, '"');
	if (cut)
		sb_puts(d->sb, "...");
}

void print_timespec_at(struct dctx *d, uint64_t addr)
{
	if (!addr) {
		sb_puts(d->sb, "NULL");
		return;
	}
	if (is_compat(d)) {
		int32_t ts[2];

		if (mem_read_full(d, addr, ts, sizeof ts) < 0)
			goto unreadable;
		sb_printf(d->sb, "{tv_sec=%" PRId32 ", tv_nsec=%" PRId32 "}", ts[0], ts[1]);
	} else {
		int64_t ts[2];

		if (mem_read_full(d, addr, ts, sizeof ts) < 0)
			goto unreadable;
		sb_printf(d->sb, "{tv_sec=%" PRId64 ", tv_nsec=%" PRId64 "}", ts[0], ts[1]);
	}
	return;
unreadable:
	print_addr(d->sb, addr);
}

void print_timeval_at(struct dctx *d, uint64_t addr)
{
	if (!addr) {
		sb_puts(d->sb, "NULL");
		return;
	}
	if (is_compat(d)) {
		int32_t tv[2];

		if (mem_read_full(d, addr, tv, sizeof tv) < 0)
			goto unreadable;
		sb_printf(d->sb, "{tv_sec=%" PRId32 ", tv_usec=%" PRId32 "}", tv[0], tv[1]);
	} else {
		int64_t tv[2];

		if (mem_read_full(d, addr, tv, sizeof tv) < 0)
			goto unreadable;
		sb_printf(d->sb, "{tv_sec=%" PRId64 ", tv_usec=%" PRId64 "}", tv[0], tv[1]);
	}
	return;
unreadable:
	print_addr(d->sb, addr);
}

static void rlim_text(struct strbuf *sb, uint64_t v)
{
	if (v == UINT64_MAX)
		sb_puts(sb, "RLIM64_INFINITY");
	else if (v && v % 1024 == 0)
		sb_printf(sb, "%" PRIu64 "*1024", v / 1024);
	else
		sb_printf(sb, "%" PRIu64, v);
}

/* raw: 8388608, verbose: 8388608 /\* 8192*1024 *\/; a plain number in every style. */
void print_rlim(struct strbuf *sb, uint64_t v)
{
	if (v == UINT64_MAX || (v && v % 1024 == 0))
		xlat_print_styled_by(sb, v, XLAT_NUM_UDEC, rlim_text);
	else
		sb_printf(sb, "%" PRIu64, v);
}

/*
 * A clock_t in ticks, and when nonzero the seconds it stands for, as strace prints it:
 * `1` followed by the comment `0.01 s` (as many decimals as _SC_CLK_TCK - 1 has digits;
 * no comment under -X raw).
 */
void print_clock_t(struct strbuf *sb, long long ticks)
{
	long hz = sysconf(_SC_CLK_TCK);
	int width = 0;
	long long scale = 1;

	sb_printf(sb, "%lld", ticks);
	if (ticks <= 0 || hz <= 0 || xlat_get_style() == XLAT_STYLE_RAW)
		return;
	for (long d = hz - 1; d > 0; d /= 10)
		width++, scale *= 10;
	sb_printf(sb, " /* %lld.%0*lld s */", ticks / hz, width,
		  (ticks % hz) * scale / hz);
}

void print_int_at(struct dctx *d, uint64_t addr)
{
	int v;

	if (mem_read_full(d, addr, &v, sizeof v) < 0)
		print_addr(d->sb, addr);
	else
		sb_printf(d->sb, "[%d]", v);
}
