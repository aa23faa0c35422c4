/* tests/unit/test_alloc.c: the freestanding allocator (nostd-demo/alloc.c) over a static arena. */
#include <check.h>
#include <stdint.h>
#include <string.h>
#include "nostd-demo/alloc.h"

/* A grow() that hands out consecutive HEAP_CHUNK-sized pieces of a static array. */
struct arena {
	_Alignas(16) unsigned char bytes[8 * HEAP_CHUNK];
	unsigned long used;
	unsigned long calls;
};

static void *grow_from_arena(unsigned long size, void *ctx)
{
	struct arena *a = ctx;
	void *p;

	a->calls++;
	if (size > sizeof a->bytes - a->used)
		return NULL;
	p = a->bytes + a->used;
	a->used += size;
	return p;
}

static struct arena arena;
static struct heap heap;

static void setup(void)
{
	memset(&arena, 0, sizeof arena);
	heap_init(&heap, grow_from_arena, &arena);
}

START_TEST(test_alloc_zero_is_null)
{
	ck_assert_ptr_null(heap_alloc(&heap, 0));
	ck_assert_uint_eq(arena.calls, 0);
}
END_TEST

START_TEST(test_alloc_aligned_and_disjoint)
{
	unsigned char *a = heap_alloc(&heap, 1), *b = heap_alloc(&heap, 100);

	ck_assert_ptr_nonnull(a);
	ck_assert_ptr_nonnull(b);
	ck_assert_uint_eq((uintptr_t)a % HEAP_ALIGN, 0);
	ck_assert_uint_eq((uintptr_t)b % HEAP_ALIGN, 0);
	ck_assert(b >= a + 16 || a >= b + 112);
	memset(a, 0xaa, 1);
	memset(b, 0xbb, 100);
	ck_assert_uint_eq(a[0], 0xaa);
	ck_assert_uint_eq(arena.calls, 1);	/* both fit in the first chunk */
}
END_TEST

START_TEST(test_free_then_reuse)
{
	void *a = heap_alloc(&heap, 64);

	heap_free(&heap, a);
	ck_assert_ptr_eq(heap_alloc(&heap, 64), a);	/* first fit finds the same hole */
}
END_TEST

START_TEST(test_free_merges_neighbours)
{
	void *a = heap_alloc(&heap, 32), *b = heap_alloc(&heap, 32), *c = heap_alloc(&heap, 32);

	heap_free(&heap, a);
	heap_free(&heap, c);	/* c merges with the free tail of the chunk */
	ck_assert_uint_eq(heap_free_blocks(&heap), 2);
	heap_free(&heap, b);	/* b joins a and the tail: one block again */
	ck_assert_uint_eq(heap_free_blocks(&heap), 1);
	ck_assert_ptr_eq(heap_alloc(&heap, 96), a);
}
END_TEST

START_TEST(test_large_request_grows_once)
{
	void *p = heap_alloc(&heap, 3 * HEAP_CHUNK);

	ck_assert_ptr_nonnull(p);
	ck_assert_uint_eq(heap.grow_calls, 1);
	ck_assert_uint_eq(arena.used, 4 * HEAP_CHUNK);	/* rounded up to whole chunks */
}
END_TEST

START_TEST(test_exhausted_arena_gives_null)
{
	ck_assert_ptr_null(heap_alloc(&heap, 9 * HEAP_CHUNK));
	ck_assert_ptr_null(heap_alloc(&heap, ~0UL));
}
END_TEST

Suite *make_alloc_suite(void)
{
	Suite *s = suite_create("alloc");
	TCase *tc = tcase_create("core");

	tcase_add_checked_fixture(tc, setup, NULL);
	tcase_add_test(tc, test_alloc_zero_is_null);
	tcase_add_test(tc, test_alloc_aligned_and_disjoint);
	tcase_add_test(tc, test_free_then_reuse);
	tcase_add_test(tc, test_free_merges_neighbours);
	tcase_add_test(tc, test_large_request_grows_once);
	tcase_add_test(tc, test_exhausted_arena_gives_null);
	suite_add_tcase(s, tc);
	return s;
}
