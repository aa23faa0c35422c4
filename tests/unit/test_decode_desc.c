/* tests/unit/test_decode_desc.c: decoders of tracer/decode/desc.c over fake tracee memory. */
#include <check.h>
#include <string.h>
#include "tests/unit/test_decode_util.h"

START_TEST(test_desc_placeholder)
{
	fake_reset();
}
END_TEST

Suite *make_decode_desc_suite(void)
{
	Suite *s = suite_create("decode_desc");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_desc_placeholder);
	suite_add_tcase(s, tc);
	return s;
}
