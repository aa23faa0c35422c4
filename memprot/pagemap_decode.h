/*
 * memprot/pagemap_decode.h: a virtual address split the way x86_64's 4-level page walk
 * uses it, and the meaning of one 64-bit /proc/PID/pagemap entry
 * (Documentation/admin-guide/mm/pagemap.rst). Pure functions over values.
 */
#ifndef EXECLAB_MEMPROT_PAGEMAP_DECODE_H
#define EXECLAB_MEMPROT_PAGEMAP_DECODE_H

#include <stddef.h>
#include <stdint.h>

/*
 * 4-level paging: bits 47..39 index the PML4, 38..30 the PDPT, 29..21 the page directory,
 * 20..12 the page table, 11..0 are the offset in a 4 KiB page. A 2 MiB page stops the walk
 * at the PD (its offset is bits 20..0), a 1 GiB page at the PDPT.
 */
struct va_split {
	unsigned pml4, pdpt, pd, pt;
	unsigned long offset;	/* within the 4 KiB page */
	int canonical;		/* bits 63..47 all equal, as 4-level paging demands */
};

void va_split(uint64_t va, struct va_split *s);

/* "PML4 255 | PDPT 40 | PD 97 | PT 211 | offset 0x123"; returns the length (like snprintf). */
size_t va_split_format(const struct va_split *s, char *buf, size_t len);

/* The bits of a pagemap entry. */
#define PM_PRESENT (1ULL << 63)
#define PM_SWAPPED (1ULL << 62)
#define PM_FILE (1ULL << 61)		/* file-backed or shared anonymous */
#define PM_GUARD (1ULL << 58)		/* a MADV_GUARD_INSTALL guard region */
#define PM_UFFD_WP (1ULL << 57)		/* userfaultfd write-protected */
#define PM_EXCLUSIVE (1ULL << 56)	/* mapped by this process only */
#define PM_SOFT_DIRTY (1ULL << 55)
#define PM_PFN_MASK ((1ULL << 55) - 1)	/* bits 54..0: the PFN when present */

struct pagemap_entry {
	int present, swapped, file, exclusive, soft_dirty, uffd_wp, guard;
	uint64_t pfn;			/* 0 when not present, or hidden from this reader */
	unsigned swap_type;		/* bits 4..0 when swapped */
	uint64_t swap_offset;		/* bits 54..5 when swapped */
};

void pagemap_decode(uint64_t raw, struct pagemap_entry *e);

/*
 * "present pfn 0x1b2c3d exclusive", "not present", "swapped type 0 offset 0x12": the
 * entry's state in a few words (soft-dirty is left out: kernels built without
 * CONFIG_MEM_SOFT_DIRTY never set it). Returns the length (like snprintf).
 */
size_t pagemap_format(const struct pagemap_entry *e, char *buf, size_t len);

#endif
