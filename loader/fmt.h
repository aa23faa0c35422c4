/*
 * loader/fmt.h: a tiny printf for a program with no libc (pure: formats into a buffer).
 * Conversions: %s %c %d %i %u %x %o %p %%, flags '-' '0' '#', a width, length 'l' or 'z'.
 * Always NUL-terminates (when size > 0) and returns the length it wrote, never more than
 * size - 1: text that does not fit is cut, which is what a diagnostic line wants.
 */
#ifndef LOADER_FMT_H
#define LOADER_FMT_H

#include <stdarg.h>
#include <stddef.h>

size_t vfmt(char *buf, size_t size, const char *fmt, va_list ap);
size_t fmt(char *buf, size_t size, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/*
 * Copy text to out (size bytes), writing control characters as \r, \n, \t or \xHH so a
 * message stays on one line (a CRLF script names "/bin/sh\r"). Returns out.
 */
char *escape_text(char *out, size_t size, const char *text);

/* The last path component (kbasename() in the kernel): "a/b/c" -> "c", "c/" -> "". */
const char *path_basename(const char *path);

/*
 * A failure inside the loader: -errno plus one line of detail, filled where the check
 * failed and printed once, by main(), as "loader: PROG: strerror (detail)".
 */
struct diag {
	int err;		/* negative errno, 0 while nothing failed */
	char text[224];		/* detail, may be empty */
};

/* Record a failure and return err (a negative errno), so callers can `return diag_fail(...)`. */
int diag_fail(struct diag *d, int err, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

#endif
