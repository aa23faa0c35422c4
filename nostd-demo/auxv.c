/*
 * nostd-demo/auxv.c: print the initial stack exactly as the kernel left it, one
 * `KEY VALUE` per line: argc, argv[i], envp[i], then each auxv entry in the order found.
 * Freestanding: what it prints was read straight off the stack, no libc in between.
 */
#include <elf.h>		/* AT_* constants only */
#include "nostd-demo/start.h"
#include "nostd-demo/out.h"

enum value_kind { HEX, DEC, STRING, RANDOM16 };

struct auxv_key {
	const char *name;
	enum value_kind kind;
};

/* Indexed by a_type; a type missing here prints as AT_<number> in hex. */
static const struct auxv_key auxv_keys[] = {
	[AT_NULL] = { "AT_NULL", DEC },
	[AT_IGNORE] = { "AT_IGNORE", HEX },
	[AT_EXECFD] = { "AT_EXECFD", DEC },
	[AT_PHDR] = { "AT_PHDR", HEX },
	[AT_PHENT] = { "AT_PHENT", DEC },
	[AT_PHNUM] = { "AT_PHNUM", DEC },
	[AT_PAGESZ] = { "AT_PAGESZ", DEC },
	[AT_BASE] = { "AT_BASE", HEX },
	[AT_FLAGS] = { "AT_FLAGS", HEX },
	[AT_ENTRY] = { "AT_ENTRY", HEX },
	[AT_NOTELF] = { "AT_NOTELF", DEC },
	[AT_UID] = { "AT_UID", DEC },
	[AT_EUID] = { "AT_EUID", DEC },
	[AT_GID] = { "AT_GID", DEC },
	[AT_EGID] = { "AT_EGID", DEC },
	[AT_PLATFORM] = { "AT_PLATFORM", STRING },
	[AT_HWCAP] = { "AT_HWCAP", HEX },
	[AT_CLKTCK] = { "AT_CLKTCK", DEC },
	[AT_SECURE] = { "AT_SECURE", DEC },
	[AT_BASE_PLATFORM] = { "AT_BASE_PLATFORM", STRING },
	[AT_RANDOM] = { "AT_RANDOM", RANDOM16 },
	[AT_HWCAP2] = { "AT_HWCAP2", HEX },
	[27] = { "AT_RSEQ_FEATURE_SIZE", DEC },
	[28] = { "AT_RSEQ_ALIGN", DEC },
	[29] = { "AT_HWCAP3", HEX },
	[30] = { "AT_HWCAP4", HEX },
	[AT_EXECFN] = { "AT_EXECFN", STRING },
	[AT_SYSINFO] = { "AT_SYSINFO", HEX },
	[AT_SYSINFO_EHDR] = { "AT_SYSINFO_EHDR", HEX },
	[AT_MINSIGSTKSZ] = { "AT_MINSIGSTKSZ", DEC },
};

static void print_auxv_entry(const struct auxv_pair *a)
{
	const struct auxv_key *key = 0;

	if (a->type < sizeof auxv_keys / sizeof auxv_keys[0] && auxv_keys[a->type].name)
		key = &auxv_keys[a->type];
	if (!key) {
		out_str("AT_");
		out_dec(a->type);
		out_char(' ');
		out_hex(a->value);
		out_char('\n');
		return;
	}
	out_str(key->name);
	out_char(' ');
	switch (key->kind) {
	case HEX:
		out_hex(a->value);
		break;
	case DEC:
		out_dec(a->value);
		break;
	case STRING:
		out_str((const char *)a->value);
		break;
	case RANDOM16:
		out_hexbytes((const unsigned char *)a->value, 16);
		break;
	}
	out_char('\n');
}

static void print_indexed(const char *label, long i, const char *s)
{
	out_str(label);
	out_char('[');
	out_dec((unsigned long)i);
	out_str("] ");
	out_str(s);
	out_char('\n');
}

int main(int argc, char **argv, char **envp)
{
	const struct auxv_pair *a;

	out_str("argc ");
	out_dec((unsigned long)argc);
	out_char('\n');
	for (long i = 0; i < argc; i++)
		print_indexed("argv", i, argv[i]);
	for (long i = 0; envp[i]; i++)
		print_indexed("envp", i, envp[i]);
	for (a = initial_stack.auxv; a->type != AT_NULL; a++)
		print_auxv_entry(a);
	print_auxv_entry(a);	/* AT_NULL 0, last */
	out_flush();
	return 0;
}
