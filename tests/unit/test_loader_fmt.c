#include <check.h>
Suite *make_loader_fmt_suite(void);
Suite *make_loader_fmt_suite(void) { return suite_create("loader_fmt"); }
