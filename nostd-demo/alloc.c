/* nostd-demo/alloc.c: see alloc.h. Pure logic: no system call, no libc. */
#include "nostd-demo/alloc.h"

/*
 * Every block starts with this header. `size` counts the header and is a multiple of
 * HEAP_ALIGN, so the payload right after a 16-byte header stays 16-byte aligned.
 * `next` is meaningful only while the block is free.
 */
struct heap_block {
	unsigned long size;
	struct heap_block *next;
};

#define HEADER sizeof(struct heap_block)

static unsigned long round_up(unsigned long n, unsigned long a)
{
	return (n + a - 1) & ~(a - 1);
}

void heap_init(struct heap *h, void *(*grow)(unsigned long size, void *ctx), void *ctx)
{
	h->free_list = 0;
	h->grow = grow;
	h->grow_ctx = ctx;
	h->grow_calls = 0;
}

/* Inserts b in address order and merges it with the blocks right before and after it. */
static void insert_free(struct heap *h, struct heap_block *b)
{
	struct heap_block **link = &h->free_list;
	struct heap_block *prev = 0;

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

void *heap_alloc(struct heap *h, unsigned long n)
{
	unsigned long need;
	struct heap_block **link, *b;

	if (n == 0 || n > (~0UL >> 1))
		return 0;
	need = round_up(n, HEAP_ALIGN) + HEADER;
	for (;;) {
		for (link = &h->free_list; (b = *link); link = &b->next) {
			if (b->size < need)
				continue;
			if (b->size - need >= HEADER + HEAP_ALIGN) {
				/* Split: the tail stays free, the head is handed out. */
				struct heap_block *rest = (struct heap_block *)((char *)b + need);
				rest->size = b->size - need;
				rest->next = b->next;
				*link = rest;
				b->size = need;
			} else {
				*link = b->next;
			}
			return (char *)b + HEADER;
		}
		/* Nothing fits: get a new chunk, put it on the list, and search again. */
		unsigned long chunk = need > HEAP_CHUNK ? round_up(need, HEAP_CHUNK) : HEAP_CHUNK;
		b = h->grow ? h->grow(chunk, h->grow_ctx) : 0;
		if (!b)
			return 0;
		h->grow_calls++;
		b->size = chunk;
		insert_free(h, b);
	}
}

void heap_free(struct heap *h, void *p)
{
	if (p)
		insert_free(h, (struct heap_block *)((char *)p - HEADER));
}

unsigned long heap_free_blocks(const struct heap *h)
{
	unsigned long n = 0;

	for (const struct heap_block *b = h->free_list; b; b = b->next)
		n++;
	return n;
}
