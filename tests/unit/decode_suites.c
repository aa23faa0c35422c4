/* tests/unit/decode_suites.c: unit suites for decode; one srunner_add_suite() per module. */
#include "tests/unit/suites.h"

void add_decode_suites(SRunner *sr)
{
	(void)sr;
}
