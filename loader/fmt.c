/* loader/fmt.c: see fmt.h. Pure: no system calls, no libc beyond <stdarg.h>. */
#include "loader/fmt.h"

struct sink {
	char *buf;
	size_t size, len;
};

static void put(struct sink *s, char c)
{
	if (s->len + 1 < s->size)
		s->buf[s->len++] = c;
}

static void put_padded(struct sink *s, const char *text, size_t n, int width, int left, char pad)
{
	int fill = width > (int)n ? width - (int)n : 0;

	if (!left)
		while (fill-- > 0)
			put(s, pad);
	while (n--)
		put(s, *text++);
	if (left)
		while (fill-- > 0)
			put(s, ' ');
}

/* Format v in base (8, 10 or 16) into out[], right-aligned; returns the start. */
static char *digits(char *end, unsigned long v, unsigned base)
{
	*--end = '\0';
	do {
		*--end = "0123456789abcdef"[v % base];
		v /= base;
	} while (v);
	return end;
}

size_t vfmt(char *buf, size_t size, const char *f, va_list ap)
{
	struct sink s = { buf, size, 0 };

	for (; *f; f++) {
		int left = 0, alt = 0, width = 0, lng = 0;
		char pad = ' ', num[32], *p;
		unsigned long u;
		long v;

		if (*f != '%') {
			put(&s, *f);
			continue;
		}
		for (f++;; f++) {
			if (*f == '-')
				left = 1;
			else if (*f == '0')
				pad = '0';
			else if (*f == '#')
				alt = 1;
			else
				break;
		}
		while (*f >= '0' && *f <= '9')
			width = width * 10 + (*f++ - '0');
		while (*f == 'l' || *f == 'z') {
			lng = 1;
			f++;
		}
		switch (*f) {
		case 's': {
			const char *str = va_arg(ap, const char *);
			size_t n = 0;

			if (!str)
				str = "(null)";
			while (str[n])
				n++;
			put_padded(&s, str, n, width, left, ' ');
			break;
		}
		case 'c':
			num[0] = (char)va_arg(ap, int);
			put_padded(&s, num, 1, width, left, ' ');
			break;
		case 'd':
		case 'i':
			v = lng ? va_arg(ap, long) : va_arg(ap, int);
			u = v < 0 ? -(unsigned long)v : (unsigned long)v;
			p = digits(num + sizeof num, u, 10);
			if (v < 0)
				*--p = '-';
			put_padded(&s, p, (size_t)(num + sizeof num - 1 - p), width, left, pad);
			break;
		case 'u':
		case 'x':
		case 'o':
		case 'p':
			if (*f == 'p')
				u = (unsigned long)va_arg(ap, void *), alt = 1;
			else
				u = lng ? va_arg(ap, unsigned long) : va_arg(ap, unsigned int);
			p = digits(num + sizeof num, u, *f == 'u' ? 10 : *f == 'o' ? 8 : 16);
			if (alt && *f != 'u' && *f != 'o') {
				/* "0x" goes before zero padding, as in printf's %#010lx */
				put(&s, '0');
				put(&s, 'x');
				width = width > 2 ? width - 2 : 0;
			}
			put_padded(&s, p, (size_t)(num + sizeof num - 1 - p), width, left, pad);
			break;
		case '%':
			put(&s, '%');
			break;
		case '\0':
			f--;	/* a lone '%' at the end: stop at the NUL */
			break;
		default:
			put(&s, '%');
			put(&s, *f);
		}
	}
	if (s.size)
		s.buf[s.len] = '\0';
	return s.len;
}

size_t fmt(char *buf, size_t size, const char *f, ...)
{
	va_list ap;
	size_t n;

	va_start(ap, f);
	n = vfmt(buf, size, f, ap);
	va_end(ap);
	return n;
}

char *escape_text(char *out, size_t size, const char *text)
{
	size_t n = 0;

	for (; *text && n + 5 < size; text++) {
		unsigned char c = (unsigned char)*text;

		if (c >= 0x20 && c != 0x7f) {
			out[n++] = (char)c;
			continue;
		}
		out[n++] = '\\';
		if (c == '\r' || c == '\n' || c == '\t') {
			out[n++] = c == '\r' ? 'r' : c == '\n' ? 'n' : 't';
		} else {
			out[n++] = 'x';
			out[n++] = "0123456789abcdef"[c >> 4];
			out[n++] = "0123456789abcdef"[c & 15];
		}
	}
	if (size)
		out[n] = '\0';
	return out;
}

const char *path_basename(const char *path)
{
	const char *base = path;

	for (; *path; path++)
		if (*path == '/')
			base = path + 1;
	return base;
}

int diag_fail(struct diag *d, int err, const char *f, ...)
{
	va_list ap;

	d->err = err;
	va_start(ap, f);
	vfmt(d->text, sizeof d->text, f, ap);
	va_end(ap);
	return err;
}
