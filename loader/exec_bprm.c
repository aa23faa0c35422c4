/*
 * loader/exec_bprm.c: two leaf helpers of fs/exec.c that several steps call:
 * bprm_stack_limits() (bprm_execve() and load_script()) and bprm_creds_from_file()
 * (load_elf_binary(), just before the jump). Each mirrors its kernel function; the
 * differences are in the comment above it.
 */
#include <linux/errno.h>
#include <linux/stat.h>
#include "loader/binprm.h"
#include "loader/sys.h"

/*
 * fs/exec.c:bprm_stack_limits() and copy_strings(): the file name, the envp and argv
 * strings, and one pointer per envp entry and per argument execve() was given (argc
 * counted as at least 1), must fit in arg_limit(RLIMIT_STACK). The kernel checks once it
 * has copied them, before any handler runs (bprm_execve() calls this after open_exec()),
 * and again as load_script() copies a #! rewrite's strings, before it opens the
 * interpreter (it calls this then); the pointers stay counted as at the start. The
 * loader's own exec passed the same test with almost the same strings, so this fails only
 * where a #! rewrite or a PATH-resolved name adds bytes. Below 128 KiB the answer is
 * always yes, so RLIMIT_STACK is asked for only above it.
 */
int bprm_stack_limits(struct binprm *b)
{
	unsigned long long rlim[2] = { ~0ULL, ~0ULL };
	struct elf_tables_in in = {
		.argc = b->argc, .argv = b->argv, .envc = (size_t)b->self->envc,
		.envp = (const char *const *)b->self->envp, .execfn = b->filename,
	};
	unsigned long ptrs, bytes = arg_bytes(&in, b->orig_argc, &ptrs), limit;

	if (bytes <= ARG_MAX_MIN)
		return 0;
	sys_prlimit(3 /* RLIMIT_STACK */, rlim);
	limit = arg_limit((unsigned long)rlim[0]);
	say(b, "argv, envp and the filename take %lu bytes, the limit is %lu", bytes, limit);
	if (bytes > limit)
		return diag_fail(&b->diag, -E2BIG, "argv, envp and the file name take %lu bytes, "
				 "more than the %lu that RLIMIT_STACK allows", bytes, limit);
	return 0;
}

/*
 * fs/exec.c:bprm_creds_from_file(), called by begin_new_exec() for the file finally run
 * (for a #! script, its interpreter: set-user-ID scripts are never honoured). The kernel
 * would switch the credentials (bprm_fill_uid()); the loader cannot, so it warns, once,
 * just before the jump (so that a failure is still the only line on stderr), and only
 * where they would change: bprm_fill_uid() sets the effective user ID to the file's owner
 * (set-user-ID) and the effective group ID to its group (set-group-ID with group execute;
 * without it the bit marks mandatory locking), so root running a root-owned set-user-ID
 * program, or a set-group-ID file of the caller's own effective group, changes nothing.
 * Not seen: a user namespace with no mapping for the owner (the kernel then ignores the
 * bits; stat shows the overflow ID).
 */
void bprm_creds_from_file(struct binprm *b)
{
	const struct elf_file *ef = b->file;
	int suid = (ef->mode & S_ISUID) && ef->uid != b->euid;
	int sgid = (ef->mode & (S_ISGID | S_IXGRP)) == (S_ISGID | S_IXGRP) && ef->gid != b->egid;

	if (!suid && !sgid)
		return;
	/* the kernel ignores the bits on a nosuid mount and under no_new_privs too */
	if ((ef->mnt_flags & 2 /* ST_NOSUID */) || sys_prctl(PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0) == 1)
		return;
	eprintf("loader: %s: warning: %s bit not honoured: the program runs with your "
			"own user and group IDs\n", b->prog,
			suid ? "set-user-ID" : "set-group-ID");
}
