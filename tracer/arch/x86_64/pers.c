/*
 * tracer/arch/x86_64/pers.c: the personalities of x86_64 as strace names them.
 */
#include <stddef.h>
#include "arch.h"
#include "tracer/sysent.h"

/* strace's personality names on x86_64: "64 bit", "32 bit", "x32". */
static const char *const headings[PERS_COUNT] = {
	[PERS_X86_64] = NULL,
	[PERS_I386] = "System call usage summary for 32 bit mode:",
};

const char *arch_pers_heading(int pers)
{
	return pers >= 0 && pers < PERS_COUNT ? headings[pers] : NULL;
}
