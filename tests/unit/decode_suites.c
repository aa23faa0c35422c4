/* tests/unit/decode_suites.c: unit suites for the syscall table and decoders; one per module. */
#include "tests/unit/suites.h"

Suite *make_strbuf_suite(void);
Suite *make_xlat_suite(void);
Suite *make_sysent_suite(void);
Suite *make_decode_file_suite(void);
Suite *make_decode_desc_suite(void);
Suite *make_decode_process_suite(void);
Suite *make_decode_signal_suite(void);
Suite *make_decode_net_suite(void);

void add_decode_suites(SRunner *sr)
{
	srunner_add_suite(sr, make_strbuf_suite());
	srunner_add_suite(sr, make_xlat_suite());
	srunner_add_suite(sr, make_sysent_suite());
	srunner_add_suite(sr, make_decode_file_suite());
	srunner_add_suite(sr, make_decode_desc_suite());
	srunner_add_suite(sr, make_decode_process_suite());
	srunner_add_suite(sr, make_decode_signal_suite());
	srunner_add_suite(sr, make_decode_net_suite());
}
