/*
 * nostd-demo/alloc-demo.c: a freestanding program with a heap. Builds a linked list of
 * 10000 nodes, frees every other one, allocates again into the holes, and reports how
 * many mmap calls the allocator made: the holes are reused, so no new chunk is needed.
 */
#include <sys/mman.h>		/* PROT_* and MAP_* constants only */
#include "nostd-demo/alloc.h"
#include "nostd-demo/out.h"
#include "lib/freestanding/sys.h"

struct node {
	struct node *next;
	unsigned long value;
};

/* The heap's source of memory: fresh anonymous pages, page-aligned (so 16-aligned). */
static void *grow_with_mmap(unsigned long size, void *ctx)
{
	void *p = sys_mmap(0, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	(void)ctx;
	return (unsigned long)p > -4096UL ? 0 : p;	/* -errno comes back as a high address */
}

int main(void)
{
	enum { N = 10000 };
	struct heap heap;
	struct node *head = 0, *n, **link;
	unsigned long sum = 0, before;

	heap_init(&heap, grow_with_mmap, 0);
	for (unsigned long i = 0; i < N; i++) {
		n = heap_alloc(&heap, sizeof *n);
		if (!n)
			return 1;
		n->value = i;
		n->next = head;
		head = n;
	}
	out_str("allocated ");
	out_dec(N);
	out_str(" nodes with ");
	out_dec(heap.grow_calls);
	out_str(" mmap calls\n");

	/* Free every node with an odd value. */
	for (link = &head; (n = *link);) {
		if (n->value & 1) {
			*link = n->next;
			heap_free(&heap, n);
		} else {
			link = &n->next;
		}
	}
	out_str("freed ");
	out_dec(N / 2);
	out_str(" nodes, free list has ");
	out_dec(heap_free_blocks(&heap));
	out_str(" blocks\n");

	before = heap.grow_calls;
	for (unsigned long i = 0; i < N / 2; i++) {
		n = heap_alloc(&heap, sizeof *n);
		if (!n)
			return 1;
		n->value = 1;
		n->next = head;
		head = n;
	}
	for (n = head; n; n = n->next)
		sum += n->value;
	out_str("reallocated ");
	out_dec(N / 2);
	out_str(" nodes with ");
	out_dec(heap.grow_calls - before);
	out_str(" new mmap calls; checksum ");
	out_dec(sum);
	out_char('\n');
	out_flush();
	return 0;
}
