/* tests/unit/loader_suites.c: unit suites for loader/; one srunner_add_suite() per module. */
#include "tests/unit/suites.h"

Suite *make_loader_elf_check_suite(void);
Suite *make_loader_elf_layout_suite(void);
Suite *make_loader_create_elf_tables_suite(void);
Suite *make_loader_script_parse_suite(void);
Suite *make_loader_fmt_suite(void);
Suite *make_loader_prctl_mm_map_suite(void);
Suite *make_loader_proc_maps_suite(void);
Suite *make_loader_map_svg_suite(void);

void add_loader_suites(SRunner *sr)
{
	srunner_add_suite(sr, make_loader_elf_check_suite());
	srunner_add_suite(sr, make_loader_elf_layout_suite());
	srunner_add_suite(sr, make_loader_create_elf_tables_suite());
	srunner_add_suite(sr, make_loader_script_parse_suite());
	srunner_add_suite(sr, make_loader_fmt_suite());
	srunner_add_suite(sr, make_loader_prctl_mm_map_suite());
	srunner_add_suite(sr, make_loader_proc_maps_suite());
	srunner_add_suite(sr, make_loader_map_svg_suite());
}
