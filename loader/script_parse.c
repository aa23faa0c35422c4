/*
 * loader/script_parse.c: mirrors the parsing half of fs/binfmt_script.c:load_script()
 * (kernel >= 5.8). Differs in that it copies the name and argument out instead of
 * writing NULs into the buffer. Pure.
 */
#include <linux/errno.h>
#include "loader/script_parse.h"

static int spacetab(char c)
{
	return c == ' ' || c == '\t';
}

/* First byte in [first, last] that is not a space or tab, or NULL. */
static const char *next_non_spacetab(const char *first, const char *last)
{
	for (; first <= last; first++)
		if (!spacetab(*first))
			return first;
	return 0;
}

/* First byte in [first, last] that ends a word (space, tab or NUL), or NULL. */
static const char *next_terminator(const char *first, const char *last)
{
	for (; first <= last; first++)
		if (spacetab(*first) || !*first)
			return first;
	return 0;
}

/* Copy [from, to) stopping at a NUL, into out (BINPRM_BUF_SIZE bytes). */
static void copy_word(char *out, const char *from, const char *to)
{
	size_t n = 0;

	while (from < to && *from && n < BINPRM_BUF_SIZE - 1)
		out[n++] = *from++;
	out[n] = '\0';
}

int parse_shebang(const unsigned char *ubuf, struct shebang *sb, const char **reason)
{
	const char *buf = (const char *)ubuf;
	const char *buf_end = buf + BINPRM_BUF_SIZE - 1;
	const char *i_end = 0, *i_name, *i_sep, *i_arg = 0;
	const char *why = 0;

	if (buf[0] != '#' || buf[1] != '!')
		return -ENOEXEC;	/* not ours: no reason, the next handler is tried */

	for (const char *c = buf; c <= buf_end; c++)
		if (*c == '\n') {
			i_end = c;
			break;
		}
	if (!i_end) {
		/* no newline in 256 bytes: the name must end (space, tab, NUL) inside them */
		i_end = next_non_spacetab(buf + 2, buf_end);
		if (!i_end) {
			why = "#! line holds only spaces and tabs";
			goto noexec;
		}
		if (!next_terminator(i_end, buf_end)) {
			why = "#! line has no newline in its first 256 bytes, so the interpreter "
			      "path may be cut short";
			goto noexec;
		}
		i_end = buf_end;	/* the argument, if any, loses byte 255 */
	}
	while (i_end > buf + 2 && spacetab(i_end[-1]))
		i_end--;
	i_name = next_non_spacetab(buf + 2, i_end);
	if (!i_name || i_name == i_end) {
		why = "#! line names no interpreter";
		goto noexec;
	}
	i_sep = next_terminator(i_name, i_end);
	if (i_sep && *i_sep != '\0')
		i_arg = next_non_spacetab(i_sep, i_end);
	/* the kernel writes NUL at i_end, and at i_sep when there is an argument */
	if (i_arg && i_arg < i_end) {
		copy_word(sb->name, i_name, i_sep);
		copy_word(sb->arg, i_arg, i_end);
		sb->has_arg = 1;
	} else {
		copy_word(sb->name, i_name, i_end);
		sb->arg[0] = '\0';
		sb->has_arg = 0;
	}
	return 0;
noexec:
	if (reason)
		*reason = why;
	return -ENOEXEC;
}

const char **script_argv(const char **argv, size_t *argc, const struct shebang *sb,
			 const char *script)
{
	/* remove_arg_zero(), then push script, (arg), name in front */
	if (*argc > 0) {
		argv++;
		(*argc)--;
	}
	*--argv = script;
	(*argc)++;
	if (sb->has_arg) {
		*--argv = sb->arg;
		(*argc)++;
	}
	*--argv = sb->name;
	(*argc)++;
	return argv;
}
