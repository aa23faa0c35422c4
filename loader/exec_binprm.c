/*
 * loader/exec_binprm.c: mirrors fs/exec.c:exec_binprm(): run the handlers; when a #!
 * handler named an interpreter, make it the file and go round again, at most 5 times
 * (a 6th level fails with ELOOP). Same as the kernel.
 */
#include <linux/errno.h>
#include "loader/binprm.h"

int exec_binprm(struct binprm *b)
{
	for (b->depth = 0;; b->depth++) {
		int ret;

		if (b->depth > MAX_SCRIPT_DEPTH)
			return diag_fail(&b->diag, -ELOOP, "more than %d levels of #! interpreters",
				    MAX_SCRIPT_DEPTH);
		ret = search_binary_handler(b);
		if (ret < 0)
			return ret;
		/* only a script comes back: its interpreter becomes the file */
		close_file(b->file);
		b->file = b->interpreter;
		b->interpreter = NULL;
		say(b, "depth %d: now loading %s", b->depth + 1, b->file->path);
	}
}
