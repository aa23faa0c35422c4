/*
 * tracer/decode/sysent_row.h: one row of the syscall tables (tracer/decode/syscallent_*.h):
 * everything trace knows of one syscall number besides its name. Internal to tracer/decode/.
 */
#ifndef EXECLAB_DECODE_SYSENT_ROW_H
#define EXECLAB_DECODE_SYSENT_ROW_H

#include <stddef.h>
#include <stdint.h>
#include "tracer/decode/common.h"

struct sysent_row {
	unsigned char nargs;		/* arguments in this personality's registers */
	uint32_t classes;		/* CLASS_* (tracer/sysent.h) */
	decoder_fn decode;		/* NULL: every argument in hex */
	const char *sig;		/* dec_signature's letters (tracer/decode/signature.c) */
	const char *name;		/* libseccomp's name of this number (a unit test checks) */
};

/*
 * The row of nr in pers, or NULL when libseccomp does not name nr or names it otherwise
 * (the row then counts as unknown, as the call does).
 */
const struct sysent_row *sysent_row(int pers, long nr);

/* The static table of pers and its size (holes have a NULL name), for the unit tests. */
const struct sysent_row *sysent_rows(int pers, size_t *count);

#endif
