/*
 * tracer/decode/array.c: arrays of fixed-size elements in tracee memory, printed as strace
 * prints them (tracer/decode/common.h, print_array).
 */
#include <inttypes.h>
#include "tracer/decode/common.h"

/* The largest element any decoder reads through print_array. */
#define ELEM_MAX 256

void print_array(struct dctx *d, uint64_t addr, uint64_t count, size_t size,
		 void (*print_elem)(struct dctx *d, const void *elem, size_t size))
{
	unsigned char elem[ELEM_MAX];
	uint64_t i;

	if (!addr) {
		sb_puts(d->sb, "NULL");
		return;
	}
	if (!count) {
		sb_puts(d->sb, "[]");
		return;
	}
	if (size > sizeof elem || count > UINT64_MAX / size || addr + count * size <= addr) {
		print_addr(d->sb, addr);
		return;
	}
	for (i = 0; i < count; i++) {
		uint64_t at = addr + i * size;

		if (mem_read_full(d, at, elem, size) < 0) {
			if (i == 0) {
				print_addr(d->sb, addr);
				return;
			}
			sb_printf(d->sb, ", ... /* %#" PRIx64 " */", at);
			break;
		}
		sb_puts(d->sb, i ? ", " : "[");
		if (d->o->strsize >= 0 && i >= (uint64_t)d->o->strsize) {
			sb_puts(d->sb, "...");
			break;
		}
		print_elem(d, elem, size);
	}
	sb_putc(d->sb, ']');
}
