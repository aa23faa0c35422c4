/*
 * tests/progs/heap.c: brk and malloc under load. The break must start just after the
 * program's own bss (the kernel adds at most 1 GiB of randomisation on x86_64; it moves
 * a static-pie's break elsewhere, so that check is skipped for it), grow by 16 MiB, and
 * carry many mallocs, frees and reallocs.
 */
#define _DEFAULT_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

extern char _end[];

#define NBLOCKS 20000

/* Move the break by n bytes; return the old break. musl's sbrk() only answers sbrk(0), so
 * outside glibc the brk system call is used directly (the kernel returns the new break). */
static char *grow_break(long n)
{
#ifdef __GLIBC__
	return sbrk(n);
#else
	char *old = (char *)syscall(SYS_brk, 0);

	if (n == 0)
		return old;
	return (char *)syscall(SYS_brk, old + n) == old + n ? old : (char *)-1;
#endif
}

int main(int argc, char **argv)
{
	char *start = grow_break(0), *grown;
	static void *blocks[NBLOCKS];
	unsigned long sum = 0;
	intptr_t gap = start - _end;

	if (argc < 2 || strcmp(argv[1], "--static-pie") != 0)
		printf("brk starts after bss, within 1 GiB: %s\n",
		       gap >= 0 && gap <= (1L << 30) + 8192 ? "yes" : "no");
	for (int i = 0; i < 16; i++) {
		char *p = grow_break(1 << 20);
		if (p == (void *)-1) {
			printf("sbrk failed at step %d\n", i);
			return 1;
		}
		memset(p, i, 1 << 20);
	}
	grown = grow_break(0);
	printf("sbrk grew the break by %ld MiB\n", (long)(grown - start) >> 20);
	for (int i = 0; i < 16; i++)
		sum += (unsigned char)start[i << 20];
	printf("sbrk pages hold their data: %lu\n", sum);
	sum = 0;
	for (int i = 0; i < NBLOCKS; i++) {
		size_t n = 16 + (size_t)(i % 1000) * 8;
		blocks[i] = malloc(n);
		if (!blocks[i])
			return 2;
		memset(blocks[i], i & 0xff, n);
	}
	for (int i = 0; i < NBLOCKS; i += 2) {
		free(blocks[i]);
		blocks[i] = NULL;
	}
	for (int i = 1; i < NBLOCKS; i += 2) {
		blocks[i] = realloc(blocks[i], 4096 + (size_t)i);
		sum += ((unsigned char *)blocks[i])[0];
	}
	void *large = malloc(8 << 20);		/* over the mmap threshold */
	memset(large, 1, 8 << 20);
	printf("%d mallocs, %d frees, %d reallocs, checksum %lu, large %s\n", NBLOCKS,
	       NBLOCKS / 2, NBLOCKS / 2, sum, large ? "ok" : "failed");
	return 0;
}
