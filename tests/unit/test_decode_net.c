/* tests/unit/test_decode_net.c: decoders of tracer/decode/net.c over fake tracee memory. */
#include <check.h>
#include <string.h>
#include "tests/unit/test_decode_util.h"

START_TEST(test_net_placeholder)
{
	fake_reset();
}
END_TEST

Suite *make_decode_net_suite(void)
{
	Suite *s = suite_create("decode_net");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_net_placeholder);
	suite_add_tcase(s, tc);
	return s;
}
