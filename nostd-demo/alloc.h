/*
 * nostd-demo/alloc.h: a first-fit free-list allocator with no libc.
 *
 * The heap asks its `grow` callback for big chunks (the demo uses mmap; unit tests use a
 * static array), carves blocks out of them, and keeps freed blocks on an address-ordered
 * list, merging neighbours. This is the core idea of every malloc; a libc's malloc adds
 * size classes, per-thread caches, brk, and mmap for large blocks (see docs/nostd.md).
 */
#ifndef NOSTD_ALLOC_H
#define NOSTD_ALLOC_H

#define HEAP_ALIGN 16UL			/* malloc's guarantee on x86_64 */
#define HEAP_CHUNK (64UL * 1024)	/* smallest request passed to grow() */

struct heap_block;

struct heap {
	struct heap_block *free_list;	/* address-ordered */
	/* Returns `size` fresh bytes aligned to HEAP_ALIGN, or 0 on failure. */
	void *(*grow)(unsigned long size, void *ctx);
	void *grow_ctx;
	unsigned long grow_calls;	/* how many chunks were requested (for the demo) */
};

void heap_init(struct heap *h, void *(*grow)(unsigned long size, void *ctx), void *ctx);
/* Returns a HEAP_ALIGN-aligned block of at least n bytes, or 0 (n == 0 also gives 0). */
void *heap_alloc(struct heap *h, unsigned long n);
/* Returns p (from heap_alloc, or 0) to the heap, merging it with free neighbours. */
void heap_free(struct heap *h, void *p);
/* Number of blocks on the free list (for tests and the demo). */
unsigned long heap_free_blocks(const struct heap *h);

#endif
