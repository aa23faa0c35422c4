/* tests/unit/test_decode_process.c: decoders of tracer/decode/process.c over fake tracee memory. */
#include <check.h>
#include <string.h>
#include "tests/unit/test_decode_util.h"

START_TEST(test_process_placeholder)
{
	fake_reset();
}
END_TEST

Suite *make_decode_process_suite(void)
{
	Suite *s = suite_create("decode_process");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_process_placeholder);
	suite_add_tcase(s, tc);
	return s;
}
