#include <check.h>
Suite *make_loader_create_elf_tables_suite(void);
Suite *make_loader_create_elf_tables_suite(void) { return suite_create("loader_create_elf_tables"); }
