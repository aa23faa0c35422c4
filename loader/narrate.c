/*
 * loader/narrate.c: the -v lines ("loader: <kernel function>: ...") and the one-line
 * messages on stderr. Not a kernel step: the kernel's equivalent would be a tracepoint.
 * Each line goes out in one write(2), so lines never interleave with the program's.
 */
#include <linux/mman.h>
#include "loader/binprm.h"
#include "loader/sys.h"

static void write_all(const char *s, size_t n)
{
	while (n) {
		long w = sys_write(2, s, n);

		if (w <= 0)
			return;
		s += w;
		n -= (size_t)w;
	}
}

void narrate(const struct binprm *b, const char *func, const char *f, ...)
{
	char line[512];
	size_t n;
	va_list ap;

	if (!b->verbose)
		return;
	n = fmt(line, sizeof line, "loader: %s: ", func);
	va_start(ap, f);
	n += vfmt(line + n, sizeof line - n - 1, f, ap);
	va_end(ap);
	line[n++] = '\n';
	write_all(line, n);
}

void eprintf(const char *f, ...)
{
	char line[1024];
	size_t n;
	va_list ap;

	va_start(ap, f);
	n = vfmt(line, sizeof line, f, ap);
	va_end(ap);
	write_all(line, n);
}

const char *prot_string(int prot, char out[4])
{
	out[0] = prot & PROT_READ ? 'r' : '-';
	out[1] = prot & PROT_WRITE ? 'w' : '-';
	out[2] = prot & PROT_EXEC ? 'x' : '-';
	out[3] = '\0';
	return out;
}
