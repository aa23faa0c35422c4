/*
 * loader/set_mm_map.c: the loader's own step (no kernel function does this from user
 * space): what load_elf_binary() and create_elf_tables() store in the mm (start_code ..
 * env_end, start_brk/brk, saved_auxv), what begin_new_exec() sets with set_mm_exe_file()
 * (/proc/self/exe) and __set_task_comm() (comm), handed to the kernel with
 * prctl(PR_SET_MM, PR_SET_MM_MAP) and prctl(PR_SET_NAME).
 *
 * PR_SET_MM_MAP needs no privilege, except with exe_fd: that needs CAP_SYS_ADMIN or
 * CAP_CHECKPOINT_RESTORE in the caller's user namespace, and is refused (EBUSY) while the
 * old executable is still mapped. So with the privilege for it (root, a set-ID or
 * file-capability loader, or --userns), the map is left to start_thread(), which makes
 * it once the loader's image is gone; without it, it is made here, without exe_fd, and
 * /proc/self/exe stays the loader's. Fields the kernel refuses (an address below its
 * effective mmap_min_addr, a program with no executable bytes, a brk past TASK_SIZE)
 * are replaced by the loader's own, read from /proc/self/stat, so that the program's
 * argv and environment still show in /proc/PID/cmdline and ps; -v names what stays the
 * loader's.
 */
#include <linux/errno.h>
#include "loader/binprm.h"
#include "loader/errstr.h"
#include "loader/prctl_mm_map.h"
#include "loader/sys.h"

/*
 * The lowest address the prediction trusts: the kernel checks against its effective
 * mmap_min_addr, the larger of vm.mmap_min_addr and the security modules' own
 * (CONFIG_LSM_MMAP_MIN_ADDR, 64 KiB by default), which no file shows.
 */
#define MM_MAP_SAFE_MIN	(64UL << 10)

static long prctl_set_mm_map(const struct prctl_mm_map *m)
{
	return sys_prctl(PR_SET_MM, PR_SET_MM_MAP, (unsigned long)m, sizeof *m, 0);
}

/* The loader's own mm fields, from /proc/self/stat (3 system calls, only on refusal). */
static int own_mm_fields(struct prctl_mm_map *own)
{
	char buf[1024];
	long fd = sys_openat(AT_FDCWD, "/proc/self/stat", O_RDONLY | O_CLOEXEC), n;

	if (fd < 0)
		return (int)fd;
	n = sys_read((int)fd, buf, sizeof buf);
	sys_close((int)fd);
	if (n <= 0)
		return n < 0 ? (int)n : -EIO;
	return prctl_mm_map_from_stat(buf, (size_t)n, own);
}

/*
 * Made here, without exe_fd: on refusal, again with the refused pairs the loader's.
 * Returns 0 when the kernel took a map (then *map is the one it took).
 */
static int set_mm_map_now(struct binprm *b, struct prctl_mm_map *map)
{
	struct prctl_mm_map own;
	char names[96];
	unsigned mask;
	long r = prctl_set_mm_map(map);

	if (r == 0) {
		say_own(b, "PR_SET_MM_MAP: code 0x%llx-0x%llx, data 0x%llx-0x%llx, brk 0x%llx, "
			"args 0x%llx-0x%llx, env 0x%llx-0x%llx, auxv %u bytes", map->start_code,
			map->end_code, map->start_data, map->end_data, map->brk, map->arg_start,
			map->arg_end, map->env_start, map->env_end, map->auxv_size);
		return 0;
	}
	mask = prctl_mm_map_refused(map, MM_MAP_SAFE_MIN, TASK_SIZE);
	if (r != -EINVAL || !mask || own_mm_fields(&own) < 0) {
		say_own(b, "PR_SET_MM_MAP refused (%s): brk and /proc/self/{cmdline,environ,auxv} "
			"stay the loader's", errno_string((int)-r));
		return (int)r;
	}
	prctl_mm_map_take(map, &own, mask);
	prctl_mm_map_names(mask, names, sizeof names);
	r = prctl_set_mm_map(map);
	if (r < 0)
		say_own(b, "PR_SET_MM_MAP refused (%s), also with the loader's own %s: brk and "
			"/proc/self/{cmdline,environ,auxv} stay the loader's",
			errno_string((int)-r), names);
	else
		say_own(b, "PR_SET_MM_MAP refused the program's %s (outside [mmap_min_addr, "
			"TASK_SIZE) or out of order): those stay the loader's, the rest is the "
			"program's", names);
	return (int)r;
}

/* The map again, from start_thread() once the loader is unmapped, with exe_fd. */
static void set_mm_exe_file_later(struct binprm *b, const struct elf_tables_out *t,
				  struct prctl_mm_map map, struct start_thread_args *a)
{
	map.auxv = (unsigned long long *)t->auxv;	/* after the copy: its final address */
	a->map_plain = map;
	map.exe_fd = (unsigned)b->file->fd;
	a->map_exe = map;
	a->set_mm = 1;
	if (b->verbose) {
		a->note_len[0] = fmt(a->note[0], sizeof a->note[0], "loader: start_thread: "
				     "PR_SET_MM_MAP refused exe_fd: /proc/self/exe stays the "
				     "loader\n");
		a->note_len[1] = fmt(a->note[1], sizeof a->note[1], "loader: start_thread: "
				     "PR_SET_MM_MAP refused: brk, /proc/self/exe and "
				     "/proc/self/{cmdline,environ,auxv} stay the loader's\n");
	}
	narrate(b, "set_mm_exe_file", "/proc/self/exe will be %s: PR_SET_MM_MAP with exe_fd, "
		"made by start_thread() once the loader's image is unmapped (code 0x%llx-0x%llx, "
		"data 0x%llx-0x%llx, brk 0x%llx, auxv %u bytes)", b->file->path, map.start_code,
		map.end_code, map.start_data, map.end_data, map.brk, map.auxv_size);
}

void set_mm_map(struct binprm *b, const struct elf_tables_out *t, const void *auxv,
		struct start_thread_args *a)
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
		.auxv = (unsigned long long *)auxv,	/* copied at the call: the buffer's copy */
		.auxv_size = (unsigned)t->auxv_size,
		.exe_fd = (unsigned)-1,
	};
	int privileged = b->euid == 0 || b->secure || b->userns;
	long r;

	/* predicted to pass: made once, by start_thread(); else here first, then again there */
	if (privileged && b->file->fd >= 0 &&
	    !prctl_mm_map_refused(&map, MM_MAP_SAFE_MIN, TASK_SIZE))
		set_mm_exe_file_later(b, t, map, a);
	else if (set_mm_map_now(b, &map) == 0 && privileged && b->file->fd >= 0)
		set_mm_exe_file_later(b, t, map, a);
	else
		narrate(b, "set_mm_exe_file", "/proc/self/exe stays the loader: changing it "
			"needs CAP_SYS_ADMIN or CAP_CHECKPOINT_RESTORE%s", privileged ?
			" and a map PR_SET_MM_MAP accepts" :
			" (root, or --userns to gain it in a user namespace of your own)");
	/* comm = kbasename(bprm->filename); the kernel keeps 15 bytes, so does PR_SET_NAME */
	r = sys_prctl(PR_SET_NAME, (unsigned long)path_basename(b->filename), 0, 0, 0);
	narrate(b, "__set_task_comm", "PR_SET_NAME %s%s", path_basename(b->filename),
		r < 0 ? " refused" : "");
}
