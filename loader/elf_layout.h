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
/*
 * vm.mmap_rnd_bits as x86_64 defconfigs set it (CONFIG_ARCH_MMAP_RND_BITS): what the loader
 * assumes when it may not read the sysctl (mode 0600).
 */
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
 * The first PT_LOAD in file order has no file bytes. The kernel then maps nothing where
 * mmap would choose: elf_load() gives that segment's pages to vm_brk_flags() at the very
 * address asked for, so an ET_DYN asked "anywhere" (load_bias_at(0, p_vaddr)) gets that
 * segment's page at address 0, which only CAP_SYS_RAWIO may map.
 */
int first_load_is_bss_only(const Elf64_Phdr *ph, size_t n);

/*
 * Placement: the kernel decides where an image goes by its first PT_LOAD in file order
 * (not the lowest): it asks for that segment at PAGESTART(load_bias + p_vaddr), over
 * first_map_len() bytes, and every later PT_LOAD goes at the resulting bias + p_vaddr.
 */
/* arch/x86/mm/mmap.c:arch_mmap_rnd(): the low `bits` bits of random, in pages. */
unsigned long arch_mmap_rnd(unsigned long random, unsigned bits);
/*
 * load_elf_binary(), a PIE (ET_DYN with PT_INTERP): ELF_ET_DYN_BASE plus rnd
 * (arch_mmap_rnd(), 0 without randomisation), aligned down to align (maximum_alignment();
 * 0: none). An alignment of 2^47 or more gives 0.
 */
unsigned long et_dyn_base(unsigned long rnd, unsigned long align);
/* load_elf_binary(): the load_bias that puts the first PT_LOAD (p_vaddr) at base. */
unsigned long load_bias_at(unsigned long base, unsigned long vaddr);
/*
 * load_elf_interp(): load_addr before the first mapping: -p_vaddr (an address of mmap's
 * choice) for an ET_DYN interpreter when the program has a load bias (no_base), else 0
 * (the interpreter's own addresses: a hint for ET_DYN, fixed for ET_EXEC).
 */
unsigned long interp_load_addr(unsigned long no_base, int et_dyn, unsigned long vaddr);
/*
 * elf_map(): bytes its first mmap covers: total_size page-aligned when the kernel passes it
 * (ET_DYN programs, every interpreter), else the segment's own file pages. 0 for a
 * segment with no file bytes (elf_load() maps only its bss).
 */
unsigned long first_map_len(const Elf64_Phdr *first, unsigned long total);
/*
 * The bias once the first PT_LOAD (p_vaddr vaddr) landed at addr: addr - PAGESTART(vaddr)
 * (load_elf_interp()'s load_addr; load_elf_binary()'s adjusted load_bias is the same).
 */
unsigned long bias_after_first(unsigned long vaddr, unsigned long addr);

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
