/*
 * memprot/arm/fmt.h: a printf for the bare-metal demo, pure over a buffer (no libc here).
 * Conversions: %s string, %u unsigned decimal, %x 0x and 8 hex digits, %b 0x and 2 hex
 * digits (a byte), %% a percent sign. Numbers are passed as 32-bit unsigned values
 * (uint32_t, unsigned). Output is cut at size - 1 and always terminated. Not printf's
 * conversions (%b), so no format attribute: the compiler cannot check the arguments.
 */
#ifndef MEMPROT_ARM_FMT_H
#define MEMPROT_ARM_FMT_H

#include <stdarg.h>
#include <stddef.h>

/* The length the whole output would have had (like vsnprintf). */
size_t fmt_v(char *buf, size_t size, const char *f, va_list ap);
size_t fmt(char *buf, size_t size, const char *f, ...);

#endif
