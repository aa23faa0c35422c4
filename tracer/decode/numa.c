/*
 * tracer/decode/numa.c: decoders for NUMA memory policy calls: set_mempolicy,
 * get_mempolicy, mbind.
 */
#include <inttypes.h>
#include <linux/mempolicy.h>
#include "tracer/decode/common.h"

/* The mode flags a policy mode may carry (<linux/mempolicy.h>'s MPOL_MODE_FLAGS). */
#define MODE_FLAGS ((uint64_t)(MPOL_F_STATIC_NODES | MPOL_F_RELATIVE_NODES | MPOL_F_NUMA_BALANCING))

/* "MPOL_BIND", "MPOL_BIND|MPOL_F_STATIC_NODES"; an unknown mode with flags as flags. */
static void print_mode(struct dctx *d, uint64_t v)
{
	const char *mode = xlat_name(xlat_mpol_modes, v & ~MODE_FLAGS);

	arg_sep(d);
	if (!(v & MODE_FLAGS)) {
		xlat_print_enum(d->sb, xlat_mpol_modes, v, "MPOL_???");
	} else if (!mode) {
		xlat_print_flags(d->sb, xlat_mpol_mode_flags, v, NULL);
	} else {
		sb_printf(d->sb, "%s|", mode);
		xlat_print_flags(d->sb, xlat_mpol_mode_flags, v & MODE_FLAGS, NULL);
	}
}

/* Flags as strace prints them; a nonzero value with no known flag gets " /\* MPOL_??? *\/". */
static void p_mpol_flags(struct dctx *d, int i, const struct xlat *x)
{
	arg_sep(d);
	if (xlat_print_flags(d->sb, x, arg(d, i), NULL) == 0 && arg(d, i))
		sb_puts(d->sb, " /* MPOL_??? */");
}

/* One word of a node mask, zero-padded to the word's width. */
static void print_node_word(struct dctx *d, const void *elem, size_t size)
{
	uint64_t w = 0;

	if (size == sizeof(uint32_t))
		w = *(const uint32_t *)elem;
	else
		w = *(const uint64_t *)elem;
	sb_printf(d->sb, "%#0*" PRIx64, (int)size * 2, w);
}

/* The node mask at argument i holding maxnode bits, as words of the tracee's size. */
static void print_nodemask(struct dctx *d, int i, uint64_t maxnode)
{
	uint64_t bits = ptr_size(d) * 8, words = (maxnode + bits - 2) / bits;

	arg_sep(d);
	if (words < maxnode / bits || (maxnode && !words))
		print_addr(d->sb, arg(d, i));
	else
		print_array(d, arg(d, i), words, ptr_size(d), print_node_word);
}

DECODER(set_mempolicy)
{
	print_mode(d, (uint32_t)arg(d, 0));
	print_nodemask(d, 1, arg(d, 2));
	p_ulong(d, 2);
	return RV_DONE;
}

DECODER(get_mempolicy)
{
	int mode;

	if (!d->exiting)
		return 0;
	arg_sep(d);
	if (!failed(d) && arg(d, 0) && mem_read_full(d, arg(d, 0), &mode, sizeof mode) == 0) {
		sb_putc(d->sb, '[');
		xlat_print_enum(d->sb, xlat_mpol_modes, (uint32_t)mode, "MPOL_???");
		sb_putc(d->sb, ']');
	} else {
		print_addr(d->sb, arg(d, 0));
	}
	print_nodemask(d, 1, arg(d, 2));
	p_ulong(d, 2);
	p_ptr(d, 3);
	p_mpol_flags(d, 4, xlat_get_mempolicy_flags);
	return 0;
}

DECODER(mbind)
{
	p_ptr(d, 0);
	p_ulong(d, 1);
	print_mode(d, arg(d, 2));
	print_nodemask(d, 3, arg(d, 4));
	p_ulong(d, 4);
	p_mpol_flags(d, 5, xlat_mbind_flags);
	return RV_DONE;
}
