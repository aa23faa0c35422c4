/*
 * loader/exec_mmap.c: mirrors the effect of fs/exec.c:exec_mmap(), which drops the old
 * mm: the loader's own image goes away before the program's first instruction, so that
 * /proc/PID/maps holds the program's mappings and set_mm_exe_file() may change
 * /proc/self/exe (the kernel refuses while the old executable is mapped).
 *
 * Code cannot unmap the page it runs from, so start_thread() (arch/$(ARCH)/start_thread.S)
 * is copied into a trampoline page of its own, with its arguments, and runs there. The
 * page must never have been writable: under MDWE (PR_SET_MDWE, inherited across exec) a
 * page once written cannot become executable. So it is a memfd, filled with write(2) and
 * mapped read+execute: its pages are written through the file, never through a writable
 * mapping. That one page stays after the jump (/proc/PID/maps shows
 * /memfd:execlab-trampoline (deleted)). Where no memfd can be made or mapped executable
 * (a seccomp filter, vm.memfd_noexec = 2), start_thread() runs from the loader's own text
 * and the loader's image stays, as -v says.
 */
#include <stddef.h>
#include <linux/errno.h>
#include <linux/memfd.h>
#include "loader/binprm.h"
#include "loader/errstr.h"
#include "loader/sys.h"

_Static_assert(offsetof(struct start_thread_args, entry) == ST_ENTRY, "ST_ENTRY");
_Static_assert(offsetof(struct start_thread_args, sp) == ST_SP, "ST_SP");
_Static_assert(offsetof(struct start_thread_args, image) == ST_IMAGE, "ST_IMAGE");
_Static_assert(offsetof(struct start_thread_args, len) == ST_LEN, "ST_LEN");
_Static_assert(offsetof(struct start_thread_args, unmap_start) == ST_UNMAP, "ST_UNMAP");
_Static_assert(offsetof(struct start_thread_args, buf_start) == ST_BUF, "ST_BUF");
_Static_assert(offsetof(struct start_thread_args, close) == ST_CLOSE, "ST_CLOSE");
_Static_assert(offsetof(struct start_thread_args, set_mm) == ST_SET_MM, "ST_SET_MM");
_Static_assert(offsetof(struct start_thread_args, note_len) == ST_NOTE_LEN, "ST_NOTE_LEN");
_Static_assert(ST_NOTE_MAX == 1 << 7, "start_thread.S indexes note[] with a shift by 7");
_Static_assert(offsetof(struct start_thread_args, capset) == ST_CAPSET, "ST_CAPSET");
_Static_assert(offsetof(struct start_thread_args, cap_hdr) == ST_CAP_HDR, "ST_CAP_HDR");
_Static_assert(offsetof(struct start_thread_args, cap_data) == ST_CAP_DATA, "ST_CAP_DATA");
_Static_assert(offsetof(struct start_thread_args, map_exe) == ST_MAP_EXE, "ST_MAP_EXE");
_Static_assert(offsetof(struct start_thread_args, map_plain) == ST_MAP_PLAIN, "ST_MAP_PLAIN");
_Static_assert(offsetof(struct start_thread_args, note) == ST_NOTE, "ST_NOTE");
_Static_assert(sizeof(struct start_thread_args) == ST_SIZE, "ST_SIZE");
_Static_assert(sizeof(struct prctl_mm_map) == ST_PRCTL_MM_MAP_SIZE, "prctl_mm_map");
_Static_assert(PR_SET_MM == ST_PR_SET_MM && PR_SET_MM_MAP == ST_PR_SET_MM_MAP, "PR_SET_MM");
_Static_assert(ST_ARGS_OFFSET + ST_SIZE <= ELF_MIN_ALIGN, "the arguments fit the page");

#ifndef MFD_EXEC
#define MFD_EXEC 0x0010U	/* Linux 6.3: executable even under vm.memfd_noexec = 1 */
#endif

/* The page as it will be: code at 0, arguments at ST_ARGS_OFFSET. In .bss: one page. */
static unsigned char page[ELF_MIN_ALIGN] __attribute__((aligned(ELF_MIN_ALIGN)));

/* The loader's own image, from the linker's symbols for its first and last byte. */
extern const char __ehdr_start[] __attribute__((visibility("hidden")));
extern const char _end[] __attribute__((visibility("hidden")));

struct start_thread_args *start_thread_args(void)
{
	return (struct start_thread_args *)(page + ST_ARGS_OFFSET);
}

/*
 * The fds the loader still holds (the program, its interpreter, the memfd) as at most
 * three ranges for close_range(): fds the loader did not open are never in a range.
 */
static void close_ranges(struct start_thread_args *a, int fd0, int fd1, int fd2)
{
	int fd[3] = { fd0, fd1, fd2 }, n = 0;

	for (int i = 0; i < 3; i++) {		/* sort, three elements */
		for (int j = i + 1; j < 3; j++)
			if (fd[j] < fd[i]) {
				int t = fd[i];

				fd[i] = fd[j];
				fd[j] = t;
			}
	}
	for (int k = 0; k < 3; k++)
		a->close[k][0] = 1, a->close[k][1] = 0;	/* empty */
	for (int i = 0; i < 3; i++) {
		if (fd[i] < 0)
			continue;
		if (n > 0 && a->close[n - 1][1] + 1 == (unsigned long)fd[i])
			a->close[n - 1][1] = (unsigned long)fd[i];
		else
			a->close[n][0] = a->close[n][1] = (unsigned long)fd[i], n++;
	}
}

start_thread_fn *exec_mmap(struct binprm *b, const struct start_thread_args **out)
{
	struct start_thread_args *a = start_thread_args();
	size_t code = (size_t)(start_thread_code_end - start_thread_code);
	unsigned long lo = (unsigned long)__ehdr_start, hi = ELF_PAGEALIGN((unsigned long)_end);
	long fd, w = -1;
	void *p = (void *)-ENOSYS;

	_Static_assert(ST_ARGS_OFFSET >= 256, "start_thread's code fits below its arguments");
	if (code > ST_ARGS_OFFSET)
		code = 0;	/* cannot happen: the assembly is a few hundred bytes */
	__builtin_memcpy(page, start_thread_code, code);
	fd = sys_memfd_create("execlab-trampoline", MFD_CLOEXEC | MFD_EXEC);
	if (fd == -EINVAL)	/* before Linux 6.3: no MFD_EXEC, and memfds are executable */
		fd = sys_memfd_create("execlab-trampoline", MFD_CLOEXEC);
	close_ranges(a, b->file->fd, b->elf_interp.fd, fd >= 0 ? (int)fd : -1);
	if (fd >= 0) {
		a->unmap_start = lo + sizeof page;	/* all but the page the trampoline takes */
		a->unmap_len = hi - lo - sizeof page;
		w = sys_write((int)fd, page, sizeof page);
		/*
		 * MAP_PRIVATE, never PROT_WRITE: the page was written through the file only.
		 * MAP_FIXED over the loader's own first page: it holds only the ELF header and
		 * the dynamic symbol tables, which nothing reads any more (the loader relocated
		 * itself at start and move_self() is done), and it lies in the loader's span,
		 * which no part of the new image meets. Anywhere mmap chose, the page could
		 * land in a hole between the program's segments, where natively nothing is.
		 */
		if (w == (long)sizeof page)
			p = sys_mmap((void *)lo, sizeof page, PROT_READ | PROT_EXEC,
				     MAP_PRIVATE | MAP_FIXED, (int)fd, 0);
	}
	if (fd < 0 || w != (long)sizeof page || (unsigned long)p >= -4095UL) {
		long err = fd < 0 ? fd : w < 0 ? w : w != (long)sizeof page ? -EIO : (long)p;

		/* start_thread() from the loader's text: the image stays, so does exe */
		a->unmap_start = a->unmap_len = 0;
		a->map_exe = a->map_plain;
		narrate(b, "exec_mmap", "no trampoline page (%s): the loader's image 0x%lx-0x%lx "
			"stays mapped, and /proc/self/exe names it", errno_string((int)-err), lo, hi);
		b->trampoline = 0;
		*out = a;
		return (start_thread_fn *)(void *)start_thread_code;
	}
	b->trampoline = (unsigned long)p;
	narrate(b, "exec_mmap", "the loader's image 0x%lx-0x%lx is unmapped by start_thread(), "
		"running in the trampoline page that replaced its first page at 0x%lx (a memfd "
		"mapped r-x, never writable; it stays)", lo + sizeof page, hi, b->trampoline);
	*out = (const struct start_thread_args *)((const char *)p + ST_ARGS_OFFSET);
	return (start_thread_fn *)p;
}
