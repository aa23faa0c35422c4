/*
 * tests/progs/crash.c: die of a signal after a successful start: `crash segv` writes
 * through a null pointer, `crash term` raises SIGTERM. The shell must see the same $?
 * (128 + signal) natively and under the loader.
 */
#include <signal.h>
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv)
{
	fputs("started\n", stdout);
	fflush(stdout);
	if (argc > 1 && !strcmp(argv[1], "term"))
		raise(SIGTERM);
	if (argc > 1 && !strcmp(argv[1], "segv"))
		*(volatile int *)0 = 1;
	return 0;
}
