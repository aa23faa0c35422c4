/*
 * tests/unit/test_loader_create_elf_tables.c: loader/create_elf_tables.c. The stack image
 * is built into a buffer standing for the top of a stack, then decoded back field by
 * field, as a program's _start would read it (fs/binfmt_elf.c:create_elf_tables()).
 */
#include <check.h>
#include <elf.h>
#include <errno.h>
#include <string.h>
#include "loader/create_elf_tables.h"

Suite *make_loader_create_elf_tables_suite(void);

#define TOP 0x7ffffffff000UL
#define BUFSZ 8192

/* its end stands for TOP, so it is aligned as a stack top is */
static unsigned char buf[BUFSZ] __attribute__((aligned(16)));
static const unsigned char rnd[16] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16 };
static const char *const argv[] = { "./dump", "x" };
static const char *const envp[] = { "A=1", "HOME=/root" };
/* a kernel-like template: values of program keys are placeholders to be replaced */
static const unsigned long tmpl[] = {
	AT_SYSINFO_EHDR, 0x7ffff7fc1000, AT_MINSIGSTKSZ, 3376, AT_HWCAP, 0x178bfbff,
	AT_PAGESZ, 4096, AT_CLKTCK, 100, AT_PHDR, 111, AT_PHENT, 222, AT_PHNUM, 333,
	AT_BASE, 444, AT_FLAGS, 555, AT_ENTRY, 666, AT_UID, 1000, AT_EUID, 1000,
	AT_GID, 100, AT_EGID, 100, AT_SECURE, 0, AT_RANDOM, 777, AT_HWCAP2, 2,
	AT_EXECFN, 888, AT_PLATFORM, 999, 27, 28, 28, 32, AT_NULL, 0 };

/* The byte of buf that stands for address a. */
static void *at(unsigned long a)
{
	ck_assert_uint_ge(a, TOP - BUFSZ);
	ck_assert_uint_lt(a, TOP);
	return buf + (a - (TOP - BUFSZ));
}

static struct elf_tables_in input(void)
{
	struct elf_tables_in in = {
		.argc = 2, .argv = argv, .envc = 2, .envp = envp, .execfn = "./dump",
		.platform = "x86_64", .random = rnd, .align_rnd = 0, .auxv_template = tmpl,
		.at_phdr = 0x555555554040, .at_phnum = 13, .at_base = 0x7ffff7fc3000,
		.at_entry = 0x5555555563d0,
	};
	return in;
}

START_TEST(layout_decoded)
{
	struct elf_tables_in in = input();
	struct elf_tables_out o;
	unsigned long *sp;
	size_t i;

	memset(buf, 0xAA, sizeof buf);
	ck_assert_int_eq(create_elf_tables(buf, BUFSZ, TOP, &in, &o), 0);
	/* rsp: 16-byte aligned, at argc */
	ck_assert_uint_eq(o.sp % 16, 0);
	ck_assert_uint_eq(o.size, TOP - o.sp);
	sp = at(o.sp);
	ck_assert_uint_eq(sp[0], 2);
	ck_assert_str_eq(at(sp[1]), "./dump");
	ck_assert_str_eq(at(sp[2]), "x");
	ck_assert_uint_eq(sp[3], 0);
	ck_assert_str_eq(at(sp[4]), "A=1");
	ck_assert_str_eq(at(sp[5]), "HOME=/root");
	ck_assert_uint_eq(sp[6], 0);
	/* auxv: the template's keys in the template's order, program values replaced */
	ck_assert_uint_eq(o.auxv, o.sp + 7 * 8);
	ck_assert_uint_eq(o.auxv_size, sizeof tmpl);
	for (i = 0; tmpl[i] != AT_NULL; i += 2)
		ck_assert_uint_eq(sp[7 + i], tmpl[i]);
	ck_assert_uint_eq(sp[7 + i], AT_NULL);
	ck_assert_uint_eq(sp[8 + i], 0);
#define AUX(k) ({ unsigned long v_ = ~0UL; for (size_t j = 0; tmpl[j]; j += 2) \
		if (sp[7 + j] == (k)) v_ = sp[8 + j]; v_; })
	ck_assert_uint_eq(AUX(AT_SYSINFO_EHDR), 0x7ffff7fc1000);
	ck_assert_uint_eq(AUX(AT_HWCAP), 0x178bfbff);
	ck_assert_uint_eq(AUX(AT_MINSIGSTKSZ), 3376);
	ck_assert_uint_eq(AUX(AT_PHDR), 0x555555554040);
	ck_assert_uint_eq(AUX(AT_PHENT), 56);
	ck_assert_uint_eq(AUX(AT_PHNUM), 13);
	ck_assert_uint_eq(AUX(AT_BASE), 0x7ffff7fc3000);
	ck_assert_uint_eq(AUX(AT_FLAGS), 0);
	ck_assert_uint_eq(AUX(AT_ENTRY), 0x5555555563d0);
	ck_assert_uint_eq(AUX(AT_UID), 1000);
	ck_assert_uint_eq(AUX(27), 28);
	ck_assert_uint_eq(AUX(28), 32);
	ck_assert_uint_eq(AUX(AT_RANDOM), o.random);
	ck_assert_mem_eq(at(o.random), rnd, 16);
	ck_assert_uint_eq(AUX(AT_PLATFORM), o.platform);
	ck_assert_str_eq(at(o.platform), "x86_64");
	ck_assert_uint_eq(AUX(AT_EXECFN), o.execfn);
	ck_assert_str_eq(at(o.execfn), "./dump");
#undef AUX
}
END_TEST

START_TEST(strings_order_and_top)
{
	struct elf_tables_in in = input();
	struct elf_tables_out o;
	const char *p;

	ck_assert_int_eq(create_elf_tables(buf, BUFSZ, TOP, &in, &o), 0);
	/* top 8 bytes zero; execfn right below; then envp, argv strings, packed */
	ck_assert_mem_eq(at(TOP - 8), "\0\0\0\0\0\0\0\0", 8);
	ck_assert_uint_eq(o.execfn, TOP - 8 - sizeof "./dump");
	ck_assert_uint_eq(o.env_end, o.execfn);
	ck_assert_uint_eq(o.arg_end, o.env_start);
	p = at(o.arg_start);
	ck_assert_mem_eq(p, "./dump\0x\0A=1\0HOME=/root\0./dump\0", 31);
	ck_assert_uint_eq(o.arg_start + 31 + 8, TOP);
	/* platform string below the 16-aligned string area, random bytes below it */
	ck_assert_uint_eq(o.platform, (o.arg_start & ~15UL) - 7);
	ck_assert_uint_eq(o.random, o.platform - 16);
	/* padding between the auxv end and the random bytes, less than 16 bytes */
	ck_assert_uint_lt(o.random - (o.auxv + o.auxv_size), 16);
}
END_TEST

START_TEST(alignment_parity)
{
	struct elf_tables_in in = input();
	struct elf_tables_out o;

	/* whatever the parity of the word count, sp stays 16-aligned */
	for (size_t envc = 0; envc <= 2; envc++)
		for (unsigned long r = 0; r < 40; r += 7) {
			in.envc = envc;
			in.align_rnd = r;
			ck_assert_int_eq(create_elf_tables(buf, BUFSZ, TOP, &in, &o), 0);
			ck_assert_uint_eq(o.sp % 16, 0);
			ck_assert_uint_eq(*(unsigned long *)at(o.sp), 2);
		}
}
END_TEST

START_TEST(align_rnd_moves_tables)
{
	struct elf_tables_in in = input();
	struct elf_tables_out a, b;

	ck_assert_int_eq(create_elf_tables(buf, BUFSZ, TOP, &in, &a), 0);
	in.align_rnd = 4096;
	ck_assert_int_eq(create_elf_tables(buf, BUFSZ, TOP, &in, &b), 0);
	ck_assert_uint_eq(a.arg_start, b.arg_start);	/* strings do not move */
	ck_assert_uint_eq(a.random - b.random, 4096);
	ck_assert_uint_eq(a.sp - b.sp, 4096);
}
END_TEST

START_TEST(no_platform_no_args)
{
	static const unsigned long small[] = { AT_PAGESZ, 4096, AT_RANDOM, 0, AT_NULL, 0 };
	struct elf_tables_in in = input();
	struct elf_tables_out o;
	unsigned long *sp;

	in.platform = NULL;
	in.argc = 0;
	in.envc = 0;
	in.auxv_template = small;
	ck_assert_int_eq(create_elf_tables(buf, BUFSZ, TOP, &in, &o), 0);
	sp = at(o.sp);
	ck_assert_uint_eq(sp[0], 0);
	ck_assert_uint_eq(sp[1], 0);
	ck_assert_uint_eq(sp[2], 0);
	ck_assert_uint_eq(sp[3], AT_PAGESZ);
	ck_assert_uint_eq(sp[5], AT_RANDOM);
	ck_assert_uint_eq(sp[6], o.random);
	ck_assert_uint_eq(sp[7], AT_NULL);
	ck_assert_uint_eq(o.random, (o.arg_start & ~15UL) - 16);
}
END_TEST

START_TEST(gap_below_strings_zeroed)
{
	struct elf_tables_in in = input();
	struct elf_tables_out o;
	const unsigned char *p;

	/* what was in the buffer before (the loader's old frames) must not reach the program */
	memset(buf, 0xAA, sizeof buf);
	in.align_rnd = 4000;
	ck_assert_int_eq(create_elf_tables(buf, BUFSZ, TOP, &in, &o), 0);
	for (p = at(o.platform + sizeof "x86_64"); p < (unsigned char *)at(o.arg_start); p++)
		ck_assert_msg(*p == 0, "byte at 0x%lx below the strings is 0x%02x",
			      (unsigned long)(p - buf) + TOP - BUFSZ, *p);
}
END_TEST

START_TEST(any_buffer_alignment)
{
	static unsigned char other[BUFSZ + 16] __attribute__((aligned(16)));
	struct elf_tables_in in = input();
	struct elf_tables_out a, b;

	/* buf only stands for the stack: the same image whatever its bytes' alignment */
	memset(buf, 0, sizeof buf);
	memset(other, 0, sizeof other);
	ck_assert_int_eq(create_elf_tables(buf, BUFSZ - 3, TOP, &in, &a), 0);
	ck_assert_int_eq(create_elf_tables(other + 1, BUFSZ - 3, TOP, &in, &b), 0);
	ck_assert_uint_eq(a.sp, b.sp);
	ck_assert_mem_eq(buf + BUFSZ - 3 - a.size, other + 1 + BUFSZ - 3 - b.size, a.size);
}
END_TEST

/* The kernel's values per key: computed ones from in/out, the template's for the rest. */
START_TEST(aux_values)
{
	struct elf_tables_in in = { .at_phdr = 0x400040, .at_phnum = 13, .at_base = 0x7f0000000000,
				    .at_entry = 0x401000 };
	struct elf_tables_out out = { .random = 0x7ffc0010, .execfn = 0x7ffc0fe0,
				      .platform = 0x7ffc0020 };

	ck_assert_uint_eq(elf_aux_value(&in, &out, AT_PHDR, 1), 0x400040);
	ck_assert_uint_eq(elf_aux_value(&in, &out, AT_PHENT, 1), 56);	/* not e_phentsize */
	ck_assert_uint_eq(elf_aux_value(&in, &out, AT_PHNUM, 1), 13);
	ck_assert_uint_eq(elf_aux_value(&in, &out, AT_BASE, 1), 0x7f0000000000);
	ck_assert_uint_eq(elf_aux_value(&in, &out, AT_FLAGS, 1), 0);
	ck_assert_uint_eq(elf_aux_value(&in, &out, AT_ENTRY, 1), 0x401000);
	ck_assert_uint_eq(elf_aux_value(&in, &out, AT_RANDOM, 1), 0x7ffc0010);
	ck_assert_uint_eq(elf_aux_value(&in, &out, AT_EXECFN, 1), 0x7ffc0fe0);
	ck_assert_uint_eq(elf_aux_value(&in, &out, AT_PLATFORM, 1), 0x7ffc0020);
	ck_assert_uint_eq(elf_aux_value(&in, &out, AT_HWCAP, 0xbfebfbff), 0xbfebfbff);
	ck_assert_uint_eq(elf_aux_value(&in, &out, AT_PAGESZ, 4096), 4096);
}
END_TEST

START_TEST(too_small)
{
	struct elf_tables_in in = input();
	struct elf_tables_out o;
	size_t need = elf_tables_size(&in);

	ck_assert_int_eq(create_elf_tables(buf, 200, TOP, &in, &o), -E2BIG);
	ck_assert_uint_le(need, BUFSZ);
	/* exactly that many bytes, ending where buf ends (aligned, as top must be) */
	ck_assert_int_eq(create_elf_tables(buf + BUFSZ - need, need, TOP, &in, &o), 0);
	ck_assert_uint_le(o.size, need);
}
END_TEST

START_TEST(stack_limits)
{
	struct elf_tables_in in = input();
	unsigned long ptrs;

	ck_assert_uint_eq(arg_limit(8UL << 20), 2UL << 20);		/* 8 MiB / 4 */
	ck_assert_uint_eq(arg_limit(~0UL), 6UL << 20);			/* unlimited: 6 MiB */
	ck_assert_uint_eq(arg_limit(64UL << 10), 128UL << 10);		/* never below ARG_MAX */
	/* "./dump\0x\0A=1\0HOME=/root\0" + execfn "./dump\0", 4 pointers */
	ck_assert_uint_eq(arg_bytes(&in, in.argc, &ptrs), 31 + 32);
	ck_assert_uint_eq(ptrs, 32);
	/* after a #! rewrite: the strings as they are now, the pointers as at the start */
	ck_assert_uint_eq(arg_bytes(&in, 1, &ptrs), 31 + 24);
	in.argc = 0;		/* argc counts as 1 */
	ck_assert_uint_eq(arg_bytes(&in, 0, &ptrs), 31 - 9 + 24);
}
END_TEST

Suite *make_loader_create_elf_tables_suite(void)
{
	Suite *s = suite_create("loader_create_elf_tables");
	TCase *t = tcase_create("stack");

	tcase_add_test(t, layout_decoded);
	tcase_add_test(t, strings_order_and_top);
	tcase_add_test(t, alignment_parity);
	tcase_add_test(t, align_rnd_moves_tables);
	tcase_add_test(t, no_platform_no_args);
	tcase_add_test(t, gap_below_strings_zeroed);
	tcase_add_test(t, any_buffer_alignment);
	tcase_add_test(t, aux_values);
	tcase_add_test(t, too_small);
	tcase_add_test(t, stack_limits);
	suite_add_tcase(s, t);
	return s;
}
