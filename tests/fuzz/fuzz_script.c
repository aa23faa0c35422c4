/*
 * tests/fuzz/fuzz_script.c: libFuzzer target for the #! parser and the argv rewrite
 * (loader/script_parse.c), as load_script() calls them. The input is the start of a file:
 * its first BINPRM_BUF_SIZE bytes, zero-padded, are what parse_shebang() reads (in a buffer
 * of exactly that size, so a read past it is an error). One byte after them, if the input
 * has it, gives the argc before the rewrite (0 to 3; 1 without it).
 *
 * Asserted, from script_parse.h and load_script()'s use of the result: a buffer that does
 * not start with "#!" is left to the next handler (-ENOEXEC, no reason); any other
 * refusal is -ENOEXEC with a reason; an accepted line gives a terminated name without
 * spaces or tabs and, if has_arg, a terminated argument; the rewrite is
 * [name, (arg), script, argv[1..]] with its NULL kept, in the free slots the header asks for.
 */
#include <errno.h>
#include <string.h>
#include "loader/script_parse.h"
#include "tests/fuzz/fuzz.h"

/* The free slots script_argv() may use before argv (script_parse.h). */
static size_t slack(size_t argc)
{
	return argc ? 2 : 3;
}

static int terminated(const char *s)
{
	return memchr(s, '\0', BINPRM_BUF_SIZE) != NULL;
}

static void check_parse(const unsigned char *buf, const struct shebang *sb, int ret,
			const char *why)
{
	int ours = buf[0] == '#' && buf[1] == '!';

	FUZZ_ASSERT(ret == 0 || ret == -ENOEXEC, "parse_shebang returned %d", ret);
	if (!ours) {
		FUZZ_ASSERT(ret == -ENOEXEC && !why, "not a #! file, yet returned %d (reason %s)",
			    ret, why ? why : "none");
		return;
	}
	if (ret < 0) {
		FUZZ_ASSERT(why && *why, "a #! file refused without a reason");
		return;
	}
	FUZZ_ASSERT(terminated(sb->name) && terminated(sb->arg), "name or argument not terminated");
	FUZZ_ASSERT(!strpbrk(sb->name, " \t"), "interpreter name '%s' holds a space or tab", sb->name);
	FUZZ_ASSERT(strlen(sb->name) <= BINPRM_BUF_SIZE - 3 && strlen(sb->arg) <= BINPRM_BUF_SIZE - 3,
		    "name or argument longer than the line");
	FUZZ_ASSERT(sb->has_arg == 0 || sb->has_arg == 1, "has_arg %d", sb->has_arg);
	FUZZ_ASSERT(sb->has_arg || !sb->arg[0], "argument '%s' without has_arg", sb->arg);
	FUZZ_ASSERT(!sb->has_arg || !strchr(" \t", sb->arg[0]) || !sb->arg[0],
		    "argument '%s' starts with a space or tab", sb->arg);
}

static void check_rewrite(const struct shebang *sb, size_t argc)
{
	static const char *const given[] = { "argv0", "a1", "a2" };
	/* exactly the free slots allowed, argc arguments and the NULL: one more is an error */
	const char **slots = calloc(slack(argc) + argc + 1, sizeof *slots);
	const char **argv = slots + slack(argc), **out;
	size_t n = argc, want = (argc ? argc - 1 : 0) + 2 + (size_t)sb->has_arg, k = 0;

	for (size_t i = 0; i < argc; i++)
		argv[i] = given[i];
	out = script_argv(argv, &n, sb, "./script");
	FUZZ_ASSERT(n == want, "argc %zu after the rewrite of %zu arguments, expected %zu", n, argc,
		    want);
	FUZZ_ASSERT(out[k++] == sb->name, "argv[0] is not the interpreter");
	if (sb->has_arg)
		FUZZ_ASSERT(out[k++] == sb->arg, "argv[1] is not the #! argument");
	FUZZ_ASSERT(out[k] && !strcmp(out[k], "./script"), "the script is not argv[%zu]", k);
	for (k++; k < n; k++)
		FUZZ_ASSERT(out[k] == given[k - n + argc], "argv[%zu] is not the given argument", k);
	FUZZ_ASSERT(out[n] == NULL, "argv not NULL-terminated");
	free(slots);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	unsigned char *buf = calloc(1, BINPRM_BUF_SIZE);
	struct shebang sb;
	const char *why = NULL;
	int ret;

	memcpy(buf, data, size < BINPRM_BUF_SIZE ? size : BINPRM_BUF_SIZE);
	memset(&sb, 0xa5, sizeof sb);	/* nothing of it may pass as a result by accident */
	ret = parse_shebang(buf, &sb, &why);
	check_parse(buf, &sb, ret, why);
	if (ret == 0)
		check_rewrite(&sb, size > BINPRM_BUF_SIZE ? data[BINPRM_BUF_SIZE] % 4 : 1);
	free(buf);
	return 0;
}
