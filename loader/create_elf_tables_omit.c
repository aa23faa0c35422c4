/*
 * loader/create_elf_tables_omit.c: the auxv keys by their <elf.h> names, for the teaching
 * option --omit-auxv NAME, which leaves one entry out of the new program's auxv (to show
 * what a C library does without it: glibc reads its stack canary and pointer guard from
 * AT_RANDOM's bytes unchecked, musl falls back). The kernel never omits one.
 */
#include <elf.h>
#include <linux/errno.h>
#include <string.h>
#include "loader/create_elf_tables.h"

static const struct {
	const char *name;
	unsigned long key;
} auxv_keys[] = {
	/* AT_NULL is absent: the list's terminator cannot be left out */
	{ "AT_IGNORE", AT_IGNORE },		{ "AT_EXECFD", AT_EXECFD },
	{ "AT_PHDR", AT_PHDR },			{ "AT_PHENT", AT_PHENT },
	{ "AT_PHNUM", AT_PHNUM },		{ "AT_PAGESZ", AT_PAGESZ },
	{ "AT_BASE", AT_BASE },			{ "AT_FLAGS", AT_FLAGS },
	{ "AT_ENTRY", AT_ENTRY },		{ "AT_NOTELF", AT_NOTELF },
	{ "AT_UID", AT_UID },			{ "AT_EUID", AT_EUID },
	{ "AT_GID", AT_GID },			{ "AT_EGID", AT_EGID },
	{ "AT_PLATFORM", AT_PLATFORM },		{ "AT_HWCAP", AT_HWCAP },
	{ "AT_CLKTCK", AT_CLKTCK },		{ "AT_SECURE", AT_SECURE },
	{ "AT_BASE_PLATFORM", AT_BASE_PLATFORM }, { "AT_RANDOM", AT_RANDOM },
	{ "AT_HWCAP2", AT_HWCAP2 },		{ "AT_RSEQ_FEATURE_SIZE", 27 },
	{ "AT_RSEQ_ALIGN", 28 },		{ "AT_HWCAP3", 29 },
	{ "AT_HWCAP4", 30 },			{ "AT_EXECFN", AT_EXECFN },
	{ "AT_SYSINFO", AT_SYSINFO },		{ "AT_SYSINFO_EHDR", AT_SYSINFO_EHDR },
	{ "AT_MINSIGSTKSZ", AT_MINSIGSTKSZ },
};

int auxv_key_by_name(const char *name, unsigned long *key)
{
	for (size_t i = 0; i < sizeof auxv_keys / sizeof auxv_keys[0]; i++) {
		if (!strcmp(name, auxv_keys[i].name)) {
			*key = auxv_keys[i].key;
			return 0;
		}
	}
	return -EINVAL;
}
