/*
 * lab5_alloc.c: a heap allocator over mmap(2) (lab5_alloc.h has the contract).
 *
 * Small blocks come from chunks of LAB5_CHUNK bytes mapped once and never returned: each
 * block starts with a 16-byte header (its size, header included, a multiple of 16, so the
 * payload after it stays 16-byte aligned); a free block also links to the next free one.
 * The free list is kept in address order, so that a freed block merges with a free
 * neighbour on either side (coalescing); malloc takes the first block that fits and
 * splits off the rest when the rest can hold a block (splitting). Blocks larger than
 * LAB5_LARGE get a mapping of their own, unmapped by free (returned to the kernel).
 *
 * Course lab 5's exercise: the part between the LAB 5 SOLUTION markers is what the
 * student writes.
 */
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include "lab5_alloc.h"

#define LAB5_ALIGN	16UL
#define LAB5_CHUNK	(256UL * 1024)	/* the mapping small blocks are carved from */
#define LAB5_LARGE	(128UL * 1024)	/* larger requests get a mapping of their own */

/* LAB 5 SOLUTION BEGIN */
struct block {
	size_t size;			/* header included; bit 0 set: a mapping of its own */
	struct block *next;		/* while on the free list */
};

#define HEADER		sizeof(struct block)	/* 16: keeps the payload aligned */
#define MAPPED		1UL

static struct block *free_list;		/* address-ordered */

static size_t round_up(size_t n, size_t a)
{
	return (n + a - 1) & ~(a - 1);
}

static void *map(size_t size)
{
	void *p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	return p == MAP_FAILED ? NULL : p;
}

/* Insert b in address order and merge it with the free blocks right after and before. */
static void insert_free(struct block *b)
{
	struct block **link = &free_list, *prev = NULL;

	while (*link && *link < b) {
		prev = *link;
		link = &(*link)->next;
	}
	b->next = *link;
	*link = b;
	if (b->next && (char *)b + b->size == (char *)b->next) {
		b->size += b->next->size;
		b->next = b->next->next;
	}
	if (prev && (char *)prev + prev->size == (char *)b) {
		prev->size += b->size;
		prev->next = b->next;
	}
}

void *lab5_malloc(size_t n)
{
	struct block **link, *b;
	size_t need;

	if (n > SIZE_MAX / 2)
		return NULL;		/* round_up below would wrap */
	need = round_up(n ? n : 1, LAB5_ALIGN) + HEADER;
	if (need > LAB5_LARGE) {
		size_t size = round_up(need, 4096);

		b = map(size);
		if (!b)
			return NULL;
		b->size = size | MAPPED;
		return (char *)b + HEADER;
	}
	for (;;) {
		for (link = &free_list; (b = *link); link = &b->next) {
			if (b->size < need)
				continue;
			if (b->size - need >= HEADER + LAB5_ALIGN) {
				/* split: the head is handed out, the tail stays free in its place */
				struct block *rest = (struct block *)((char *)b + need);

				rest->size = b->size - need;
				rest->next = b->next;
				*link = rest;
				b->size = need;
			} else {
				*link = b->next;
			}
			return (char *)b + HEADER;
		}
		b = map(LAB5_CHUNK);
		if (!b)
			return NULL;
		b->size = LAB5_CHUNK;
		insert_free(b);
	}
}

void lab5_free(void *p)
{
	struct block *b;

	if (!p)
		return;
	b = (struct block *)((char *)p - HEADER);
	if (b->size & MAPPED)
		munmap(b, b->size & ~MAPPED);
	else
		insert_free(b);
}

void *lab5_calloc(size_t n, size_t size)
{
	size_t bytes;
	void *p;

	if (__builtin_mul_overflow(n, size, &bytes))
		return NULL;
	p = lab5_malloc(bytes);
	if (p)
		memset(p, 0, bytes);	/* a reused block holds old data */
	return p;
}

void *lab5_realloc(void *p, size_t n)
{
	size_t have;
	void *q;

	if (!p)
		return lab5_malloc(n);
	if (!n) {
		lab5_free(p);
		return NULL;
	}
	have = (((struct block *)((char *)p - HEADER))->size & ~MAPPED) - HEADER;
	if (n <= have)
		return p;
	q = lab5_malloc(n);
	if (q) {
		memcpy(q, p, have);
		lab5_free(p);
	}
	return q;
}
/* LAB 5 SOLUTION END */
/* LAB 5 STUB BEGIN
void *lab5_malloc(size_t n)
{
	(void)n;
	return NULL;
}

void lab5_free(void *p)
{
	(void)p;
}

void *lab5_calloc(size_t n, size_t size)
{
	(void)n;
	(void)size;
	return NULL;
}

void *lab5_realloc(void *p, size_t n)
{
	(void)p;
	(void)n;
	return NULL;
}
   LAB 5 STUB END */
