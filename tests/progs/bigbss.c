/*
 * tests/progs/bigbss.c: 64 MiB of .bss must be all zero at startup (the kernel maps it
 * anonymous), then writable everywhere.
 */
#include <stdio.h>

#define BIG (64UL << 20)

static unsigned char big[BIG];

int main(void)
{
	unsigned long nonzero = 0, sum = 0;

	for (unsigned long i = 0; i < BIG; i++)
		nonzero += big[i] != 0;
	printf("bss %lu MiB, %lu non-zero bytes\n", BIG >> 20, nonzero);
	for (unsigned long i = 0; i < BIG; i += 4096)
		big[i] = (unsigned char)(i >> 12);
	for (unsigned long i = 0; i < BIG; i += 4096)
		sum += big[i];
	printf("written every page, checksum %lu\n", sum);
	return nonzero != 0;
}
