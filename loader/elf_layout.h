/*
 * loader/elf_layout.h: the pure arithmetic of fs/binfmt_elf.c (page rounding,
 * total_mapping_size, maximum_alignment, make_prot, the AT_PHDR rule, code/data/brk
 * bounds, the per-segment plan of elf_load()). No system calls: unit-tested.
 */
#ifndef LOADER_ELF_LAYOUT_H
#define LOADER_ELF_LAYOUT_H

#include <elf.h>
#include <stddef.h>
#include <stdint.h>

#define ELF_MIN_ALIGN		4096UL
#define ELF_PAGESTART(v)	((v) & ~(ELF_MIN_ALIGN - 1))
#define ELF_PAGEOFFSET(v)	((v) & (ELF_MIN_ALIGN - 1))
#define ELF_PAGEALIGN(v)	(((v) + ELF_MIN_ALIGN - 1) & ~(ELF_MIN_ALIGN - 1))

/* x86_64, 4-level paging: the user address space ends one page below 1 << 47. */
#define TASK_SIZE		0x7ffffffff000UL
#define STACK_TOP		TASK_SIZE
#define BAD_ADDR(x)		((unsigned long)(x) >= TASK_SIZE)
/* arch/x86/include/asm/elf.h: DEFAULT_MAP_WINDOW / 3 * 2 for 64-bit tasks. */
#define ELF_ET_DYN_BASE		(TASK_SIZE / 3 * 2)
/* CONFIG_ARCH_MMAP_RND_BITS default on x86_64 (vm.mmap_rnd_bits). */
#define MMAP_RND_BITS		28

/* max(p_vaddr + p_memsz) - PAGESTART(min p_vaddr) over the PT_LOADs; 0 if none. */
unsigned long total_mapping_size(const Elf64_Phdr *ph, size_t n);
/* PAGESTART(min p_vaddr) over the PT_LOADs (0 if none). */
unsigned long lowest_load_vaddr(const Elf64_Phdr *ph, size_t n);
/* The largest power-of-two p_align among the PT_LOADs, page-rounded (0 if none). */
unsigned long maximum_alignment(const Elf64_Phdr *ph, size_t n);
/* PROT_* from PF_*: PF_R -> PROT_READ, PF_W -> PROT_WRITE, PF_X -> PROT_EXEC. */
int make_prot(uint32_t p_flags);
/* Index of the first PT_LOAD, or -1. */
int first_load(const Elf64_Phdr *ph, size_t n);
/*
 * A kernel quirk: an ET_DYN mapped where mmap chooses (interpreter, static-pie) whose
 * first PT_LOAD has no file bytes gets its first pages from vm_brk_flags() at
 * PAGESTART(p_vaddr) itself, so the "chosen" base is 0 (the image sits at its link
 * addresses: only root may map page 0). True for such a file.
 */
int first_load_is_bss_only(const Elf64_Phdr *ph, size_t n);

/*
 * The 5.18+ AT_PHDR rule: e_phoff - p_offset + p_vaddr for the (last) PT_LOAD whose file
 * range holds e_phoff; 0 if none does (then AT_PHDR is just the load bias). Before bias.
 */
unsigned long phdr_vaddr(const Elf64_Ehdr *eh, const Elf64_Phdr *ph, size_t n);

/* What load_elf_binary() stores in mm: code and data bounds and where brk starts. */
struct mm_bounds {
	unsigned long start_code, end_code, start_data, end_data;
	unsigned long elf_brk;		/* max p_vaddr + p_memsz */
};
/* Bounds of the main program's PT_LOADs, plus bias (kernel rule: see elf_layout.c). */
void mm_bounds(const Elf64_Phdr *ph, size_t n, unsigned long bias, struct mm_bounds *mb);

/*
 * Where brk starts (fs/binfmt_elf.c:load_elf_binary(), kernel >= 6.7). static_pie: ET_DYN
 * without PT_INTERP (brk is moved to ELF_ET_DYN_BASE). randomize: PF_RANDOMIZE with
 * randomize_va_space 2; rnd: a random number (only its value modulo 1 GiB / page matters).
 */
unsigned long brk_start(unsigned long elf_brk, int static_pie, int randomize, unsigned long rnd);

/*
 * One PT_LOAD as elf_load()/elf_map() map it at bias. All zero lengths mean "nothing".
 *   file:  mmap(map_addr, map_len, prot, MAP_PRIVATE|MAP_FIXED, fd, map_off)
 *   pad:   zero [pad_start, PAGEALIGN(pad_start)) if the segment is writable (padzero)
 *   anon:  anonymous [anon_start, +anon_len) with anon_prot = RW, plus X if PF_X
 *          (vm_brk_flags: the kernel's "bss = RW(+X)" rule)
 */
struct seg_plan {
	unsigned long map_addr, map_len, map_off;
	int prot;
	unsigned long pad_start, pad_len;
	unsigned long anon_start, anon_len;
	int anon_prot;
};
void plan_segment(const Elf64_Phdr *ph, unsigned long bias, struct seg_plan *sp);

/*
 * The protection the page holding vaddr ends up with once every PT_LOAD is mapped in
 * order (a later segment replaces an earlier one's pages, as MAP_FIXED does), or -1 if
 * no segment maps it.
 */
int prot_at(const Elf64_Phdr *ph, size_t n, unsigned long vaddr);

#endif
