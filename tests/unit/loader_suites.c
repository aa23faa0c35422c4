/* tests/unit/loader_suites.c: unit suites for loader; one srunner_add_suite() per module. */
#include "tests/unit/suites.h"

void add_loader_suites(SRunner *sr)
{
	(void)sr;
}
