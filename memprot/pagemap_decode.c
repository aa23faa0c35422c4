/* memprot/pagemap_decode.c: VA splitting and pagemap entries, over values. */
#include <stdio.h>

#include "memprot/pagemap_decode.h"

void va_split(uint64_t va, struct va_split *s)
{
	/* Sign-extension of bit 47: the top 17 bits are all zeros or all ones. */
	uint64_t top = va >> 47;

	s->pml4 = (va >> 39) & 511;
	s->pdpt = (va >> 30) & 511;
	s->pd = (va >> 21) & 511;
	s->pt = (va >> 12) & 511;
	s->offset = va & 4095;
	s->canonical = top == 0 || top == (1ULL << 17) - 1;
}

size_t va_split_format(const struct va_split *s, char *buf, size_t len)
{
	int n = snprintf(buf, len, "PML4 %u | PDPT %u | PD %u | PT %u | offset 0x%03lx%s",
			 s->pml4, s->pdpt, s->pd, s->pt, s->offset,
			 s->canonical ? "" : " (not canonical)");

	return n > 0 ? (size_t)n : 0;
}

void pagemap_decode(uint64_t raw, struct pagemap_entry *e)
{
	e->present = !!(raw & PM_PRESENT);
	e->swapped = !!(raw & PM_SWAPPED);
	e->file = !!(raw & PM_FILE);
	e->exclusive = !!(raw & PM_EXCLUSIVE);
	e->soft_dirty = !!(raw & PM_SOFT_DIRTY);
	e->uffd_wp = !!(raw & PM_UFFD_WP);
	e->guard = !!(raw & PM_GUARD);
	/* Bits 54..0 hold the PFN of a present page, or the swap type and offset of a swapped one. */
	e->pfn = e->present ? raw & PM_PFN_MASK : 0;
	e->swap_type = e->swapped ? (unsigned)(raw & 31) : 0;
	e->swap_offset = e->swapped ? (raw & PM_PFN_MASK) >> 5 : 0;
}

size_t pagemap_format(const struct pagemap_entry *e, char *buf, size_t len)
{
	int n;

	if (e->present)
		n = snprintf(buf, len, "present pfn 0x%llx%s%s%s", (unsigned long long)e->pfn,
			     e->exclusive ? " exclusive" : "", e->file ? " file" : "",
			     e->uffd_wp ? " uffd-wp" : "");
	else if (e->swapped)
		n = snprintf(buf, len, "swapped type %u offset 0x%llx%s", e->swap_type,
			     (unsigned long long)e->swap_offset, e->exclusive ? " exclusive" : "");
	else
		n = snprintf(buf, len, "not present%s", e->guard ? " guard" : "");
	return n > 0 ? (size_t)n : 0;
}
