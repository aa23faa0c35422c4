/* tests/unit/test_decode_signal.c: decoders of tracer/decode/signal.c over fake tracee memory. */
#include <check.h>
#include <string.h>
#include "tests/unit/test_decode_util.h"

START_TEST(test_signal_placeholder)
{
	fake_reset();
}
END_TEST

Suite *make_decode_signal_suite(void)
{
	Suite *s = suite_create("decode_signal");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_signal_placeholder);
	suite_add_tcase(s, tc);
	return s;
}
