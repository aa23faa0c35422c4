/*
 * tests/unit/runner.c: the single Check runner for every unit suite in execlab.
 * CK_RUN_SUITE / CK_RUN_CASE in the environment select one suite or case.
 */
#include <stdlib.h>
#include "tests/unit/suites.h"

int main(void)
{
	SRunner *sr = srunner_create(NULL);
	int failed;

	add_lib_suites(sr);
	add_nostd_suites(sr);
	add_loader_suites(sr);
	add_tracer_suites(sr);
	add_decode_suites(sr);
	add_memprot_suites(sr);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
