/* tests/unit/lib_suites.c: unit suites for lib/, the code loader/ and tracer/ share. */
#include "tests/unit/suites.h"

Suite *make_path_search_suite(void);

void add_lib_suites(SRunner *sr)
{
	srunner_add_suite(sr, make_path_search_suite());
}
