/* tests/unit/tracer_suites.c: unit suites for tracer; one srunner_add_suite() per module. */
#include "tests/unit/suites.h"

Suite *make_count_suite(void);
Suite *make_opts_suite(void);
Suite *make_tcb_suite(void);
Suite *make_output_suite(void);
Suite *make_startup_suite(void);
Suite *make_event_suite(void);

void add_tracer_suites(SRunner *sr)
{
	srunner_add_suite(sr, make_count_suite());
	srunner_add_suite(sr, make_opts_suite());
	srunner_add_suite(sr, make_tcb_suite());
	srunner_add_suite(sr, make_output_suite());
	srunner_add_suite(sr, make_startup_suite());
	srunner_add_suite(sr, make_event_suite());
}
