/*
 * tracer/decode/mem.c: decoders for memory-mapping calls: mmap, mmap2, mprotect,
 * pkey_mprotect, brk, mremap, madvise, msync (munmap and mlock are signatures).
 */
#include <inttypes.h>
#include <sys/mman.h>
#include "tracer/decode/common.h"

/* mmap2 takes its offset in 4096-byte units, whatever the page size. */
#define MMAP2_SHIFT 12

/* The huge page size's log2 in flags' bits 26-31 (linux/mman.h), which libcs may lack. */
#define MAP_HUGE_SHIFT_ 26
#define MAP_HUGE_MASK_ 0x3fu

/*
 * "MAP_PRIVATE|MAP_ANONYMOUS|MAP_HUGETLB|21<<MAP_HUGE_SHIFT": the type, the flags, the huge
 * page size last. Like strace 6.1, only the low 32 bits are named (its flags are an int);
 * the raw number keeps them all.
 */
static void map_flags_text(struct strbuf *sb, uint64_t flags)
{
	const char *type = xlat_name(xlat_map_type, flags & MAP_TYPE);
	unsigned huge;

	flags &= UINT32_MAX;
	huge = (flags >> MAP_HUGE_SHIFT_) & MAP_HUGE_MASK_;
	flags &= ~((uint64_t)MAP_HUGE_MASK_ << MAP_HUGE_SHIFT_);

	if (type)
		sb_puts(sb, type);
	else
		sb_printf(sb, "%#" PRIx64, flags & MAP_TYPE);
	flags &= ~(uint64_t)MAP_TYPE;
	if (flags) {
		sb_putc(sb, '|');
		xlat_print_flags(sb, xlat_map_flags, flags, NULL);
	}
	if (huge)
		sb_printf(sb, "|%u<<MAP_HUGE_SHIFT", huge);
}

/* The type and the flags in one value: verbose 0x22 /\* MAP_PRIVATE|MAP_ANONYMOUS *\/. */
static void print_map_flags(struct strbuf *sb, uint64_t flags)
{
	xlat_print_styled_by(sb, flags, XLAT_NUM_HEX, map_flags_text);
}

/* mmap(addr, len, prot, flags, fd, offset) -> address in hex; offset_shift is MMAP2_SHIFT
 * for mmap2. */
static int print_mmap(struct dctx *d, const uint64_t *a, int offset_shift)
{
	arg_sep(d);
	print_addr(d->sb, a[0]);
	arg_sep(d);
	sb_printf(d->sb, "%" PRIu64, a[1]);
	arg_sep(d);
	xlat_print_flags(d->sb, xlat_prot, a[2], "PROT_NONE");
	arg_sep(d);
	print_map_flags(d->sb, a[3]);
	arg_sep(d);
	print_fd(d, (int)a[4]);
	arg_sep(d);
	sb_printf(d->sb, "%#" PRIx64, a[5] << offset_shift);
	return RV_DONE | RV_HEX;
}

DECODER(mmap)
{
	uint64_t a[6];
	uint32_t a32[6];
	int i;

	if (is_compat(d)) {
		/* i386 old_mmap: one pointer to the six arguments. */
		if (mem_read_full(d, arg(d, 0), a32, sizeof a32) < 0) {
			p_ptr(d, 0);
			return RV_DONE | RV_HEX;
		}
		for (i = 0; i < 6; i++)
			a[i] = a32[i];
		return print_mmap(d, a, 0);
	}
	for (i = 0; i < 6; i++)
		a[i] = arg(d, i);
	return print_mmap(d, a, 0);
}

DECODER(mmap2)
{
	uint64_t a[6];
	int i;

	for (i = 0; i < 6; i++)
		a[i] = arg(d, i);
	return print_mmap(d, a, MMAP2_SHIFT);
}

DECODER(mprotect)
{
	p_ptr(d, 0);
	p_ulong(d, 1);
	p_flags(d, 2, xlat_prot, "PROT_NONE");
	return RV_DONE;
}

DECODER(pkey_mprotect)
{
	dec_mprotect(d);
	p_int(d, 3);
	return RV_DONE;
}

DECODER(brk)
{
	p_ptr(d, 0);
	return RV_DONE | RV_HEX;
}

DECODER(mremap)
{
	p_ptr(d, 0);
	p_ulong(d, 1);
	p_ulong(d, 2);
	p_flags(d, 3, xlat_mremap_flags, NULL);
	if (arg(d, 3) & 2)	/* MREMAP_FIXED */
		p_ptr(d, 4);
	return RV_DONE | RV_HEX;
}

DECODER(madvise)
{
	p_ptr(d, 0);
	p_ulong(d, 1);
	p_enum(d, 2, xlat_madvise, "MADV_???");
	return RV_DONE;
}

DECODER(msync)
{
	p_ptr(d, 0);
	p_ulong(d, 1);
	p_flags(d, 2, xlat_msync_flags, NULL);
	return RV_DONE;
}
