/*
 * tracer/decode/hexdump.c: one line of strace's hex dump (-e read=, -e write=):
 *   " | 00000  68 65 6c 6c 6f 0a                                hello.           |\n"
 * the offset, 16 bytes in two groups of 8, and the same bytes as text (printable ASCII, '.'
 * for the rest), padded with spaces when fewer than 16 are left.
 */
#include <inttypes.h>
#include <stdio.h>
#include "tracer/decode.h"

int hexdump_offset_width(uint64_t len)
{
	int bits = 0;

	/* strace: 5 digits, or as many as the largest offset needs past 16^5 bytes. */
	if (len <= (1u << 20))
		return 5;
	for (uint64_t v = len - 1; v > 1; v >>= 1)
		bits++;
	return 1 + bits / 4;
}

void hexdump_line(char out[HEXDUMP_LINE_MAX], const unsigned char *p, size_t n, uint64_t off,
		  int width)
{
	static const char hex[] = "0123456789abcdef";
	char body[16 * 3 + 2 + 16 + 1];
	char *h = body, *t = body + 16 * 3 + 2;

	for (size_t i = 0; i < 16; i++) {
		if (i < n) {
			*h++ = hex[p[i] >> 4];
			*h++ = hex[p[i] & 15];
			*t++ = p[i] >= ' ' && p[i] < 0x7f ? (char)p[i] : '.';
		} else {
			*h++ = ' ';
			*h++ = ' ';
			*t++ = ' ';
		}
		*h++ = ' ';
		if (i % 8 == 7)
			*h++ = ' ';
	}
	*t = '\0';
	snprintf(out, HEXDUMP_LINE_MAX, " | %0*" PRIx64 "  %s |\n", width, off, body);
}
