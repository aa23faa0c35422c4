/*
 * lab5_alloc.h: the heap allocator of course lab 5's exercise, with malloc's contract:
 *   lab5_malloc(n)       a block of at least n bytes, 16-byte aligned, or NULL
 *   lab5_free(p)         gives p back (NULL: nothing)
 *   lab5_calloc(n, size) n * size zeroed bytes, NULL if n * size overflows
 *   lab5_realloc(p, n)   p's contents moved to a block of n bytes (p NULL: malloc;
 *                        n 0: free, NULL); NULL on failure, p then untouched
 * Named lab5_ rather than malloc so that the C library's own allocator, which the driver's
 * stdio uses, stays out of the way.
 */
#ifndef LAB5_ALLOC_H
#define LAB5_ALLOC_H

#include <stddef.h>

void *lab5_malloc(size_t n);
void lab5_free(void *p);
void *lab5_calloc(size_t n, size_t size);
void *lab5_realloc(void *p, size_t n);

#endif
