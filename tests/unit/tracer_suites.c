/*
 * tests/unit/tracer_suites.c: unit suites for tracer/ (the engine, selection, reports, the
 * command line; the decoders have tests/unit/decode_suites.c); one srunner_add_suite() per
 * module.
 */
#include "tests/unit/suites.h"
#include "tracer/sysent.h"

Suite *make_count_suite(void);
Suite *make_opts_suite(void);
Suite *make_tcb_suite(void);
Suite *make_output_suite(void);
Suite *make_startup_suite(void);
Suite *make_event_suite(void);
Suite *make_selection_suite(void);
Suite *make_seccomp_filter_suite(void);
Suite *make_unwind_suite(void);
Suite *make_json_suite(void);
Suite *make_compare_suite(void);

/* sysent_init() is "call once": every test that needs the syscall table goes through here. */
int unit_sysent_init(void)
{
	static int rc = 1;

	if (rc == 1)
		rc = sysent_init();
	return rc;
}

void add_tracer_suites(SRunner *sr)
{
	srunner_add_suite(sr, make_count_suite());
	srunner_add_suite(sr, make_opts_suite());
	srunner_add_suite(sr, make_tcb_suite());
	srunner_add_suite(sr, make_output_suite());
	srunner_add_suite(sr, make_startup_suite());
	srunner_add_suite(sr, make_event_suite());
	srunner_add_suite(sr, make_selection_suite());
	srunner_add_suite(sr, make_seccomp_filter_suite());
	srunner_add_suite(sr, make_unwind_suite());
	srunner_add_suite(sr, make_json_suite());
	srunner_add_suite(sr, make_compare_suite());
}
