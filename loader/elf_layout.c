/*
 * loader/elf_layout.c: mirrors the arithmetic helpers of fs/binfmt_elf.c (6.18):
 * total_mapping_size(), maximum_alignment(), make_prot(), elf_map()/elf_load() sizes, the
 * phdr_addr loop, the brk rules and the placement of load_elf_binary() and
 * load_elf_interp() (load bias, first mapping). Pure (no system calls), so the
 * Check runner tests it directly.
 */
#include <linux/mman.h>
#include "loader/elf_layout.h"

unsigned long total_mapping_size(const Elf64_Phdr *ph, size_t n)
{
	unsigned long min_addr = ~0UL, max_addr = 0;
	int any = 0;

	for (size_t i = 0; i < n; i++) {
		if (ph[i].p_type != PT_LOAD)
			continue;
		if (ELF_PAGESTART(ph[i].p_vaddr) < min_addr)
			min_addr = ELF_PAGESTART(ph[i].p_vaddr);
		if (ph[i].p_vaddr + ph[i].p_memsz > max_addr)
			max_addr = ph[i].p_vaddr + ph[i].p_memsz;
		any = 1;
	}
	return any ? max_addr - min_addr : 0;
}

unsigned long lowest_load_vaddr(const Elf64_Phdr *ph, size_t n)
{
	unsigned long min_addr = ~0UL;

	for (size_t i = 0; i < n; i++)
		if (ph[i].p_type == PT_LOAD && ELF_PAGESTART(ph[i].p_vaddr) < min_addr)
			min_addr = ELF_PAGESTART(ph[i].p_vaddr);
	return min_addr == ~0UL ? 0 : min_addr;
}

unsigned long maximum_alignment(const Elf64_Phdr *ph, size_t n)
{
	unsigned long alignment = 0;

	for (size_t i = 0; i < n; i++) {
		unsigned long a = ph[i].p_align;

		if (ph[i].p_type != PT_LOAD)
			continue;
		if (a == 0 || (a & (a - 1)))	/* not a power of two: ignored */
			continue;
		if (a > alignment)
			alignment = a;
	}
	return ELF_PAGEALIGN(alignment);
}

int make_prot(uint32_t p_flags)
{
	int prot = 0;

	if (p_flags & PF_R)
		prot |= PROT_READ;
	if (p_flags & PF_W)
		prot |= PROT_WRITE;
	if (p_flags & PF_X)
		prot |= PROT_EXEC;
	return prot;
}

int first_load(const Elf64_Phdr *ph, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (ph[i].p_type == PT_LOAD)
			return (int)i;
	return -1;
}

int first_load_is_bss_only(const Elf64_Phdr *ph, size_t n)
{
	int i = first_load(ph, n);

	return i >= 0 && ph[i].p_filesz == 0;
}

unsigned long arch_mmap_rnd(unsigned long random, unsigned bits)
{
	unsigned long mask = bits >= 64 ? ~0UL : (1UL << bits) - 1;

	return (random & mask) << 12;
}

unsigned long et_dyn_base(unsigned long rnd, unsigned long align)
{
	unsigned long base = ELF_ET_DYN_BASE + rnd;

	return align ? base & ~(align - 1) : base;
}

unsigned long load_bias_at(unsigned long base, unsigned long vaddr)
{
	return ELF_PAGESTART(base - vaddr);	/* modulo 2^64, as the kernel's */
}

unsigned long interp_load_addr(unsigned long no_base, int et_dyn, unsigned long vaddr)
{
	return no_base && et_dyn ? -vaddr : 0;
}

unsigned long first_map_len(const Elf64_Phdr *first, unsigned long total)
{
	if (!first->p_filesz)
		return 0;
	if (total)
		return ELF_PAGEALIGN(total);
	return ELF_PAGEALIGN(first->p_filesz + ELF_PAGEOFFSET(first->p_vaddr));
}

unsigned long bias_after_first(unsigned long vaddr, unsigned long addr)
{
	return addr - ELF_PAGESTART(vaddr);
}

unsigned long phdr_vaddr(const Elf64_Ehdr *eh, const Elf64_Phdr *ph, size_t n)
{
	unsigned long addr = 0;

	for (size_t i = 0; i < n; i++) {
		if (ph[i].p_type != PT_LOAD)
			continue;
		/* written so that p_offset + p_filesz cannot overflow */
		if (ph[i].p_offset <= eh->e_phoff &&
		    eh->e_phoff - ph[i].p_offset < ph[i].p_filesz)
			addr = eh->e_phoff - ph[i].p_offset + ph[i].p_vaddr;
	}
	return addr;
}

/*
 * load_elf_binary() keeps start_code = min p_vaddr of executable segments, end_code =
 * max p_vaddr + p_filesz of executable segments, start_data = max p_vaddr of all
 * segments (sic), end_data = max p_vaddr + p_filesz, elf_brk = max p_vaddr + p_memsz.
 */
void mm_bounds(const Elf64_Phdr *ph, size_t n, unsigned long bias, struct mm_bounds *mb)
{
	unsigned long start_code = ~0UL, end_code = 0, start_data = 0, end_data = 0, brk = 0;

	for (size_t i = 0; i < n; i++) {
		unsigned long k;

		if (ph[i].p_type != PT_LOAD)
			continue;
		k = ph[i].p_vaddr;
		if ((ph[i].p_flags & PF_X) && k < start_code)
			start_code = k;
		if (start_data < k)
			start_data = k;
		k = ph[i].p_vaddr + ph[i].p_filesz;
		if ((ph[i].p_flags & PF_X) && end_code < k)
			end_code = k;
		if (end_data < k)
			end_data = k;
		k = ph[i].p_vaddr + ph[i].p_memsz;
		if (k > brk)
			brk = k;
	}
	if (start_code == ~0UL)		/* no executable segment: the kernel's ~0UL + bias */
		start_code = end_code;
	mb->start_code = start_code + bias;
	mb->end_code = end_code + bias;
	mb->start_data = start_data + bias;
	mb->end_data = end_data + bias;
	mb->elf_brk = brk + bias;
}

unsigned long brk_start(unsigned long elf_brk, int static_pie, int randomize, unsigned long rnd)
{
	unsigned long brk = static_pie ? ELF_ET_DYN_BASE : elf_brk;

	brk = ELF_PAGEALIGN(brk);
	if (randomize) {
		if (!static_pie)
			brk += ELF_MIN_ALIGN;	/* a one-page gap after .bss */
		/* arch_randomize_brk(): randomize_page(brk, 1 GiB) */
		brk += (rnd % ((1UL << 30) / ELF_MIN_ALIGN)) * ELF_MIN_ALIGN;
	}
	return brk;
}

int prot_at(const Elf64_Phdr *ph, size_t n, unsigned long vaddr)
{
	int prot = -1;

	for (size_t i = 0; i < n; i++) {
		struct seg_plan sp;

		if (ph[i].p_type != PT_LOAD)
			continue;
		plan_segment(&ph[i], 0, &sp);
		if (vaddr - sp.map_addr < sp.map_len)
			prot = sp.prot;
		if (vaddr - sp.anon_start < sp.anon_len)
			prot = sp.anon_prot;
	}
	return prot;
}

void plan_segment(const Elf64_Phdr *ph, unsigned long bias, struct seg_plan *sp)
{
	unsigned long addr = bias + ph->p_vaddr;
	unsigned long zero_start, zero_end;

	*sp = (struct seg_plan){ 0 };
	sp->prot = make_prot(ph->p_flags);
	if (ph->p_filesz) {
		/* elf_map(): whole pages of the file around [p_offset, p_offset + p_filesz) */
		sp->map_addr = ELF_PAGESTART(addr);
		sp->map_len = ELF_PAGEALIGN(ph->p_filesz + ELF_PAGEOFFSET(ph->p_vaddr));
		sp->map_off = ph->p_offset - ELF_PAGEOFFSET(ph->p_vaddr);
		zero_start = addr + ph->p_filesz;
		zero_end = addr + ph->p_memsz;
		if (ph->p_memsz > ph->p_filesz && ELF_PAGEOFFSET(zero_start)) {
			sp->pad_start = zero_start;
			sp->pad_len = ELF_MIN_ALIGN - ELF_PAGEOFFSET(zero_start);
		}
	} else {
		zero_start = ELF_PAGESTART(addr);
		zero_end = zero_start + ELF_PAGEOFFSET(ph->p_vaddr) + ph->p_memsz;
	}
	if (ph->p_memsz > ph->p_filesz) {
		zero_start = ELF_PAGEALIGN(zero_start);
		zero_end = ELF_PAGEALIGN(zero_end);
		if (zero_end > zero_start) {
			sp->anon_start = zero_start;
			sp->anon_len = zero_end - zero_start;
			sp->anon_prot = PROT_READ | PROT_WRITE | (sp->prot & PROT_EXEC);
		}
	}
}
