/* tests/unit/tracer_suites.c: unit suites for tracer; one srunner_add_suite() per module. */
#include "tests/unit/suites.h"

void add_tracer_suites(SRunner *sr)
{
	(void)sr;
}
