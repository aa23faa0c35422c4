/*
 * tracer/report/sysname.c: the names trace prints for a syscall and a personality.
 */
#include <stdio.h>
#include "tracer/report/sysname.h"
#include "tracer/sysent.h"

static const char *const pers_names[PERS_COUNT] = {
	[PERS_X86_64] = "x86_64",
	[PERS_I386] = "i386",
};

const char *sysname(int pers, long nr, char *buf, size_t len)
{
	const char *name = sysent_name(pers, nr);

	if (name)
		return name;
	snprintf(buf, len, "syscall_0x%lx", (unsigned long)nr);
	return buf;
}

const char *pers_name(int pers)
{
	return pers >= 0 && pers < PERS_COUNT ? pers_names[pers] : "?";
}
