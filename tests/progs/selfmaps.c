/*
 * tests/progs/selfmaps.c: print /proc/self/maps after one small malloc (so [heap] exists).
 * With ASLR off (setarch -R) the kernel's placement of an ET_EXEC or PIE program, of its
 * break and of [stack] is deterministic, so the lines for the program's own file, [heap]
 * and [stack] must be identical natively and under the loader.
 */
#include <stdio.h>
#include <stdlib.h>

int main(void)
{
	char line[512];
	void *p = malloc(16);
	FILE *f = fopen("/proc/self/maps", "r");

	if (!f || !p)
		return 1;
	while (fgets(line, sizeof line, f))
		fputs(line, stdout);
	fclose(f);
	free(p);
	return 0;
}
