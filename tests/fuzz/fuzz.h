/*
 * tests/fuzz/fuzz.h: what the libFuzzer targets of tests/fuzz/ share: an assertion for a
 * documented contract (it aborts, so libFuzzer keeps the input as a crash, and names the
 * contract first, so the crash explains itself) and a reader that takes numbers off the
 * front of an input.
 */
#ifndef TESTS_FUZZ_FUZZ_H
#define TESTS_FUZZ_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#define FUZZ_ASSERT(cond, ...) do {						\
	if (!(cond)) {								\
		fprintf(stderr, "%s:%d: contract broken: %s\n  ", __FILE__, __LINE__, #cond); \
		fprintf(stderr, __VA_ARGS__);					\
		fputc('\n', stderr);						\
		abort();							\
	}									\
} while (0)

struct fuzz_reader {
	const uint8_t *p;
	size_t left;
};

/* The next `bytes` (at most 8) bytes as a little-endian number; zeros once input runs out. */
static inline uint64_t fuzz_take(struct fuzz_reader *r, size_t bytes)
{
	uint64_t v = 0;

	for (size_t i = 0; i < bytes; i++, r->p++, r->left--) {
		if (!r->left)
			break;
		v |= (uint64_t)*r->p << (8 * i);
	}
	return v;
}

#endif
