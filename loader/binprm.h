/*
 * loader/binprm.h: struct binprm (mirrors include/linux/binfmts.h:struct linux_binprm) and
 * the steps of the exec path, one per file, each named after the kernel function it
 * mirrors. Every step returns 0 or -errno; on failure it has filled b->diag, and main()
 * prints "loader: PROG: strerror (detail)" once.
 */
#ifndef LOADER_BINPRM_H
#define LOADER_BINPRM_H

#include <elf.h>
#include <stddef.h>
#include "loader/create_elf_tables.h"
#include "loader/elf_layout.h"
#include "loader/fmt.h"
#include "lib/path_search.h"
#include "loader/start_thread.h"
#include "loader/script_parse.h"

/*
 * The first read of a file: the 256-byte buf of prepare_binprm(), and nearly always the
 * ELF header, the program headers and the PT_INTERP path too (glibc's ld.so reads 832
 * bytes for the same reason). Kept small so the loader touches few pages: every page it
 * touches is a page fault, the main cost of starting a process.
 */
#define HEAD_SIZE	1024
#define MAX_SCRIPT_DEPTH 5	/* exec_binprm(): depth > 5 -> ELOOP */
#define MAX_REGIONS	64	/* --map rows remembered */
#define MAX_AUXV	64	/* auxv pairs copied; the kernel's saved_auxv holds fewer */

/* What the kernel gave the loader itself (decoded by start.c). */
struct loader_process {
	int argc, envc;
	char **argv, **envp;
	unsigned long *auxv;
	unsigned long moved_lo, moved_hi;	/* move_self(): the old image, unmapped; or 0 */
};

int loader_main(struct loader_process *self);

/*
 * Which of struct binprm's files an elf_file is: the two slots the program and a #!
 * interpreter alternate between, or the ELF interpreter. Indexes per-file tables.
 */
enum elf_file_role { FILE_SLOT0, FILE_SLOT1, FILE_ELF_INTERP, FILE_ROLES };

/* One opened file: the program, a #! interpreter, or the ELF interpreter (PT_INTERP). */
struct elf_file {
	enum elf_file_role role;	/* set once by bprm_execve() */
	const char *path;		/* as opened */
	int fd;				/* -1 once closed */
	unsigned long size;		/* st_size */
	unsigned mode;			/* st_mode */
	unsigned uid, gid;		/* st_uid, st_gid: what set-ID bits would switch to */
	unsigned long mnt_flags;	/* statfs f_flags of its mount, read for set-ID files */
	unsigned char head[HEAD_SIZE] __attribute__((aligned(16)));
	size_t head_len;		/* bytes read; head is zero beyond them */
	Elf64_Ehdr eh;			/* the header (zero-padded if the file is short) */
	const Elf64_Phdr *ph;		/* program headers: in head, or in a table of their own */
	size_t phnum;
	unsigned long bias;		/* load bias once mapped */
	unsigned long lo, hi;		/* the mapped span [lo, hi) */
};

/* One mapping made for the new image (for --map). */
struct region {
	unsigned long start, end, offset;
	int prot;
	int bss;			/* anonymous pages of the bss rule */
	const struct elf_file *file;
	const Elf64_Phdr *ph;
};

struct binprm {
	/* options */
	int verbose, map;
	int want_userns;		/* --userns */
	unsigned long omit_auxv;	/* --omit-auxv: the auxv key left out, 0 (AT_NULL): none */
	const char *prog;		/* PROGRAM as given: every message names it */
	const char *argv0;		/* --argv0, or NULL */
	/* the loader's own process */
	struct loader_process *self;
	unsigned long stack_end;	/* top of the [stack] mapping the kernel made */
	int randomize;			/* the kernel randomised the loader's exec (ASLR on) */
	unsigned long euid, egid;
	int secure;			/* AT_SECURE: the loader itself gained privilege */
	int userns;			/* --userns took effect */
	unsigned long trampoline;	/* start_thread()'s page, 0 if none */
	unsigned long mmap_min_addr;	/* read lazily; ~0 = not read yet */
	/* linux_binprm */
	const char *filename;		/* what execve() got (after PATH search): AT_EXECFN, comm */
	const char *interp;		/* the file being loaded now (#! rewrites it) */
	const char **argv;		/* with free slots before it for #! rewrites */
	size_t argc;
	const char **orig_argv, *orig_argv0;	/* as given, for the next PATH candidate */
	size_t orig_argc;
	int depth;
	int opened;			/* the file itself was opened (PATH search keeps its failure) */
	struct elf_file *file;		/* bprm->file */
	struct elf_file *interpreter;	/* a #! interpreter, opened by load_script */
	int have_interp;
	int executable_stack;		/* PT_GNU_STACK has PF_X */
	/* the new image */
	unsigned long entry;		/* the program's entry + bias: AT_ENTRY */
	unsigned long elf_entry;	/* where execution starts (the interpreter's entry if any) */
	unsigned long phdr_addr;	/* AT_PHDR */
	struct mm_bounds mm;
	unsigned long brk;
	unsigned char random[32];	/* getrandom: 16 for AT_RANDOM, the rest for layout */
	struct diag diag;
	int nregions;
	/*
	 * The files, then colder and bigger parts: every page the loader touches is a page
	 * fault, so what a plain run uses is kept together at the front.
	 */
	struct elf_file slot[2];	/* file and #! interpreter alternate between these */
	struct elf_file elf_interp;	/* PT_INTERP */
	char interp_path[4096];
	struct region regions[MAX_REGIONS];	/* only with --map */
	struct shebang scripts[MAX_SCRIPT_DEPTH + 1];
	char candidate[PATH_SEARCH_MAX];
};

/* main.c */
/* fs/exec.c */
int do_execveat_common(struct binprm *b, const char *prog, char **args, size_t nargs);
int bprm_execve(struct binprm *b);
/* exec_bprm.c: leaf helpers of fs/exec.c */
int bprm_stack_limits(struct binprm *b);
void bprm_creds_from_file(struct binprm *b);
int exec_binprm(struct binprm *b);
int search_binary_handler(struct binprm *b);
/* open_exec.c: open + the exec checks of do_open_execat() + prepare_binprm()'s read */
int open_exec(struct binprm *b, const char *path, struct elf_file *ef);
void close_file(struct elf_file *ef);
void close_file_pair(struct elf_file *x, struct elf_file *y);
long read_file_at(struct elf_file *ef, void *buf, size_t len, unsigned long off);
/* fs/binfmt_script.c */
int load_script(struct binprm *b);
/* fs/binfmt_elf.c */
int load_elf_binary(struct binprm *b);
int load_elf_phdrs(struct binprm *b, struct elf_file *ef, int err);
/*
 * elf_map.c: map an image, its first PT_LOAD (file order) asked at PAGESTART(load_bias +
 * p_vaddr): an interpreter (ELF_MAP_INTERP: it may replace the program's pages), at that
 * address exactly (ELF_MAP_FIXED; else a hint to mmap), over total_size (ELF_MAP_TOTAL).
 * elf_map_where(): where mmap would put the first PT_LOAD (mapped, then unmapped).
 */
enum elf_map_flags { ELF_MAP_INTERP = 1 << 0, ELF_MAP_FIXED = 1 << 1, ELF_MAP_TOTAL = 1 << 2 };
int elf_map_image(struct binprm *b, struct elf_file *ef, unsigned long load_bias,
		  enum elf_map_flags flags);
int elf_map_where(struct binprm *b, struct elf_file *ef, unsigned long *where);
int load_elf_interp(struct binprm *b);
/* fs/exec.c:setup_arg_pages() */
void setup_arg_pages(struct binprm *b);
/* create_elf_tables_step.c: what the new stack holds, and the size of its image */
struct elf_tables_plan {
	struct elf_tables_in in;
	unsigned long auxv[2 * MAX_AUXV];
	size_t size;			/* bytes of the buffer create_elf_tables_step() fills */
};
int elf_tables_plan(struct binprm *b, struct elf_tables_plan *p);
int create_elf_tables_step(struct binprm *b, const struct elf_tables_plan *p,
			   unsigned char *image, struct elf_tables_out *t);
/* move_self.c: the loader's own step, out of the way of link-address segments */
int move_self(struct binprm *b);
/* place_brk.c: the loader's own name for load_elf_binary()'s brk placement */
void place_brk(struct binprm *b);
/* set_mm_map.c: the loader's own step, PR_SET_MM_MAP and PR_SET_NAME */
void set_mm_map(struct binprm *b, const struct elf_tables_out *t, const void *auxv,
		struct start_thread_args *a);
/* userns.c: --userns */
int userns_enter(struct binprm *b, struct start_thread_args *a);
/* exec_mmap.c: the trampoline page start_thread() runs from, and its arguments */
struct start_thread_args *start_thread_args(void);
start_thread_fn *exec_mmap(struct binprm *b, const struct start_thread_args **out);
/* read_sysctl.c: a number from a /proc/sys file; 0 or -errno */
int read_sysctl(const char *path, unsigned long *value);
/* narrate.c */
void narrate(const struct binprm *b, const char *func, const char *f, ...)
	__attribute__((format(printf, 3, 4)));
void eprintf(const char *f, ...) __attribute__((format(printf, 1, 2)));
/* -v line named after the calling function (its kernel counterpart) */
#define say(b, ...) narrate((b), __func__, __VA_ARGS__)
/* -v line of a step no kernel function does */
#define say_own(b, ...) narrate((b), "the loader's own step", __VA_ARGS__)
const char *prot_string(int prot, char out[4]);
/* memory_map.c: b->map holds MAP_TEXT (--map), MAP_SVG (--map=svg:FILE) or both */
enum { MAP_TEXT = 1 << 0, MAP_SVG = 1 << 1 };
void memory_map(struct binprm *b, const struct elf_tables_out *t);
/* --map=svg:FILE: create FILE now (0 or -errno); memory_map() writes and closes it */
int memory_map_svg_open(const char *path);
void memory_map_read_sections(struct elf_file *ef);
/* loader_handover.c: the debugger's hook, called once right before start_thread() */
void loader_handover(const char *prog, unsigned long prog_bias, const char *interp,
		     unsigned long interp_bias, unsigned long entry);

#endif
