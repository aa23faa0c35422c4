/*
 * nostd-demo/out.h: buffered output without a libc. Text accumulates in a buffer and goes
 * out in as few write(2) calls as possible (one, for everything the demos print).
 */
#ifndef NOSTD_OUT_H
#define NOSTD_OUT_H

void out_str(const char *s);
void out_char(char c);
void out_dec(unsigned long v);
void out_hex(unsigned long v);		/* 0x-prefixed, lowercase */
void out_hexbytes(const unsigned char *p, unsigned long n);	/* two digits a byte, no prefix */
void out_flush(void);			/* write what is buffered to fd 1 */

#endif
