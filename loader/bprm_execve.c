/*
 * loader/bprm_execve.c: mirrors fs/exec.c:bprm_execve() (open the file, run the handler
 * loop). Differs: no credentials are computed (a user-space loader cannot change them:
 * set-user-ID and set-group-ID bits are not honoured, and it says so), and since every
 * check is made before the point of no return, a failure returns an errno instead of
 * the kernel's SIGSEGV.
 */
#include <linux/errno.h>
#include <linux/stat.h>
#include "loader/binprm.h"
#include "loader/sys.h"

/*
 * fs/exec.c:bprm_creds_from_file(), called by begin_new_exec() for the file finally run
 * (for a #! script, its interpreter: set-user-ID scripts are never honoured). The kernel
 * would switch the credentials; the loader cannot, so it warns, once, just before the
 * jump (so that a failure is still the only line on stderr).
 */
void bprm_creds_from_file(struct binprm *b)
{
	const struct elf_file *ef = b->file;
	int suid = (ef->mode & S_ISUID) != 0;
	int sgid = (ef->mode & (S_ISGID | S_IXGRP)) == (S_ISGID | S_IXGRP);

	if (!suid && !sgid)
		return;
	/* the kernel ignores the bits on a nosuid mount and under no_new_privs too */
	if ((ef->mnt_flags & 2 /* ST_NOSUID */) || sys_prctl(PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0) == 1)
		return;
	eprintf("loader: %s: warning: %s bit not honoured: the program runs with your "
			"own user and group IDs\n", b->prog,
			suid ? "set-user-ID" : "set-group-ID");
}

int bprm_execve(struct binprm *b)
{
	int ret;

	b->diag = (struct diag){ 0 };
	b->slot[0].fd = b->slot[1].fd = b->elf_interp.fd = -1;
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
