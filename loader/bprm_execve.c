/*
 * loader/bprm_execve.c: mirrors fs/exec.c:bprm_execve() (open the file, run the handler
 * loop). Differs: no credentials are computed (a user-space loader cannot change them:
 * set-user-ID and set-group-ID bits are not honoured, and it says so), and since every
 * check is made before the point of no return, a failure returns an errno instead of
 * the kernel's SIGSEGV.
 */
#include <linux/errno.h>
#include "loader/binprm.h"
#include "loader/sys.h"

int bprm_execve(struct binprm *b)
{
	int ret;

	b->diag = (struct diag){ 0 };
	b->slot[0].fd = b->slot[1].fd = b->elf_interp.fd = -1;
	b->slot[0].role = FILE_SLOT0;
	b->slot[1].role = FILE_SLOT1;
	b->elf_interp.role = FILE_ELF_INTERP;
	b->interp = b->filename;	/* bprm->interp starts as the filename */
	b->depth = 0;
	b->file = &b->slot[0];
	b->interpreter = NULL;
	/* a PATH search may come back here: nothing of a failed candidate may leak over */
	b->have_interp = b->executable_stack = b->nregions = 0;
	ret = open_exec(b, b->filename, b->file);
	if (ret == 0) {
		b->opened = 1;
		say(b, "opened %s (%lu bytes, mode %04o)", b->filename, b->file->size,
		    b->file->mode & 07777);
		ret = bprm_stack_limits(b);
		if (ret == 0)
			ret = exec_binprm(b);
	}
	/* only failures come back: leave no fd open for the next PATH candidate */
	close_file(&b->slot[0]);
	close_file(&b->slot[1]);
	close_file(&b->elf_interp);
	return ret;
}
