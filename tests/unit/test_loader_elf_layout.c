/* tests/unit/test_loader_elf_layout.c: loader/elf_layout.c, the arithmetic of binfmt_elf. */
#include <check.h>
#include <sys/mman.h>
#include "loader/elf_layout.h"
#include "tests/unit/test_loader_helpers.h"

Suite *make_loader_elf_layout_suite(void);

/* /bin/true on Debian 12: four PT_LOADs, the last with a bss. */
static void bin_true(Elf64_Phdr ph[6])
{
	ph[0] = (Elf64_Phdr){ .p_type = PT_PHDR, .p_offset = 64, .p_vaddr = 64, .p_filesz = 0x2d8 };
	ph[1] = tl_load(0, 0, 0x1290, 0x1290, PF_R);
	ph[2] = tl_load(0x2000, 0x2000, 0x3d59, 0x3d59, PF_R | PF_X);
	ph[3] = tl_load(0x6000, 0x6000, 0x1b60, 0x1b60, PF_R);
	ph[4] = tl_load(0x7d70, 0x8d70, 0x470, 0x608, PF_R | PF_W);
	ph[5] = (Elf64_Phdr){ .p_type = PT_GNU_STACK, .p_flags = PF_R | PF_W, .p_align = 16 };
}

START_TEST(total_size_bin_true)
{
	Elf64_Phdr ph[6];

	bin_true(ph);
	ck_assert_uint_eq(total_mapping_size(ph, 6), 0x8d70 + 0x608);
	ck_assert_uint_eq(lowest_load_vaddr(ph, 6), 0);
	ck_assert_int_eq(first_load(ph, 6), 1);
}
END_TEST

START_TEST(total_size_holes_and_order)
{
	Elf64_Phdr ph[2] = { tl_load(0x1000, 0x405000, 0x100, 0x100, PF_R),
			     tl_load(0x234, 0x401234, 0x10, 0x10, PF_R | PF_X) };

	/* holes count, descending order is fine, the start is page-rounded down */
	ck_assert_uint_eq(total_mapping_size(ph, 2), 0x405100 - 0x401000);
	ck_assert_uint_eq(lowest_load_vaddr(ph, 2), 0x401000);
}
END_TEST

START_TEST(total_size_none)
{
	Elf64_Phdr ph = { .p_type = PT_NOTE, .p_vaddr = 0x1000, .p_memsz = 0x1000 };

	ck_assert_uint_eq(total_mapping_size(&ph, 1), 0);
	ck_assert_int_eq(first_load(&ph, 1), -1);
}
END_TEST

START_TEST(alignment)
{
	Elf64_Phdr ph[3] = { tl_load(0, 0, 1, 1, PF_R), tl_load(0, 0, 1, 1, PF_R),
			     { .p_type = PT_TLS, .p_align = 1UL << 30 } };

	ph[1].p_align = 0x200000;
	ck_assert_uint_eq(maximum_alignment(ph, 3), 0x200000);
	ph[1].p_align = 0x300000;	/* not a power of two: ignored */
	ck_assert_uint_eq(maximum_alignment(ph, 3), 0x1000);
	ph[0].p_align = ph[1].p_align = 0;
	ck_assert_uint_eq(maximum_alignment(ph, 3), 0);
	ph[0].p_align = 16;		/* rounded up to a page */
	ck_assert_uint_eq(maximum_alignment(ph, 3), 0x1000);
}
END_TEST

START_TEST(prot_from_flags)
{
	ck_assert_int_eq(make_prot(0), PROT_NONE);
	ck_assert_int_eq(make_prot(PF_R), PROT_READ);
	ck_assert_int_eq(make_prot(PF_W), PROT_WRITE);
	ck_assert_int_eq(make_prot(PF_X), PROT_EXEC);
	ck_assert_int_eq(make_prot(PF_R | PF_X), PROT_READ | PROT_EXEC);
	ck_assert_int_eq(make_prot(PF_R | PF_W), PROT_READ | PROT_WRITE);
	ck_assert_int_eq(make_prot(PF_R | PF_W | PF_X), PROT_READ | PROT_WRITE | PROT_EXEC);
	ck_assert_int_eq(make_prot(PF_MASKOS | PF_R), PROT_READ);
}
END_TEST

START_TEST(at_phdr_rule)
{
	Elf64_Ehdr eh = tl_ehdr(6);
	Elf64_Phdr ph[6];

	bin_true(ph);
	ck_assert_uint_eq(phdr_vaddr(&eh, ph, 6), 64);
	/* ET_EXEC at 0x400000 */
	ph[1].p_vaddr = 0x400000;
	ck_assert_uint_eq(phdr_vaddr(&eh, ph, 6), 0x400040);
	/* the table in no PT_LOAD: 0 (AT_PHDR is just the bias); PT_PHDR never consulted */
	eh.e_phoff = 0x100000;
	ck_assert_uint_eq(phdr_vaddr(&eh, ph, 6), 0);
	/* in the second segment's file range */
	eh.e_phoff = 0x2010;
	ck_assert_uint_eq(phdr_vaddr(&eh, ph, 6), 0x2010);
	/* just past the end of a segment's file bytes: not in it */
	eh.e_phoff = 0x1290;
	ck_assert_uint_eq(phdr_vaddr(&eh, ph, 6), 0);
}
END_TEST

START_TEST(plan_file_and_bss)
{
	Elf64_Phdr ph = tl_load(0x7d70, 0x8d70, 0x470, 0x2608, PF_R | PF_W);
	struct seg_plan sp;

	plan_segment(&ph, 0x555555554000, &sp);
	ck_assert_uint_eq(sp.map_addr, 0x555555554000 + 0x8000);
	ck_assert_uint_eq(sp.map_len, 0x2000);	/* 0xd70 + 0x470 = 0x11e0 -> 2 pages */
	ck_assert_uint_eq(sp.map_off, 0x7000);
	ck_assert_int_eq(sp.prot, PROT_READ | PROT_WRITE);
	ck_assert_uint_eq(sp.pad_start, 0x555555554000 + 0x91e0);
	ck_assert_uint_eq(sp.pad_len, 0x1000 - 0x1e0);
	ck_assert_uint_eq(sp.anon_start, 0x555555554000 + 0xa000);
	ck_assert_uint_eq(sp.anon_len, 0x2000);	/* [0xa000, PAGEALIGN(0xb378)) */
	ck_assert_int_eq(sp.anon_prot, PROT_READ | PROT_WRITE);
}
END_TEST

START_TEST(plan_bss_rule)
{
	Elf64_Phdr ph = tl_load(0, 0x400000, 0x800, 0x3000, PF_R | PF_X);
	struct seg_plan sp;

	/* an R-X segment's bss is mapped rwx by the kernel; an R-- one's rw- */
	plan_segment(&ph, 0, &sp);
	ck_assert_int_eq(sp.anon_prot, PROT_READ | PROT_WRITE | PROT_EXEC);
	ck_assert_uint_eq(sp.anon_start, 0x401000);
	ck_assert_uint_eq(sp.anon_len, 0x2000);
	ph.p_flags = PF_R;
	plan_segment(&ph, 0, &sp);
	ck_assert_int_eq(sp.anon_prot, PROT_READ | PROT_WRITE);
	/* bss inside the last file page: padzero only, no anonymous pages */
	ph.p_memsz = 0x900;
	plan_segment(&ph, 0, &sp);
	ck_assert_uint_eq(sp.anon_len, 0);
	ck_assert_uint_eq(sp.pad_start, 0x400800);
	/* no bss: nothing to pad */
	ph.p_memsz = 0x800;
	plan_segment(&ph, 0, &sp);
	ck_assert_uint_eq(sp.pad_len, 0);
}
END_TEST

START_TEST(plan_zero_filesz)
{
	Elf64_Phdr ph = tl_load(0, 0x601010, 0, 0x64000000, PF_R | PF_W);
	struct seg_plan sp;

	/* no file part: anonymous pages from PAGESTART(vaddr) */
	plan_segment(&ph, 0, &sp);
	ck_assert_uint_eq(sp.map_len, 0);
	ck_assert_uint_eq(sp.anon_start, 0x601000);
	ck_assert_uint_eq(sp.anon_len, ELF_PAGEALIGN(0x10 + 0x64000000UL));
	ph.p_memsz = 0;
	plan_segment(&ph, 0, &sp);
	ck_assert_uint_eq(sp.anon_len, 0);
}
END_TEST

START_TEST(bss_only_first)
{
	Elf64_Phdr ph[6];

	bin_true(ph);
	ck_assert(!first_load_is_bss_only(ph, 6));
	ph[1].p_filesz = 0;
	ck_assert(first_load_is_bss_only(ph, 6));
	ck_assert(!first_load_is_bss_only(ph, 1));	/* no PT_LOAD at all */
}
END_TEST

START_TEST(place_pie)
{
	/* randomisation off: the familiar 0x555555554000; vm.mmap_rnd_bits bits of pages */
	ck_assert_uint_eq(load_bias_at(et_dyn_base(0, 0), 0), 0x555555554000UL);
	ck_assert_uint_eq(arch_mmap_rnd(~0UL, 28), ((1UL << 28) - 1) << 12);
	ck_assert_uint_eq(arch_mmap_rnd(~0UL, 32), ((1UL << 32) - 1) << 12);
	ck_assert_uint_eq(arch_mmap_rnd(0x12345, 8), 0x45000);
	ck_assert_uint_eq(et_dyn_base(0x1000, 0), ELF_ET_DYN_BASE + 0x1000);
	/* aligned down, not up; an alignment of 2^47 or more leaves 0 */
	ck_assert_uint_eq(et_dyn_base(0, 0x200000), 0x555555400000UL);
	ck_assert_uint_eq(et_dyn_base(0, 1UL << 47), 0);
	ck_assert_uint_eq(et_dyn_base(0, 1UL << 63), 0);
	/* the first PT_LOAD in file order lands on the base, whatever its p_vaddr */
	ck_assert_uint_eq(load_bias_at(0x555555554aaaUL, 0x1234), 0x555555553000UL);
	ck_assert_uint_eq(load_bias_at(0x555555554000UL, 0x7f0000000000UL) + 0x7f0000000000UL,
			  0x555555554000UL);
	/* a lower segment then lies below the base, and wraps below 0 */
	ck_assert_uint_gt(load_bias_at(0x555555554000UL, 0x7f0000000000UL) + 0x1000, TASK_SIZE);
}
END_TEST

START_TEST(place_first_mapping)
{
	Elf64_Phdr ph[6];

	bin_true(ph);
	/* ET_DYN: the whole size from the first segment; ET_EXEC: its own pages */
	ck_assert_uint_eq(first_map_len(&ph[1], total_mapping_size(ph, 6)), 0xa000);
	ck_assert_uint_eq(first_map_len(&ph[1], 0), 0x2000);
	ph[1].p_filesz = 0;	/* no file bytes: elf_load() maps only its bss */
	ck_assert_uint_eq(first_map_len(&ph[1], total_mapping_size(ph, 6)), 0);
	/* mmap's answer for p_vaddr v at addr gives the bias addr - PAGESTART(v) */
	ck_assert_uint_eq(bias_after_first(0x1234, 0x7f0000001000UL), 0x7f0000000000UL);
	ck_assert_uint_eq(bias_after_first(0, 0x7f0000000000UL), 0x7f0000000000UL);
}
END_TEST

START_TEST(place_interp)
{
	Elf64_Phdr ph = tl_load(0, ~0UL, 0, 0x239, PF_R);
	unsigned long load_addr, addr, bias;
	struct seg_plan sp;

	/* a PIE's ET_DYN interpreter: mmap's choice; otherwise its own first address */
	ck_assert_uint_eq(interp_load_addr(0x555555554000UL, 1, 0x1000), -0x1000UL);
	ck_assert_uint_eq(interp_load_addr(0, 1, 0x10000000), 0);
	ck_assert_uint_eq(interp_load_addr(0x555555554000UL, 0, 0x400000), 0);
	/*
	 * First PT_LOAD without file bytes at p_vaddr 2^64 - 1, for a PIE: asked at
	 * PAGESTART(load_addr + p_vaddr) = 0, where vm_brk_flags() maps its bss; the bias is
	 * then 0x1000, which puts that segment at [0, 0x2000) and the others above.
	 */
	load_addr = interp_load_addr(0x555555554000UL, 1, ph.p_vaddr);
	addr = ELF_PAGESTART(load_addr + ph.p_vaddr);
	ck_assert_uint_eq(addr, 0);
	bias = bias_after_first(ph.p_vaddr, addr);
	ck_assert_uint_eq(bias, 0x1000);
	plan_segment(&ph, bias, &sp);
	ck_assert_uint_eq(sp.anon_start, 0);
	ck_assert_uint_eq(sp.anon_len, 0x2000);
}
END_TEST

START_TEST(prot_at_rules)
{
	Elf64_Phdr ph[6];

	bin_true(ph);
	ck_assert_int_eq(prot_at(ph, 6, 0x23d0), PROT_READ | PROT_EXEC);	/* the entry */
	ck_assert_int_eq(prot_at(ph, 6, 0x100), PROT_READ);
	ck_assert_int_eq(prot_at(ph, 6, 0x9000), PROT_READ | PROT_WRITE);
	ck_assert_int_eq(prot_at(ph, 6, 0x20000), -1);
	/* a later RW segment on the text page wins (MAP_FIXED replaces) */
	ph[5] = tl_load(0x2000, 0x2000, 0x10, 0x10, PF_R | PF_W);
	ck_assert_int_eq(prot_at(ph, 6, 0x23d0), PROT_READ | PROT_WRITE);
	/* the bss rule: an R-X segment's anonymous tail is RWX */
	ph[0] = tl_load(0, 0x40000, 0x100, 0x5000, PF_R | PF_X);
	ck_assert_int_eq(prot_at(ph, 1, 0x43000), PROT_READ | PROT_WRITE | PROT_EXEC);
}
END_TEST

START_TEST(bounds_and_brk)
{
	Elf64_Phdr ph[6];
	struct mm_bounds mb;

	bin_true(ph);
	mm_bounds(ph, 6, 0x1000000, &mb);
	ck_assert_uint_eq(mb.start_code, 0x1002000);
	ck_assert_uint_eq(mb.end_code, 0x1002000 + 0x3d59);
	ck_assert_uint_eq(mb.start_data, 0x1008d70);	/* max p_vaddr of all, as the kernel */
	ck_assert_uint_eq(mb.end_data, 0x1008d70 + 0x470);
	ck_assert_uint_eq(mb.elf_brk, 0x1008d70 + 0x608);
	/* no randomisation: right after the bss, page-aligned */
	ck_assert_uint_eq(brk_start(mb.elf_brk, 0, 0, 0), 0x100a000);
	/* randomised: a one-page gap, then up to 1 GiB of pages */
	ck_assert_uint_eq(brk_start(mb.elf_brk, 0, 1, 0), 0x100b000);
	ck_assert_uint_eq(brk_start(mb.elf_brk, 0, 1, 3), 0x100e000);
	ck_assert_uint_eq(brk_start(mb.elf_brk, 0, 1, 262144), 0x100b000);	/* 1 GiB wraps */
	/* static-pie: moved to ELF_ET_DYN_BASE, no gap */
	ck_assert_uint_eq(brk_start(mb.elf_brk, 1, 0, 0), 0x555555555000);
	ck_assert_uint_eq(ELF_ET_DYN_BASE, 0x555555554aaaUL);
}
END_TEST

Suite *make_loader_elf_layout_suite(void)
{
	Suite *s = suite_create("loader_elf_layout");
	TCase *t = tcase_create("layout");

	tcase_add_test(t, total_size_bin_true);
	tcase_add_test(t, total_size_holes_and_order);
	tcase_add_test(t, total_size_none);
	tcase_add_test(t, alignment);
	tcase_add_test(t, prot_from_flags);
	tcase_add_test(t, at_phdr_rule);
	tcase_add_test(t, plan_file_and_bss);
	tcase_add_test(t, plan_bss_rule);
	tcase_add_test(t, plan_zero_filesz);
	tcase_add_test(t, bounds_and_brk);
	tcase_add_test(t, prot_at_rules);
	tcase_add_test(t, bss_only_first);
	tcase_add_test(t, place_pie);
	tcase_add_test(t, place_first_mapping);
	tcase_add_test(t, place_interp);
	suite_add_tcase(s, t);
	return s;
}
