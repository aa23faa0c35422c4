/* memprot/arm/fmt.c: see fmt.h. */
#include "memprot/arm/fmt.h"

#include <stdint.h>

struct sink {
	char *buf;
	size_t size, len;
};

static void put(struct sink *s, char c)
{
	if (s->len + 1 < s->size)
		s->buf[s->len] = c;
	s->len++;
}

static void put_hex(struct sink *s, uint32_t v, int digits)
{
	static const char hex[] = "0123456789abcdef";

	put(s, '0');
	put(s, 'x');
	while (digits-- > 0)
		put(s, hex[(v >> (4 * digits)) & 0xf]);
}

/* Decimal without a division: the Cortex-M3 has one, but this keeps the code the same on
 * any core and needs no libgcc helper. */
static void put_dec(struct sink *s, uint32_t v)
{
	static const uint32_t pow10[] = { 1000000000u, 100000000u, 10000000u, 1000000u,
		100000u, 10000u, 1000u, 100u, 10u, 1u };
	int started = 0;

	for (size_t i = 0; i < sizeof pow10 / sizeof pow10[0]; i++) {
		char d = '0';
		while (v >= pow10[i]) {
			v -= pow10[i];
			d++;
		}
		if (d != '0' || started || pow10[i] == 1) {
			put(s, d);
			started = 1;
		}
	}
}

size_t fmt_v(char *buf, size_t size, const char *f, va_list ap)
{
	struct sink s = { buf, size, 0 };

	for (; *f; f++) {
		if (*f != '%' || !f[1]) {
			put(&s, *f);
			continue;
		}
		switch (*++f) {
		case 's':
			for (const char *p = va_arg(ap, const char *); *p; p++)
				put(&s, *p);
			break;
		case 'u':
			put_dec(&s, va_arg(ap, uint32_t));
			break;
		case 'x':
			put_hex(&s, va_arg(ap, uint32_t), 8);
			break;
		case 'b':
			put_hex(&s, va_arg(ap, uint32_t) & 0xff, 2);
			break;
		default:
			put(&s, *f);
			break;
		}
	}
	if (size)
		buf[s.len < size ? s.len : size - 1] = '\0';
	return s.len;
}

size_t fmt(char *buf, size_t size, const char *f, ...)
{
	va_list ap;
	size_t n;

	va_start(ap, f);
	n = fmt_v(buf, size, f, ap);
	va_end(ap);
	return n;
}
