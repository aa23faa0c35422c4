/*
 * tests/unit/suites.h: the one Check runner asks each part of execlab for its suites.
 * Each add_*_suites() calls srunner_add_suite() once per module (make_<module>_suite()).
 */
#ifndef EXECLAB_UNIT_SUITES_H
#define EXECLAB_UNIT_SUITES_H

#include <check.h>

void add_lib_suites(SRunner *sr);	/* tests/unit/lib_suites.c */
void add_nostd_suites(SRunner *sr);	/* tests/unit/nostd_suites.c */
void add_loader_suites(SRunner *sr);	/* tests/unit/loader_suites.c */
void add_tracer_suites(SRunner *sr);	/* tests/unit/tracer_suites.c */
void add_decode_suites(SRunner *sr);	/* tests/unit/decode_suites.c */
void add_memprot_suites(SRunner *sr);	/* tests/unit/memprot_suites.c */

#endif
