/*
 * tracer/decode/sysdefs.h: the hand-written per-name syscall facts (nargs, classes) and the
 * per-name decoder table. Internal to tracer/sysent.c and tracer/decode/.
 */
#ifndef EXECLAB_DECODE_SYSDEFS_H
#define EXECLAB_DECODE_SYSDEFS_H

#include <stddef.h>
#include "tracer/sysent.h"

struct sysdef {
	const char *name;
	unsigned char nargs;		/* x86_64 (and i386 unless nargs32 says otherwise) */
	unsigned char nargs32;		/* i386 when it differs (split 64-bit args), else 0 */
	unsigned short classes;		/* CLASS_* */
};

/* Sorted by name (strcmp order; a unit test checks it). */
extern const struct sysdef sysdefs[];
extern const size_t sysdefs_count;

/* The entry for name, or NULL. */
const struct sysdef *sysdef_find(const char *name);

#endif
