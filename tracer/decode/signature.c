/*
 * tracer/decode/signature.c: calls whose arguments are all plain values, decoded from the
 * one letter per argument of their row's SIG(letters) instead of a hand-written function.
 * Enough to print fds as -1 rather than 0xffffffffffffffff, pointers as NULL, paths as
 * strings, as strace does, for calls that need nothing richer.
 *
 *   f fd    D dirfd (AT_FDCWD)    d int    U unsigned int    l long    u unsigned long    x hex
 *   p pointer (NULL)    s path    S string (cut at -s)    o mode (octal)    g signal
 *   c clock id
 */
#include "tracer/decode/decoders.h"
#include "tracer/decode/sysent_row.h"

DECODER(signature)
{
	const struct sysent_row *row = sysent_row(d->c->pers, d->c->nr);
	const char *sig = row ? row->sig : NULL;
	int i;

	for (i = 0; sig && sig[i] && i < 6; i++) {
		switch (sig[i]) {
		case 'f': p_fd(d, i); break;
		case 'd': p_int(d, i); break;
		case 'D': p_dirfd(d, i); break;
		case 'U': p_uint(d, i); break;
		case 'l': p_long(d, i); break;
		case 'u': p_ulong(d, i); break;
		case 'p': p_ptr(d, i); break;
		case 's': p_path(d, i); break;
		case 'S': p_str(d, i); break;
		case 'o': p_oct(d, i); break;
		case 'g': p_signo(d, i); break;
		case 'c': p_enum(d, i, xlat_clocks, "CLOCK_???"); break;
		default: p_hex(d, i); break;
		}
	}
	return RV_DONE;
}
