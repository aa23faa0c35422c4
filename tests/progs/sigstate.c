/*
 * tests/progs/sigstate.c: print the signal state the program starts with, as the kernel
 * shows it in /proc/self/status (blocked, ignored and caught sets), before libc has any
 * reason to install handlers, and whether an alternate signal stack is set. After an exec,
 * caught signals are back to SIG_DFL, the mask and ignored set are inherited and there is
 * no alternate stack; a loader must leave exactly that.
 */
#include <signal.h>
#include <stdio.h>
#include <string.h>

int main(void)
{
	char line[256];
	stack_t ss;
	FILE *f = fopen("/proc/self/status", "r");

	if (!f)
		return 1;
	while (fgets(line, sizeof line, f))
		if (!strncmp(line, "SigBlk:", 7) || !strncmp(line, "SigIgn:", 7) ||
		    !strncmp(line, "SigCgt:", 7))
			fputs(line, stdout);
	fclose(f);
	if (sigaltstack(NULL, &ss) == 0)
		printf("sigaltstack: %s\n", ss.ss_flags & SS_DISABLE ? "disabled" : "ENABLED");
	return 0;
}
