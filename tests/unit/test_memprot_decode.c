/*
 * tests/unit/test_memprot_decode.c: memprot's pure decoders: page-fault error codes,
 * SIGSEGV si_codes, the 4-level split of a virtual address, pagemap entries.
 */
#include <check.h>
#include <signal.h>
#include <string.h>

#include "memprot/fault_decode.h"
#include "memprot/pagemap_decode.h"

static const char *pf(unsigned long err)
{
	static char buf[256];

	pf_error_format(err, buf, sizeof(buf));
	return buf;
}

START_TEST(test_pf_error_codes)
{
	/* What a user-mode read of an unmapped page, a write to a read-only page and a fetch
	 * from a non-executable page push on x86_64. */
	ck_assert_str_eq(pf(0x4), "not-present read user");
	ck_assert_str_eq(pf(0x6), "not-present write user");
	ck_assert_str_eq(pf(0x7), "present write user");
	ck_assert_str_eq(pf(0x15), "present user instruction-fetch");
	ck_assert_str_eq(pf(0x27), "present write user protection-key");
	ck_assert_str_eq(pf(0x25), "present read user protection-key");
	ck_assert_str_eq(pf(0x0), "not-present read kernel");
	ck_assert_str_eq(pf(0x4d), "present read user reserved shadow-stack");
	ck_assert_str_eq(pf(0x8005), "present read user sgx");
}
END_TEST

START_TEST(test_pf_unknown_bits_and_truncation)
{
	char small[8];
	size_t n;

	ck_assert_str_eq(pf(0x84), "not-present read user bit7");
	ck_assert_str_eq(pf(0x10004), "not-present read user bit16");
	n = pf_error_format(0x7, small, sizeof(small));
	ck_assert_uint_eq(n, strlen("present write user"));
	ck_assert_str_eq(small, "present");
	ck_assert_uint_eq(pf_error_format(0x7, NULL, 0), n);
}
END_TEST

START_TEST(test_segv_codes)
{
	ck_assert_str_eq(segv_code_name(SEGV_MAPERR), "SEGV_MAPERR");
	ck_assert_str_eq(segv_code_name(SEGV_ACCERR), "SEGV_ACCERR");
	ck_assert_str_eq(segv_code_name(4), "SEGV_PKUERR");
	ck_assert_str_eq(segv_code_name(10), "SEGV_CPERR");
	ck_assert_ptr_null(segv_code_name(0));
	ck_assert_ptr_null(segv_code_name(11));
	ck_assert_ptr_null(segv_code_name(-1));
}
END_TEST

START_TEST(test_va_split)
{
	struct va_split s;
	char buf[128];

	/* 0x7fb7c5a3e123: bits 47..39 = 255, 38..30 = 223, 29..21 = 45, 20..12 = 62. */
	va_split(0x7fb7c5a3e123ULL, &s);
	ck_assert_uint_eq(s.pml4, 255);
	ck_assert_uint_eq(s.pdpt, 223);
	ck_assert_uint_eq(s.pd, 45);
	ck_assert_uint_eq(s.pt, 62);
	ck_assert_uint_eq(s.offset, 0x123);
	ck_assert_int_eq(s.canonical, 1);
	va_split_format(&s, buf, sizeof(buf));
	ck_assert_str_eq(buf, "PML4 255 | PDPT 223 | PD 45 | PT 62 | offset 0x123");

	va_split((1ULL << 39) | (2ULL << 30) | (3ULL << 21) | (4ULL << 12) | 5, &s);
	ck_assert_uint_eq(s.pml4, 1);
	ck_assert_uint_eq(s.pdpt, 2);
	ck_assert_uint_eq(s.pd, 3);
	ck_assert_uint_eq(s.pt, 4);
	ck_assert_uint_eq(s.offset, 5);

	va_split(0xffffffffff600000ULL, &s);	/* the vsyscall page: kernel half, canonical */
	ck_assert_int_eq(s.canonical, 1);
	ck_assert_uint_eq(s.pml4, 511);
	va_split(0x0000800000000000ULL, &s);	/* the first non-canonical address */
	ck_assert_int_eq(s.canonical, 0);
	va_split_format(&s, buf, sizeof(buf));
	ck_assert_ptr_nonnull(strstr(buf, "(not canonical)"));
}
END_TEST

START_TEST(test_pagemap_present)
{
	struct pagemap_entry e;
	char buf[128];

	pagemap_decode(PM_PRESENT | PM_EXCLUSIVE | 0x1b2c3dULL, &e);
	ck_assert_int_eq(e.present, 1);
	ck_assert_int_eq(e.exclusive, 1);
	ck_assert_int_eq(e.swapped, 0);
	ck_assert_uint_eq(e.pfn, 0x1b2c3d);
	pagemap_format(&e, buf, sizeof(buf));
	ck_assert_str_eq(buf, "present pfn 0x1b2c3d exclusive");

	/* An ordinary reader: the PFN bits read as zero; soft-dirty is never shown. */
	pagemap_decode(PM_PRESENT | PM_SOFT_DIRTY | PM_FILE, &e);
	ck_assert_uint_eq(e.pfn, 0);
	ck_assert_int_eq(e.soft_dirty, 1);
	ck_assert_int_eq(e.file, 1);
	pagemap_format(&e, buf, sizeof(buf));
	ck_assert_str_eq(buf, "present pfn 0x0 file");
}
END_TEST

START_TEST(test_pagemap_swapped_and_absent)
{
	struct pagemap_entry e;
	char buf[128];

	/* Swapped: type in bits 4..0, offset in 54..5. */
	pagemap_decode(PM_SWAPPED | (0x1234ULL << 5) | 3, &e);
	ck_assert_int_eq(e.present, 0);
	ck_assert_int_eq(e.swapped, 1);
	ck_assert_uint_eq(e.swap_type, 3);
	ck_assert_uint_eq(e.swap_offset, 0x1234);
	ck_assert_uint_eq(e.pfn, 0);
	pagemap_format(&e, buf, sizeof(buf));
	ck_assert_str_eq(buf, "swapped type 3 offset 0x1234");

	pagemap_decode(0, &e);
	pagemap_format(&e, buf, sizeof(buf));
	ck_assert_str_eq(buf, "not present");
	pagemap_decode(PM_GUARD, &e);
	pagemap_format(&e, buf, sizeof(buf));
	ck_assert_str_eq(buf, "not present guard");
}
END_TEST

Suite *make_memprot_decode_suite(void)
{
	Suite *s = suite_create("memprot_decode");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_pf_error_codes);
	tcase_add_test(tc, test_pf_unknown_bits_and_truncation);
	tcase_add_test(tc, test_segv_codes);
	tcase_add_test(tc, test_va_split);
	tcase_add_test(tc, test_pagemap_present);
	tcase_add_test(tc, test_pagemap_swapped_and_absent);
	suite_add_tcase(s, tc);
	return s;
}
