/*
 * tests/unit/test_loader_elf_check.c: loader/elf_check.c, one test per rejection reason,
 * each with the kernel's errno (fs/binfmt_elf.c, execve(2)) and the detail text.
 */
#include <check.h>
#include <errno.h>
#include "loader/elf_check.h"
#include "loader/elf_layout.h"
#include "tests/unit/test_loader_helpers.h"

Suite *make_loader_elf_check_suite(void);

static struct diag d;

#define REJECTS(call, errno_, want) do {					\
	d = (struct diag){ 0 };							\
	ck_assert_int_eq((call), (errno_));					\
	ck_assert_int_eq(d.err, (errno_));					\
	ck_assert_msg(strstr(d.text, (want)) != NULL, "detail '%s' lacks '%s'",	\
		      d.text, (want));						\
} while (0)

START_TEST(header_valid)
{
	Elf64_Ehdr eh = tl_ehdr(2);

	ck_assert_int_eq(elf_check_header(&eh, &d), 0);
	eh.e_type = ET_EXEC;
	ck_assert_int_eq(elf_check_header(&eh, &d), 0);
}
END_TEST

START_TEST(header_magic)
{
	Elf64_Ehdr eh = tl_ehdr(2);

	eh.e_ident[EI_MAG3] = 'G';
	REJECTS(elf_check_header(&eh, &d), -ENOEXEC, "no ELF magic");
	ck_assert(!elf_has_magic("\177EL", 3));
	ck_assert(elf_has_magic("\177ELF", 4));
}
END_TEST

START_TEST(header_type_rel)
{
	Elf64_Ehdr eh = tl_ehdr(2);

	eh.e_type = ET_REL;
	REJECTS(elf_check_header(&eh, &d), -ENOEXEC, "e_type is 1, expected ET_EXEC (2) or ET_DYN (3)");
}
END_TEST

START_TEST(header_type_none_and_core)
{
	Elf64_Ehdr eh = tl_ehdr(2);

	eh.e_type = ET_NONE;	/* what a 4-byte "\177ELF" file looks like, zero-padded */
	REJECTS(elf_check_header(&eh, &d), -ENOEXEC, "e_type is 0");
	eh.e_type = ET_CORE;
	REJECTS(elf_check_header(&eh, &d), -ENOEXEC, "e_type is 4");
}
END_TEST

START_TEST(header_machine)
{
	Elf64_Ehdr eh = tl_ehdr(2);

	eh.e_machine = EM_386;
	REJECTS(elf_check_header(&eh, &d), -ENOEXEC, "e_machine is 3, expected EM_X86_64 (62)");
	eh.e_machine = EM_AARCH64;
	REJECTS(elf_check_header(&eh, &d), -ENOEXEC, "e_machine is 183");
}
END_TEST

START_TEST(header_ignores_what_the_kernel_ignores)
{
	Elf64_Ehdr eh = tl_ehdr(2);

	eh.e_ident[EI_CLASS] = 0;
	eh.e_ident[EI_DATA] = ELFDATA2MSB;
	eh.e_ident[EI_VERSION] = 9;
	eh.e_version = 77;
	eh.e_ehsize = 1;
	eh.e_shoff = ~0UL;
	eh.e_shnum = 0xffff;
	ck_assert_int_eq(elf_check_header(&eh, &d), 0);
}
END_TEST

START_TEST(header_x32)
{
	Elf64_Ehdr eh = tl_ehdr(2);

	/* an x32 program: its 52-byte header is followed by its first phdr's p_type (PT_LOAD) */
	eh.e_ident[EI_CLASS] = ELFCLASS32;
	eh.e_phentsize = 0;
	REJECTS(elf_check_header(&eh, &d), -ENOEXEC, "ELFCLASS32 with EM_X86_64: an x32 program");
	/* a 64-bit layout marked ELFCLASS32 is read as the kernel reads it: it runs */
	eh.e_phentsize = sizeof(Elf64_Phdr);
	ck_assert_int_eq(elf_check_header(&eh, &d), 0);
	/* ELFCLASS32 with another machine is judged by e_machine, as before */
	eh.e_machine = EM_386;
	REJECTS(elf_check_header(&eh, &d), -ENOEXEC, "e_machine is 3");
}
END_TEST

START_TEST(phdr_valid_and_limits)
{
	Elf64_Ehdr eh = tl_ehdr(13);
	uint64_t off;
	size_t size;

	ck_assert_int_eq(elf_check_phdr_table(&eh, 4096, -ENOEXEC, &off, &size, &d), 0);
	ck_assert_uint_eq(off, 64);
	ck_assert_uint_eq(size, 13 * 56);
	eh.e_phnum = 1170;	/* 65520 bytes: the largest table 6.17+ accept */
	ck_assert_int_eq(elf_check_phdr_table(&eh, 1 << 20, -ENOEXEC, &off, &size, &d), 0);
	eh.e_phnum = 74;	/* refused by <= 6.16 (> 4096 bytes), fine since 6.17 */
	ck_assert_int_eq(elf_check_phdr_table(&eh, 1 << 20, -ENOEXEC, &off, &size, &d), 0);
	eh.e_phoff = 65;	/* an odd e_phoff is fine */
	ck_assert_int_eq(elf_check_phdr_table(&eh, 1 << 20, -ENOEXEC, &off, &size, &d), 0);
}
END_TEST

START_TEST(phdr_entsize)
{
	Elf64_Ehdr eh = tl_ehdr(2);
	uint64_t off;
	size_t size;

	eh.e_phentsize = 40;
	REJECTS(elf_check_phdr_table(&eh, 4096, -ENOEXEC, &off, &size, &d), -ENOEXEC,
		"e_phentsize is 40, expected 56");
}
END_TEST

START_TEST(phdr_num_zero)
{
	Elf64_Ehdr eh = tl_ehdr(0);
	uint64_t off;
	size_t size;

	REJECTS(elf_check_phdr_table(&eh, 4096, -ENOEXEC, &off, &size, &d), -ENOEXEC,
		"e_phnum is 0, expected 1..1170");
}
END_TEST

START_TEST(phdr_num_too_many)
{
	Elf64_Ehdr eh = tl_ehdr(1171);
	uint64_t off;
	size_t size;

	REJECTS(elf_check_phdr_table(&eh, 1 << 20, -ENOEXEC, &off, &size, &d), -ENOEXEC,
		"e_phnum is 1171");
	eh.e_phnum = 0xffff;	/* PN_XNUM: no extended numbering for exec */
	REJECTS(elf_check_phdr_table(&eh, 1 << 20, -ENOEXEC, &off, &size, &d), -ENOEXEC,
		"e_phnum is 65535");
}
END_TEST

START_TEST(phdr_past_eof)
{
	Elf64_Ehdr eh = tl_ehdr(2);
	uint64_t off;
	size_t size;

	eh.e_phoff = 5000;
	REJECTS(elf_check_phdr_table(&eh, 4096, -ENOEXEC, &off, &size, &d), -ENOEXEC,
		"past the end of the file");
}
END_TEST

START_TEST(phdr_cut_off)
{
	Elf64_Ehdr eh = tl_ehdr(2);
	uint64_t off;
	size_t size;

	REJECTS(elf_check_phdr_table(&eh, 64 + 56 + 55, -ENOEXEC, &off, &size, &d), -ENOEXEC,
		"past the end of the file");
	ck_assert_int_eq(elf_check_phdr_table(&eh, 64 + 112, -ENOEXEC, &off, &size, &d), 0);
}
END_TEST

START_TEST(phdr_offset_overflow)
{
	Elf64_Ehdr eh = tl_ehdr(2);
	uint64_t off;
	size_t size;

	eh.e_phoff = ~0UL - 10;	/* e_phoff + size wraps around */
	REJECTS(elf_check_phdr_table(&eh, 4096, -ENOEXEC, &off, &size, &d), -ENOEXEC,
		"past the end");
}
END_TEST

START_TEST(phdr_interpreter_errno)
{
	Elf64_Ehdr eh = tl_ehdr(2);
	uint64_t off;
	size_t size;

	eh.e_phentsize = 32;
	REJECTS(elf_check_phdr_table(&eh, 4096, -ELIBBAD, &off, &size, &d), -ELIBBAD,
		"interpreter's e_phentsize is 32");
}
END_TEST

START_TEST(interp_phdr_size)
{
	Elf64_Phdr p = { .p_type = PT_INTERP, .p_offset = 0x318, .p_filesz = 1 };

	REJECTS(elf_check_interp_phdr(&p, 8192, &d), -ENOEXEC, "p_filesz is 1, expected 2..4096");
	p.p_filesz = 4097;
	REJECTS(elf_check_interp_phdr(&p, 1 << 20, &d), -ENOEXEC, "p_filesz is 4097");
	p.p_filesz = 4096;
	ck_assert_int_eq(elf_check_interp_phdr(&p, 1 << 20, &d), 0);
	p.p_filesz = 2;
	ck_assert_int_eq(elf_check_interp_phdr(&p, 1 << 20, &d), 0);
}
END_TEST

START_TEST(interp_phdr_short_read)
{
	Elf64_Phdr p = { .p_type = PT_INTERP, .p_offset = 8000, .p_filesz = 28 };

	REJECTS(elf_check_interp_phdr(&p, 8020, &d), -EIO, "past the end of the file");
	/* kernel_read() refuses a range ending past 2^63 - 1 (a negative loff_t): EINVAL */
	p.p_offset = (1UL << 63) - 4096;
	REJECTS(elf_check_interp_phdr(&p, 8020, &d), -EIO, "past the end of the file");
	p.p_offset = (1UL << 63) - 1 - 28;
	REJECTS(elf_check_interp_phdr(&p, 8020, &d), -EIO, "past the end of the file");
	p.p_offset = (1UL << 63) - 28;
	REJECTS(elf_check_interp_phdr(&p, 8020, &d), -EINVAL, "largest file offset");
	p.p_offset = ~0UL - 1;	/* the sum would wrap */
	REJECTS(elf_check_interp_phdr(&p, 8020, &d), -EINVAL, "largest file offset");
}
END_TEST

START_TEST(interp_path_nul)
{
	ck_assert_int_eq(elf_check_interp_path("/lib/ld.so", 11, &d), 0);
	/* only the last byte counts: an embedded NUL just cuts the path short */
	ck_assert_int_eq(elf_check_interp_path("/lib\0/ld.so", 12, &d), 0);
	REJECTS(elf_check_interp_path("/lib/ld.so!", 11, &d), -ENOEXEC, "not NUL-terminated");
}
END_TEST

START_TEST(interp_header_short)
{
	Elf64_Ehdr eh = tl_ehdr(2);

	REJECTS(elf_check_interp_header(&eh, 63, &d), -EIO, "shorter than an ELF header");
	ck_assert_int_eq(elf_check_interp_header(&eh, 64, &d), 0);
}
END_TEST

START_TEST(interp_header_magic)
{
	Elf64_Ehdr eh = tl_ehdr(2);

	memcpy(eh.e_ident, "#!/bin/sh\n", 10);	/* a script of 64 bytes or more */
	REJECTS(elf_check_interp_header(&eh, 100, &d), -ELIBBAD, "not an ELF file");
}
END_TEST

START_TEST(interp_header_machine)
{
	Elf64_Ehdr eh = tl_ehdr(2);

	eh.e_machine = EM_386;
	REJECTS(elf_check_interp_header(&eh, 4096, &d), -ELIBBAD, "interpreter's e_machine is 3");
}
END_TEST

START_TEST(interp_late_type)
{
	Elf64_Ehdr eh = tl_ehdr(1);
	Elf64_Phdr ph = tl_load(0, 0, 0x100, 0x100, PF_R | PF_X);

	ck_assert_int_eq(elf_check_interp_late(&eh, &ph, 1, &d), 0);
	eh.e_type = ET_REL;	/* load_elf_interp's error = ~0UL, i.e. -EPERM */
	REJECTS(elf_check_interp_late(&eh, &ph, 1, &d), -EPERM, "interpreter's e_type is 1");
	ck_assert(strstr(d.text, "point of no return"));
}
END_TEST

START_TEST(interp_late_no_load)
{
	Elf64_Ehdr eh = tl_ehdr(1);
	Elf64_Phdr ph = { .p_type = PT_NOTE };

	REJECTS(elf_check_interp_late(&eh, &ph, 1, &d), -EINVAL, "no PT_LOAD");
}
END_TEST

START_TEST(segments_valid)
{
	Elf64_Phdr ph[2] = { tl_load(0, 0x400000, 0x1000, 0x1000, PF_R | PF_X),
			     tl_load(0x1e10, 0x401e10, 0x200, 0x5000, PF_R | PF_W) };

	ck_assert_int_eq(elf_check_segments(ph, 2, 0, 0, &d), 0);
}
END_TEST

START_TEST(segments_congruence)
{
	Elf64_Phdr ph = tl_load(0x1001, 0x402000, 0x10, 0x10, PF_R);

	REJECTS(elf_check_segments(&ph, 1, 0, 0, &d), -EINVAL, "differ modulo the page size");
	ph.p_filesz = 0;	/* nothing mapped from the file: the kernel never mmaps it */
	ck_assert_int_eq(elf_check_segments(&ph, 1, 0, 0, &d), 0);
}
END_TEST

START_TEST(segments_filesz_gt_memsz)
{
	Elf64_Phdr ph = tl_load(0, 0x400000, 0x2000, 0x1000, PF_R);

	REJECTS(elf_check_segments(&ph, 1, 0, 0, &d), -EINVAL, "p_filesz 0x2000 > p_memsz 0x1000");
	REJECTS(elf_check_segments(&ph, 1, 0, 1, &d), -ENOMEM, "interpreter's PT_LOAD 0");
}
END_TEST

START_TEST(segments_past_task_size)
{
	Elf64_Phdr ph = tl_load(0, TASK_SIZE - 0x1000, 0x1000, 0x2000, PF_R);

	REJECTS(elf_check_segments(&ph, 1, 0, 0, &d), -EINVAL, "outside user space");
	ph.p_memsz = 0x1000;	/* ends exactly at TASK_SIZE: allowed */
	ck_assert_int_eq(elf_check_segments(&ph, 1, 0, 0, &d), 0);
	ph.p_vaddr = TASK_SIZE;
	ph.p_filesz = ph.p_memsz = 0;
	REJECTS(elf_check_segments(&ph, 1, 0, 0, &d), -EINVAL, "outside user space");
}
END_TEST

START_TEST(segments_overflow)
{
	Elf64_Phdr ph = tl_load(0, 0x400000, 0, ~0UL - 0x1000, PF_R);

	/* vaddr + memsz wraps: caught without computing the sum */
	REJECTS(elf_check_segments(&ph, 1, 0, 0, &d), -EINVAL, "outside user space");
	ph = tl_load(0, 0x1000, 0, TASK_SIZE, PF_R);	/* memsz alone fits, the sum does not */
	REJECTS(elf_check_segments(&ph, 1, 0, 0, &d), -EINVAL, "outside");
}
END_TEST

START_TEST(segments_program_unbiased)
{
	/* a PIE's bias brings this p_vaddr back into user space; its end wraps around 2^64 */
	Elf64_Phdr ph = tl_load(0, 0xfffffffffff00000, 0, 0x20000, PF_R | PF_W);
	unsigned long bias = 0x555555654000;

	REJECTS(elf_check_segments(&ph, 1, bias, 0, &d), -EINVAL,
		"PT_LOAD 0: [0xfffffffffff00000, +0x20000) is outside user space");
	/* the interpreter's is checked at its bias only, as load_elf_interp() does */
	ck_assert_int_eq(elf_check_segments(&ph, 1, bias, 1, &d), 0);
}
END_TEST

START_TEST(segments_skip_non_load)
{
	Elf64_Phdr ph = { .p_type = PT_DYNAMIC, .p_offset = 1, .p_vaddr = ~0UL,
			  .p_filesz = 9, .p_memsz = 1 };

	ck_assert_int_eq(elf_check_segments(&ph, 1, 0, 0, &d), 0);
}
END_TEST

START_TEST(padzero_past_eof)
{
	/* RW segment whose file bytes end in a page the file does not reach */
	Elf64_Phdr ph = tl_load(0x3000, 0x603000, 0x100, 0x2000, PF_R | PF_W);

	REJECTS(elf_check_padzero(&ph, 1, 0x2800, 0, &d), -EFAULT, "past the end of the file");
	/* the partial last page of the file is readable: fine */
	ck_assert_int_eq(elf_check_padzero(&ph, 1, 0x3001, 0, &d), 0);
	/* read-only: the kernel's padzero failure is ignored */
	ph.p_flags = PF_R;
	ck_assert_int_eq(elf_check_padzero(&ph, 1, 0x2800, 0, &d), 0);
	/* no bss, or bss starting on a page boundary: nothing to zero */
	ph.p_flags = PF_R | PF_W;
	ph.p_memsz = ph.p_filesz;
	ck_assert_int_eq(elf_check_padzero(&ph, 1, 0x2800, 0, &d), 0);
	ph.p_filesz = 0x1000;
	ph.p_memsz = 0x3000;
	ck_assert_int_eq(elf_check_padzero(&ph, 1, 0x2800, 0, &d), 0);
}
END_TEST

START_TEST(entry_not_mapped)
{
	Elf64_Phdr ph[2] = { tl_load(0, 0x400000, 0x1000, 0x1000, PF_R),
			     tl_load(0x1000, 0x401000, 0x100, 0x100, PF_R | PF_X) };
	Elf64_Phdr note = { .p_type = PT_NOTE };

	ck_assert_int_eq(elf_check_entry_mapped(ph, 2, 0x401010, "p", &d), 0);
	REJECTS(elf_check_entry_mapped(ph, 2, 0x500000, "p", &d), -ENOEXEC,
		"p's entry point 0x500000 is in no PT_LOAD segment");
	REJECTS(elf_check_entry_mapped(ph, 2, 0x400010, "p", &d), -ENOEXEC, "without PF_X");
	REJECTS(elf_check_entry_mapped(&note, 1, 0x400010, "p", &d), -ENOEXEC,
		"p has no PT_LOAD segment");
	ck_assert(strstr(d.text, "does not check this"));
}
END_TEST

START_TEST(entry_bad)
{
	ck_assert_int_eq(elf_check_entry(TASK_SIZE - 1, &d), 0);
	REJECTS(elf_check_entry(TASK_SIZE, &d), -EINVAL, "entry point 0x7ffffffff000");
	REJECTS(elf_check_entry(~0UL, &d), -EINVAL, "outside user space");
}
END_TEST

Suite *make_loader_elf_check_suite(void)
{
	Suite *s = suite_create("loader_elf_check");
	TCase *h = tcase_create("header"), *p = tcase_create("phdrs"),
	      *i = tcase_create("interp"), *l = tcase_create("after_ponr");

	tcase_add_test(h, header_valid);
	tcase_add_test(h, header_magic);
	tcase_add_test(h, header_type_rel);
	tcase_add_test(h, header_type_none_and_core);
	tcase_add_test(h, header_machine);
	tcase_add_test(h, header_ignores_what_the_kernel_ignores);
	tcase_add_test(h, header_x32);
	tcase_add_test(p, phdr_valid_and_limits);
	tcase_add_test(p, phdr_entsize);
	tcase_add_test(p, phdr_num_zero);
	tcase_add_test(p, phdr_num_too_many);
	tcase_add_test(p, phdr_past_eof);
	tcase_add_test(p, phdr_cut_off);
	tcase_add_test(p, phdr_offset_overflow);
	tcase_add_test(p, phdr_interpreter_errno);
	tcase_add_test(i, interp_phdr_size);
	tcase_add_test(i, interp_phdr_short_read);
	tcase_add_test(i, interp_path_nul);
	tcase_add_test(i, interp_header_short);
	tcase_add_test(i, interp_header_magic);
	tcase_add_test(i, interp_header_machine);
	tcase_add_test(l, interp_late_type);
	tcase_add_test(l, interp_late_no_load);
	tcase_add_test(l, segments_valid);
	tcase_add_test(l, segments_congruence);
	tcase_add_test(l, segments_filesz_gt_memsz);
	tcase_add_test(l, segments_past_task_size);
	tcase_add_test(l, segments_overflow);
	tcase_add_test(l, segments_program_unbiased);
	tcase_add_test(l, segments_skip_non_load);
	tcase_add_test(l, padzero_past_eof);
	tcase_add_test(l, entry_bad);
	tcase_add_test(l, entry_not_mapped);
	suite_add_tcase(s, h);
	suite_add_tcase(s, p);
	suite_add_tcase(s, i);
	suite_add_tcase(s, l);
	return s;
}
