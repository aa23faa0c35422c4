/*
 * tests/unit/feature_suites.c: unit suites for the tracer's option modules (filter, seccomp
 * filter, unwinder, JSON summary, --compare); one srunner_add_suite() per module.
 */
#include "tests/unit/suites.h"
#include "tracer/sysent.h"

Suite *make_filter_suite(void);
Suite *make_seccomp_filter_suite(void);
Suite *make_unwind_suite(void);
Suite *make_summary_json_suite(void);
Suite *make_compare_suite(void);

/* sysent_init() is "call once": every feature test goes through here. */
int feature_sysent_init(void)
{
	static int rc = 1;

	if (rc == 1)
		rc = sysent_init();
	return rc;
}

void add_feature_suites(SRunner *sr)
{
	srunner_add_suite(sr, make_filter_suite());
	srunner_add_suite(sr, make_seccomp_filter_suite());
	srunner_add_suite(sr, make_unwind_suite());
	srunner_add_suite(sr, make_summary_json_suite());
	srunner_add_suite(sr, make_compare_suite());
}
