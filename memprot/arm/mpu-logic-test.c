/*
 * memprot/arm/mpu-logic-test.c: the MPU demo's pure logic, built for the host and run by
 * tests/memprot/mpu-logic.sh: region encoding and decoding (PMSAv7, PMSAv8) against values
 * worked out by hand from the architecture's register layouts, a table's checks, MMFSR
 * names, the formatter, Thumb instruction sizes.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "memprot/arm/fmt.h"
#include "memprot/arm/mmfsr.h"
#include "memprot/arm/mpu.h"
#include "memprot/arm/thumb.h"

static struct mpu_regs enc(const struct mpu_arch *a, struct mpu_region r, int want_err)
{
	struct mpu_regs regs = { 0, 0 };

	ck_assert_int_eq(a->encode(&r, &regs), want_err);
	return regs;
}

/* RASR = XN << 28 | AP << 24 | C << 17 | B << 16 | (log2(size) - 1) << 1 | ENABLE. */
START_TEST(test_pmsav7_encode)
{
	static const struct {
		struct mpu_region r;
		uint32_t rasr;
	} cases[] = {
		{ { "flash", 0, 0x400000, ACC_RO, 1, MEM_NORMAL }, 0x06000000 | 0x20000 | 21 << 1 | 1 },
		{ { "ram", 0x20000000, 0x20008000, ACC_PRW, 0, MEM_NORMAL }, 0x11020000 | 14 << 1 | 1 },
		{ { "shared", 0x20005100, 0x20005200, ACC_PRW_URO, 0, MEM_NORMAL }, 0x1202000f },
		{ { "stack", 0x20005800, 0x20006000, ACC_RW, 0, MEM_NORMAL }, 0x13020015 },
		{ { "guard", 0x20005800, 0x20005820, ACC_NONE, 0, MEM_NORMAL }, 0x10020009 },
		{ { "uart", 0x40004000, 0x40005000, ACC_PRW, 0, MEM_DEVICE }, 0x11010017 },
		{ { "pro", 0x1000, 0x2000, ACC_PRO, 1, MEM_NORMAL }, 0x05020017 },
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct mpu_regs regs = enc(&pmsav7, cases[i].r, 0);
		ck_assert_uint_eq(regs.rbar, cases[i].r.base);
		ck_assert_uint_eq(regs.r2, cases[i].rasr);
	}
}
END_TEST

START_TEST(test_pmsav7_refuses)
{
	enc(&pmsav7, (struct mpu_region){ "16", 0x1000, 0x1010, ACC_RW, 0, MEM_NORMAL }, -MPU_ESIZE);
	enc(&pmsav7, (struct mpu_region){ "48", 0x1000, 0x1030, ACC_RW, 0, MEM_NORMAL }, -MPU_ESIZE);
	enc(&pmsav7, (struct mpu_region){ "empty", 0x1000, 0x1000, ACC_RW, 0, MEM_NORMAL }, -MPU_ESIZE);
	/* 4 KB must start on a 4 KB boundary: 32-byte alignment is not enough in PMSAv7. */
	enc(&pmsav7, (struct mpu_region){ "4k", 0x20005820, 0x20006820, ACC_RW, 0, MEM_NORMAL },
	    -MPU_EALIGN);
}
END_TEST

START_TEST(test_pmsav7_decode)
{
	struct mpu_view v;

	pmsav7.decode((struct mpu_regs){ 0x20005102, 0x1202000f }, &v);
	ck_assert_int_eq(v.enabled, 1);
	ck_assert_uint_eq(v.base, 0x20005100);
	ck_assert_uint_eq(v.last, 0x200051ff);
	ck_assert_str_eq(v.access, "priv RW, user RO");
	ck_assert_int_eq(v.exec, 0);
	ck_assert_str_eq(v.memory, "normal");
	/* SIZE 31: all 4 GB. */
	pmsav7.decode((struct mpu_regs){ 0, 0x0301003f }, &v);
	ck_assert_uint_eq(v.base, 0);
	ck_assert_uint_eq(v.last, 0xffffffffu);
	ck_assert_str_eq(v.access, "priv RW, user RW");
	ck_assert_int_eq(v.exec, 1);
	ck_assert_str_eq(v.memory, "device");
	pmsav7.decode((struct mpu_regs){ 0, 0 }, &v);
	ck_assert_int_eq(v.enabled, 0);
}
END_TEST

/* RBAR = base | AP << 1 | XN; RLAR = (end - 32) | AttrIndx << 1 | EN. */
START_TEST(test_pmsav8_encode)
{
	struct mpu_regs regs;

	regs = enc(&pmsav8, (struct mpu_region){ "stack", 0x38005820, 0x38006000, ACC_RW, 0,
						 MEM_NORMAL }, 0);
	ck_assert_uint_eq(regs.rbar, 0x38005820 | 1 << 1 | 1);
	ck_assert_uint_eq(regs.r2, 0x38005fe0 | 0 << 1 | 1);
	regs = enc(&pmsav8, (struct mpu_region){ "flash", 0x10000000, 0x10400000, ACC_RO, 1,
						 MEM_NORMAL }, 0);
	ck_assert_uint_eq(regs.rbar, 0x10000006);
	ck_assert_uint_eq(regs.r2, 0x103fffe1);
	regs = enc(&pmsav8, (struct mpu_region){ "uart", 0x50200000, 0x50201000, ACC_PRW, 0,
						 MEM_DEVICE }, 0);
	ck_assert_uint_eq(regs.rbar, 0x50200001);
	ck_assert_uint_eq(regs.r2, 0x50200fe3);
	regs = enc(&pmsav8, (struct mpu_region){ "pro", 0x1000, 0x1020, ACC_PRO, 1, MEM_NORMAL }, 0);
	ck_assert_uint_eq(regs.rbar, 0x1004);
	ck_assert_uint_eq(pmsav8.mair0, 0x04aa);
}
END_TEST

START_TEST(test_pmsav8_refuses)
{
	enc(&pmsav8, (struct mpu_region){ "none", 0x1000, 0x1020, ACC_NONE, 0, MEM_NORMAL },
	    -MPU_EACCESS);
	enc(&pmsav8, (struct mpu_region){ "pruro", 0x1000, 0x1020, ACC_PRW_URO, 0, MEM_NORMAL },
	    -MPU_EACCESS);
	enc(&pmsav8, (struct mpu_region){ "base", 0x1010, 0x1040, ACC_RW, 0, MEM_NORMAL },
	    -MPU_EALIGN);
	enc(&pmsav8, (struct mpu_region){ "end", 0x1000, 0x1030, ACC_RW, 0, MEM_NORMAL },
	    -MPU_EALIGN);
	enc(&pmsav8, (struct mpu_region){ "empty", 0x1000, 0x1000, ACC_RW, 0, MEM_NORMAL },
	    -MPU_ESIZE);
}
END_TEST

START_TEST(test_pmsav8_decode)
{
	struct mpu_view v;

	pmsav8.decode((struct mpu_regs){ 0x38005823, 0x38005fe1 }, &v);
	ck_assert_int_eq(v.enabled, 1);
	ck_assert_uint_eq(v.base, 0x38005820);
	ck_assert_uint_eq(v.last, 0x38005fff);
	ck_assert_str_eq(v.access, "priv RW, user RW");
	ck_assert_int_eq(v.exec, 0);
	ck_assert_str_eq(v.memory, "normal");
	pmsav8.decode((struct mpu_regs){ 0x50200001, 0x50200fe3 }, &v);
	ck_assert_str_eq(v.memory, "device");
	ck_assert_str_eq(v.access, "priv RW, user --");
}
END_TEST

/* An overlay inside RAM: PMSAv7's way (the higher region wins), a fault in PMSAv8. */
START_TEST(test_check_overlap_and_count)
{
	static const struct mpu_region t[] = {
		{ "ram", 0x20000000, 0x20008000, ACC_PRW, 0, MEM_NORMAL },
		{ "flash", 0, 0x400000, ACC_RO, 1, MEM_NORMAL },
		{ "window", 0x20005100, 0x20005200, ACC_RO, 0, MEM_NORMAL },
	};
	size_t bad;

	ck_assert_int_eq(mpu_check(&pmsav7, t, 3, 8, &bad), 0);
	ck_assert_uint_eq(bad, 3);
	ck_assert_int_eq(mpu_check(&pmsav8, t, 3, 8, &bad), -MPU_EOVERLAP);
	ck_assert_uint_eq(bad, 2);
	ck_assert_int_eq(mpu_check(&pmsav8, t, 2, 8, &bad), 0);
	ck_assert_int_eq(mpu_check(&pmsav7, t, 3, 2, &bad), -MPU_ECOUNT);
	ck_assert_str_eq(mpu_err_name(-MPU_EOVERLAP), "regions overlap");
	ck_assert_str_eq(mpu_err_name(-99), "unknown error");
}
END_TEST

START_TEST(test_mmfsr_names)
{
	char buf[80];

	ck_assert_uint_eq(mmfsr_names(0x82, buf, sizeof buf), strlen("DACCVIOL MMARVALID"));
	ck_assert_str_eq(buf, "DACCVIOL MMARVALID");
	mmfsr_names(0x92, buf, sizeof buf);
	ck_assert_str_eq(buf, "DACCVIOL MSTKERR MMARVALID");
	mmfsr_names(0x3b, buf, sizeof buf);
	ck_assert_str_eq(buf, "IACCVIOL DACCVIOL MUNSTKERR MSTKERR MLSPERR");
	mmfsr_names(0x44, buf, sizeof buf);
	ck_assert_str_eq(buf, "bit2 bit6");
	mmfsr_names(0x100, buf, sizeof buf);	/* a BusFault bit: not MMFSR's */
	ck_assert_str_eq(buf, "none");
	ck_assert_uint_eq(mmfsr_names(0x82, buf, 8), 18);
	ck_assert_str_eq(buf, "DACCVIO");
	ck_assert_uint_eq(mmfsr_names(0x82, buf, 0), 18);
}
END_TEST

START_TEST(test_fmt)
{
	char buf[64];

	ck_assert_uint_eq(fmt(buf, sizeof buf, "%u %u %u", 0u, 1000u, 4294967295u), 17);
	ck_assert_str_eq(buf, "0 1000 4294967295");
	fmt(buf, sizeof buf, "%x %b %s %% 5%", 0x82u, 0x182u, "ok");
	ck_assert_str_eq(buf, "0x00000082 0x82 ok % 5%");
	ck_assert_uint_eq(fmt(buf, 4, "%x", 1u), 10);
	ck_assert_str_eq(buf, "0x0");
	buf[0] = 'z';
	ck_assert_uint_eq(fmt(buf, 0, "abc"), 3);
	ck_assert_int_eq(buf[0], 'z');
}
END_TEST

START_TEST(test_thumb_insn_size)
{
	ck_assert_uint_eq(thumb_insn_size(0x4770), 2);	/* bx lr */
	ck_assert_uint_eq(thumb_insn_size(0x6013), 2);	/* str r3, [r2] */
	ck_assert_uint_eq(thumb_insn_size(0xe7fe), 2);	/* b . */
	ck_assert_uint_eq(thumb_insn_size(0xe92d), 4);	/* push.w */
	ck_assert_uint_eq(thumb_insn_size(0xf8c3), 4);	/* str.w */
	ck_assert_uint_eq(thumb_insn_size(0xf000), 4);	/* bl */
}
END_TEST

int main(void)
{
	Suite *s = suite_create("mpu-logic");
	TCase *tc = tcase_create("pure");
	SRunner *sr;
	int failed;

	tcase_add_test(tc, test_pmsav7_encode);
	tcase_add_test(tc, test_pmsav7_refuses);
	tcase_add_test(tc, test_pmsav7_decode);
	tcase_add_test(tc, test_pmsav8_encode);
	tcase_add_test(tc, test_pmsav8_refuses);
	tcase_add_test(tc, test_pmsav8_decode);
	tcase_add_test(tc, test_check_overlap_and_count);
	tcase_add_test(tc, test_mmfsr_names);
	tcase_add_test(tc, test_fmt);
	tcase_add_test(tc, test_thumb_insn_size);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
