/*
 * tests/unit/test_decode_util.h: drive the decoders without a tracee. A fake tracee memory
 * (an arena at FAKE_BASE; every other address is unreadable) and helpers that decode one
 * call into a string, as the engine would print it.
 */
#ifndef EXECLAB_TEST_DECODE_UTIL_H
#define EXECLAB_TEST_DECODE_UTIL_H

#include <stddef.h>
#include <stdint.h>
#include "tracer/decode.h"
#include "tracer/sysent.h"

#define FAKE_BASE 0x10000ULL
#define FAKE_UNREADABLE 0xdead0000ULL

void fake_reset(void);
/* Copies data into the fake memory and returns its tracee address. */
uint64_t fake_put(const void *data, size_t len);
uint64_t fake_str(const char *s);
/* The address of the last len bytes before the end of the readable arena. */
uint64_t fake_put_at_end(const void *data, size_t len);
extern const struct tracee_mem fake_mem;

/*
 * Decodes a whole call: entry, then exit with rval (is_error: rval is -errno). Returns the
 * line in static storage, e.g. "openat(AT_FDCWD, \"/etc\", O_RDONLY) = 3".
 */
const char *decode_call(int pers, const char *name, const uint64_t args[6], int64_t rval,
			int is_error, int strsize);
/* Only the entry half, as printed before "<unfinished ...>". */
const char *decode_call_entry(int pers, const char *name, const uint64_t args[6], int strsize);

#define A(...) ((const uint64_t[6]){ __VA_ARGS__ })
#define X64 PERS_X86_64
#define I386 PERS_I386

#endif
