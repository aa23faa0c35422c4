#include <check.h>
Suite *make_loader_script_parse_suite(void);
Suite *make_loader_script_parse_suite(void) { return suite_create("loader_script_parse"); }
