/*
 * loader/script_parse.c: mirrors the parsing half of fs/binfmt_script.c:load_script()
 * (kernel >= 5.8). Differs in that it copies the name and argument out instead of
 * writing NULs into the buffer. Pure.
 *
 * The parsing of the line proper (parse_line()) is the exercise of lab 2
 * (docs/labs/02-execve-path.md): `make handout LAB=2` replaces it with the stub below.
 */
#include <linux/errno.h>
#include "loader/script_parse.h"

/* LAB 2 SOLUTION BEGIN */
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

/*
 * The line after "#!" (buf starts with it): 0 with sb filled, or -ENOEXEC with *why set.
 * The kernel's rules: the line ends at the first '\n' in the buffer; trailing spaces and
 * tabs go; the name starts after leading spaces and tabs and ends at a space, tab or NUL;
 * the rest, leading blanks skipped, is the one argument, inner blanks kept. With no '\n'
 * in the buffer the name must still end inside it (else it may be cut: ENOEXEC) and the
 * line ends at the buffer's last byte, which is lost to the argument.
 */
static int parse_line(const char *buf, struct shebang *sb, const char **why)
{
	const char *buf_end = buf + BINPRM_BUF_SIZE - 1;
	const char *i_end = 0, *i_name, *i_sep, *i_arg = 0;

	for (const char *c = buf; c <= buf_end; c++)
		if (*c == '\n') {
			i_end = c;
			break;
		}
	if (!i_end) {
		/* no newline in 256 bytes: the name must end (space, tab, NUL) inside them */
		i_end = next_non_spacetab(buf + 2, buf_end);
		if (!i_end) {
			*why = "#! line holds only spaces and tabs";
			return -ENOEXEC;
		}
		if (!next_terminator(i_end, buf_end)) {
			*why = "#! line has no newline in its first 256 bytes, so the interpreter "
			       "path may be cut short";
			return -ENOEXEC;
		}
		i_end = buf_end;	/* the argument, if any, loses byte 255 */
	}
	while (i_end > buf + 2 && spacetab(i_end[-1]))
		i_end--;
	i_name = next_non_spacetab(buf + 2, i_end);
	if (!i_name || i_name == i_end) {
		*why = "#! line names no interpreter";
		return -ENOEXEC;
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
}
/* LAB 2 SOLUTION END */
/* LAB 2 STUB BEGIN
// Lab 2: parse the "#!" line the way fs/binfmt_script.c:load_script() does (Linux 6.18).
// buf: the file's first BINPRM_BUF_SIZE (256) bytes, zero-padded; buf[0..1] are "#!".
// Return 0 with sb->name, sb->arg and sb->has_arg filled (both strings NUL-terminated),
// or -ENOEXEC with *why set to a one-line reason (the line names no interpreter, or has
// no '\n' in the buffer and the interpreter's name does not end inside it).
static int parse_line(const char *buf, struct shebang *sb, const char **why)
{
	(void)buf;
	(void)sb;
	*why = "the #! parser (loader/script_parse.c: parse_line) is not written yet";
	return -ENOSYS;
}
   LAB 2 STUB END */

int parse_shebang(const unsigned char *ubuf, struct shebang *sb, const char **reason)
{
	const char *buf = (const char *)ubuf;
	const char *why = 0;
	int ret;

	if (buf[0] != '#' || buf[1] != '!')
		return -ENOEXEC;	/* not ours: no reason, the next handler is tried */
	ret = parse_line(buf, sb, &why);
	if (ret < 0 && reason)
		*reason = why;
	return ret;
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
