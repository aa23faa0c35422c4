#include <check.h>
Suite *make_loader_path_search_suite(void);
Suite *make_loader_path_search_suite(void) { return suite_create("loader_path_search"); }
