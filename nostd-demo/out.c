/* nostd-demo/out.c: see out.h. */
#include "nostd-demo/out.h"
#include "lib/freestanding/sys.h"

static char buffer[16384];
static unsigned long used;

void out_flush(void)
{
	unsigned long done = 0;

	while (done < used) {
		long n = sys_write(1, buffer + done, used - done);
		if (n <= 0)
			break;
		done += (unsigned long)n;
	}
	used = 0;
}

void out_char(char c)
{
	if (used == sizeof buffer)
		out_flush();
	buffer[used++] = c;
}

void out_str(const char *s)
{
	while (*s)
		out_char(*s++);
}

/* Digits are produced backwards into a small scratch array, then emitted in order. */
static void out_base(unsigned long v, unsigned base)
{
	char digits[24];
	int n = 0;

	do {
		digits[n++] = "0123456789abcdef"[v % base];
		v /= base;
	} while (v);
	while (n)
		out_char(digits[--n]);
}

void out_dec(unsigned long v)
{
	out_base(v, 10);
}

void out_hex(unsigned long v)
{
	out_str("0x");
	out_base(v, 16);
}

void out_hexbytes(const unsigned char *p, unsigned long n)
{
	for (unsigned long i = 0; i < n; i++) {
		out_char("0123456789abcdef"[p[i] >> 4]);
		out_char("0123456789abcdef"[p[i] & 15]);
	}
}
