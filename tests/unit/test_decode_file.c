/* tests/unit/test_decode_file.c: decoders of tracer/decode/file.c over fake tracee memory. */
#include <check.h>
#include <string.h>
#include "tests/unit/test_decode_util.h"

START_TEST(test_file_placeholder)
{
	fake_reset();
}
END_TEST

Suite *make_decode_file_suite(void)
{
	Suite *s = suite_create("decode_file");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_file_placeholder);
	suite_add_tcase(s, tc);
	return s;
}
