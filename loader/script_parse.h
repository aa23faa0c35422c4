/*
 * loader/script_parse.h: the "#!" line as fs/binfmt_script.c:load_script() reads it, and
 * the argv rewrite it makes. Pure: unit-tested edge case by edge case.
 */
#ifndef LOADER_SCRIPT_PARSE_H
#define LOADER_SCRIPT_PARSE_H

#include <stddef.h>

#define BINPRM_BUF_SIZE 256

struct shebang {
	char name[BINPRM_BUF_SIZE];	/* interpreter path, as written */
	char arg[BINPRM_BUF_SIZE];	/* the one optional argument */
	int has_arg;
};

/*
 * Parse buf (the first BINPRM_BUF_SIZE bytes of the file, zero-padded). Returns 0, or
 * -ENOEXEC when buf does not start with "#!" (not a script: try the next handler) or the
 * line names no interpreter or may have cut the interpreter's name short. In the latter
 * cases d_reason (if not NULL) gets a static explanation.
 */
int parse_shebang(const unsigned char *buf, struct shebang *sb, const char **reason);

/*
 * The argv rewrite of load_script(): [name, (arg), script, argv[1..argc-1]]. argv is
 * an array with at least 2 free slots before it; the result is written in place and
 * returned, *argc updated. argc == 0 (argv[0] missing) removes nothing, so up to 3 new
 * entries go before argv: then it needs 3 free slots.
 */
const char **script_argv(const char **argv, size_t *argc, const struct shebang *sb,
			 const char *script);

#endif
