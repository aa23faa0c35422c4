/*
 * lab5-driver CASE: one check of lab 5's allocator (lab5_alloc.c), for the grader
 * (docs/labs/grade/lab5.sh). Exit status 0 when the allocator passes, else 1 with one line
 * on stderr saying what went wrong; 2 on bad usage. The cases:
 *   align     every block, of many sizes, is 16-byte aligned
 *   overlap   live blocks never overlap: each is filled with its own pattern, then all
 *             are read back after the others were written
 *   reuse     a freed block's memory serves later requests: a loop of malloc/free of the
 *             same sizes stays within the first round's address span
 *   realloc   realloc keeps the contents, growing and shrinking, small and large
 *   calloc    calloc's bytes are zero, also in a block that was written and freed before
 *   overflow  calloc refuses an n * size that overflows (and still serves a normal one)
 *   scenario  a fixed sequence of small and large blocks (the grader counts its mmap and
 *             munmap calls with trace -c against the `none` case)
 *   none      nothing: the baseline of scenario
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include "lab5_alloc.h"

static int failed(const char *what, size_t n)
{
	fprintf(stderr, "lab5-driver: %s (size %zu)\n", what, n);
	return 1;
}

/* The sizes the cases use: small, odd, around the 16-byte steps, and large. */
static const size_t sizes[] = { 1, 7, 15, 16, 17, 31, 33, 48, 100, 255, 256, 1000, 4095,
				4096, 10000, 65536, 200000, 1 << 20 };
#define NSIZES (sizeof sizes / sizeof sizes[0])

static unsigned char pattern(size_t block, size_t i)
{
	return (unsigned char)(block * 31 + i * 7 + 1);
}

static void fill(unsigned char *p, size_t n, size_t block)
{
	for (size_t i = 0; i < n; i++)
		p[i] = pattern(block, i);
}

static int intact(const unsigned char *p, size_t n, size_t block)
{
	for (size_t i = 0; i < n; i++)
		if (p[i] != pattern(block, i))
			return 0;
	return 1;
}

static int case_align(void)
{
	void *p[3 * NSIZES];

	for (size_t i = 0; i < 3 * NSIZES; i++) {
		p[i] = lab5_malloc(sizes[i % NSIZES]);
		if (!p[i])
			return failed("malloc returned NULL", sizes[i % NSIZES]);
		if ((uintptr_t)p[i] % 16)
			return failed("a block is not 16-byte aligned", sizes[i % NSIZES]);
	}
	for (size_t i = 0; i < 3 * NSIZES; i++)
		lab5_free(p[i]);
	return 0;
}

static int case_overlap(void)
{
	enum { N = 400 };
	unsigned char *p[N];
	size_t n[N];

	for (size_t i = 0; i < N; i++) {
		n[i] = sizes[i % (NSIZES - 2)] + i % 5;
		p[i] = lab5_malloc(n[i]);
		if (!p[i])
			return failed("malloc returned NULL", n[i]);
		fill(p[i], n[i], i);
	}
	/* free every third, allocate again, so that split and reused blocks are in the mix */
	for (size_t i = 0; i < N; i += 3) {
		lab5_free(p[i]);
		n[i] = sizes[(i * 7) % (NSIZES - 2)];
		p[i] = lab5_malloc(n[i]);
		if (!p[i])
			return failed("malloc returned NULL", n[i]);
		fill(p[i], n[i], i);
	}
	for (size_t i = 0; i < N; i++)
		if (!intact(p[i], n[i], i))
			return failed("a block's pattern was overwritten: blocks overlap", n[i]);
	for (size_t i = 0; i < N; i++)
		lab5_free(p[i]);
	return 0;
}

static int case_reuse(void)
{
	enum { N = 64 };
	uintptr_t lo = UINTPTR_MAX, hi = 0;
	void *p[N];

	for (int round = 0; round < 200; round++) {
		for (size_t i = 0; i < N; i++) {
			size_t n = 24 + 40 * i;
			uintptr_t a;

			p[i] = lab5_malloc(n);
			if (!p[i])
				return failed("malloc returned NULL", n);
			a = (uintptr_t)p[i];
			if (round == 0) {
				lo = a < lo ? a : lo;
				hi = a + n > hi ? a + n : hi;
			} else if (a < lo || a + n > hi) {
				return failed("after free, a block of the same size was not reused", n);
			}
		}
		for (size_t i = 0; i < N; i++)
			lab5_free(p[i]);
	}
	return 0;
}

static int case_realloc(void)
{
	static const size_t steps[] = { 10, 100, 33, 5000, 300000, 40, 2000000, 17 };
	size_t have = 10;
	unsigned char *p = lab5_malloc(have), *q;

	if (!p)
		return failed("malloc returned NULL", have);
	fill(p, have, 5);
	for (size_t i = 1; i < sizeof steps / sizeof steps[0]; i++) {
		size_t n = steps[i], keep = n < have ? n : have;

		q = lab5_realloc(p, n);
		if (!q)
			return failed("realloc returned NULL", n);
		if (!intact(q, keep, 5))
			return failed("realloc lost the contents", n);
		p = q;
		fill(p, n, 5);
		have = n;
	}
	if (lab5_realloc(p, 0) != NULL)
		return failed("realloc(p, 0) did not free and return NULL", 0);
	p = lab5_realloc(NULL, 64);
	if (!p)
		return failed("realloc(NULL, n) is not malloc(n)", 64);
	lab5_free(p);
	return 0;
}

static int case_calloc(void)
{
	for (size_t k = 0; k < NSIZES; k++) {
		size_t n = sizes[k];
		unsigned char *d = lab5_malloc(n), *z;

		if (!d)
			return failed("malloc returned NULL", n);
		memset(d, 0xa5, n);
		lab5_free(d);		/* its memory may come back from calloc: dirty */
		z = lab5_calloc(n, 1);
		if (!z)
			return failed("calloc returned NULL", n);
		for (size_t i = 0; i < n; i++)
			if (z[i])
				return failed("calloc's block is not all zero", n);
		memset(z, 0x5a, n);
		lab5_free(z);
	}
	return 0;
}

static int case_overflow(void)
{
	void *p = lab5_calloc(100, 16);

	if (!p)
		return failed("calloc(100, 16) returned NULL", 1600);
	lab5_free(p);
	if (lab5_calloc(SIZE_MAX / 8 + 2, 8))
		return failed("calloc accepted n * size beyond SIZE_MAX", SIZE_MAX);
	if (lab5_calloc((size_t)1 << 33, (size_t)1 << 33))
		return failed("calloc accepted n * size beyond SIZE_MAX", SIZE_MAX);
	if (lab5_malloc(SIZE_MAX - 8))
		return failed("malloc accepted a size that cannot be", SIZE_MAX - 8);
	return 0;
}

/*
 * The fixed scenario: 20000 small blocks (about 800 KiB in all, freed and allocated again:
 * the second round must reuse), then 8 blocks of 1 MiB, each freed before the next.
 */
static int case_scenario(void)
{
	enum { N = 20000 };
	static void *p[N];

	for (int round = 0; round < 2; round++) {
		for (size_t i = 0; i < N; i++)
			if (!(p[i] = lab5_malloc(16 + i % 48)))
				return failed("malloc returned NULL", 16 + i % 48);
		for (size_t i = 0; i < N; i++)
			lab5_free(p[i]);
	}
	for (int i = 0; i < 8; i++) {
		void *big = lab5_malloc(1 << 20);

		if (!big)
			return failed("malloc returned NULL", 1 << 20);
		memset(big, i, 1 << 20);
		lab5_free(big);
	}
	return 0;
}

static int case_none(void)
{
	return 0;
}

static const struct {
	const char *name;
	int (*run)(void);
} cases[] = {
	{ "align", case_align }, { "overlap", case_overlap }, { "reuse", case_reuse },
	{ "realloc", case_realloc }, { "calloc", case_calloc }, { "overflow", case_overflow },
	{ "scenario", case_scenario }, { "none", case_none },
};

int main(int argc, char **argv)
{
	if (argc == 2)
		for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
			if (!strcmp(argv[1], cases[i].name))
				return cases[i].run();
	fprintf(stderr, "usage: lab5-driver align|overlap|reuse|realloc|calloc|overflow|"
		"scenario|none\n");
	return 2;
}
