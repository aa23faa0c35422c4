/*
 * tests/progs/origin-main.c: tests/progs/origin/bin/origin, linked against
 * tests/progs/origin/lib/liborigin.so with RUNPATH $ORIGIN/../lib only, so ld.so finds
 * the library through the directory of the program's own file (see ld.so(8), "Dynamic
 * string tokens"): the program starts only if that directory is right.
 */
#include <stdio.h>

const char *origin_greeting(void);

int main(void)
{
	printf("origin: %s\n", origin_greeting());
	return 0;
}
