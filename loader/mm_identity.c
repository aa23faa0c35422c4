/*
 * loader/mm_identity.c: the loader's own step (no kernel function has this name; its -v
 * lines say mm_identity): what begin_new_exec() and load_elf_binary() store in the mm and
 * the task (mm->start_code .. env_end, start_brk/brk, saved_auxv, comm), done from user
 * space with prctl(PR_SET_MM, PR_SET_MM_MAP) (no privilege needed without exe_fd) and
 * prctl(PR_SET_NAME). Differs: /proc/self/exe cannot follow (it needs CAP_SYS_ADMIN and
 * the loader unmapped), so it stays the loader; if the kernel refuses the map (no
 * CONFIG_CHECKPOINT_RESTORE, a seccomp filter), -v says so and the program runs anyway
 * with the loader's brk and /proc/self/{cmdline,environ,auxv}.
 */
#include "loader/binprm.h"
#include "loader/errstr.h"
#include "loader/sys.h"

void mm_identity(struct binprm *b, const struct elf_tables_out *t, const void *auxv)
{
	struct prctl_mm_map map = {
		.start_code = b->mm.start_code,
		.end_code = b->mm.end_code,
		.start_data = b->mm.start_data,
		.end_data = b->mm.end_data,
		.start_brk = b->brk,
		.brk = b->brk,
		.start_stack = t->sp,
		.arg_start = t->arg_start,
		.arg_end = t->arg_end,
		.env_start = t->env_start,
		.env_end = t->env_end,
		.auxv = (unsigned long long *)auxv,	/* copied now: the buffer's copy */
		.auxv_size = (unsigned)t->auxv_size,
		.exe_fd = (unsigned)-1,			/* leave /proc/self/exe alone */
	};
	long r;

	r = sys_prctl(PR_SET_MM, PR_SET_MM_MAP, (unsigned long)&map, sizeof map, 0);
	if (r < 0)
		say(b, "PR_SET_MM_MAP refused (%s): brk and /proc/self/{cmdline,environ,auxv} "
		    "stay the loader's", errno_string((int)-r));
	else
		say(b, "PR_SET_MM_MAP: code 0x%lx-0x%lx, data 0x%lx-0x%lx, brk 0x%lx, "
		    "args 0x%lx-0x%lx, env 0x%lx-0x%lx, auxv %zu bytes", b->mm.start_code,
		    b->mm.end_code, b->mm.start_data, b->mm.end_data, b->brk, t->arg_start,
		    t->arg_end, t->env_start, t->env_end, t->auxv_size);
	/* comm = kbasename(bprm->filename); the kernel keeps 15 bytes, so does PR_SET_NAME */
	r = sys_prctl(PR_SET_NAME, (unsigned long)path_basename(b->filename), 0, 0, 0);
	say(b, "PR_SET_NAME %s%s", path_basename(b->filename), r < 0 ? " refused" : "");
}
