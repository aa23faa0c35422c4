#include <check.h>
Suite *make_loader_elf_check_suite(void);
Suite *make_loader_elf_check_suite(void) { return suite_create("loader_elf_check"); }
