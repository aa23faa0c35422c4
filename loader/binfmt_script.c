/*
 * loader/binfmt_script.c: mirrors fs/binfmt_script.c:load_script(): parse the #! line
 * (script_parse.c), rewrite argv to [interpreter, (arg), script, argv[1..]], open the
 * interpreter; exec_binprm() then loads it. Same as the kernel, including that AT_EXECFN
 * and comm stay the script's name. (The /dev/fd/N + O_CLOEXEC case cannot arise: the
 * loader is given a path.)
 */
#include <linux/errno.h>
#include "loader/binprm.h"

int load_script(struct binprm *b)
{
	struct shebang *sb = &b->scripts[b->depth];
	const char *why = NULL;
	int ret;

	ret = parse_shebang(b->file->head, sb, &why);
	if (ret < 0)
		return why ? diag_fail(&b->diag, ret, "%s: %s", b->file->path, why) : ret;
	say(b, "#! interpreter %s%s%s%s", sb->name, sb->has_arg ? ", argument '" : "",
	    sb->has_arg ? sb->arg : "", sb->has_arg ? "'" : "");
	b->argv = script_argv(b->argv, &b->argc, sb, b->interp);
	ret = bprm_stack_limits(b);	/* copy_string_kernel() of the new strings: E2BIG */
	if (ret < 0)
		return ret;
	b->interp = sb->name;		/* bprm_change_interp() */
	b->interpreter = b->file == &b->slot[0] ? &b->slot[1] : &b->slot[0];
	ret = open_exec(b, sb->name, b->interpreter);
	if (ret < 0) {
		char detail[sizeof b->diag.text];

		close_file(b->interpreter);
		fmt(detail, sizeof detail, "%s", b->diag.text);
		if (ret == -ENOENT)
			return diag_fail(&b->diag, ret, "#! interpreter %s not found", sb->name);
		return diag_fail(&b->diag, ret, "#! interpreter %s%s%s", sb->name, detail[0] ? ": " : "",
			    detail);
	}
	return 0;
}
