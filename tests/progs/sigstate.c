/*
 * tests/progs/sigstate.c: print the signal state the program starts with, as the kernel
 * shows it in /proc/self/status (blocked, ignored and caught sets), before libc has any
 * reason to install handlers. After an exec, caught signals are back to SIG_DFL and the
 * mask and ignored set are inherited; a loader must leave exactly that.
 */
#include <stdio.h>
#include <string.h>

int main(void)
{
	char line[256];
	FILE *f = fopen("/proc/self/status", "r");

	if (!f)
		return 1;
	while (fgets(line, sizeof line, f))
		if (!strncmp(line, "SigBlk:", 7) || !strncmp(line, "SigIgn:", 7) ||
		    !strncmp(line, "SigCgt:", 7))
			fputs(line, stdout);
	fclose(f);
	return 0;
}
