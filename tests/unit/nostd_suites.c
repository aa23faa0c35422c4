/* tests/unit/nostd_suites.c: unit suites for nostd-demo's pure code. */
#include "tests/unit/suites.h"

Suite *make_alloc_suite(void);

void add_nostd_suites(SRunner *sr)
{
	srunner_add_suite(sr, make_alloc_suite());
}
