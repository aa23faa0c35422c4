/* tests/unit/memprot_suites.c: unit suites for memprot/'s decoders. */
#include "tests/unit/suites.h"

Suite *make_memprot_decode_suite(void);

void add_memprot_suites(SRunner *sr)
{
	srunner_add_suite(sr, make_memprot_decode_suite());
}
