/*
 * loader/memory_map.c: --map, the new image drawn on stderr just before the jump, high to
 * low: the stack, the vDSO, the interpreter's and the program's segments (range, size,
 * rwx, file offset, the ELF sections inside), where brk starts. Not a kernel step: it is
 * what /proc/PID/maps would show, plus the section names. Section headers are read here
 * by hand (a few lines of ELF) rather than with libelf, because the loader links no libc;
 * they are read only with --map, so the plain path pays nothing for them.
 * --map=svg:FILE hands the same rows to loader/map_svg.c, which draws them; FILE is opened
 * while the command line is read (a bad FILE fails before anything runs) and written and
 * closed here, so the program never sees its descriptor.
 */
#include <linux/errno.h>
#include <linux/mman.h>
#include <string.h>
#include "loader/binprm.h"
#include "loader/errstr.h"
#include "loader/map_svg.h"
#include "loader/sys.h"

#define MAX_SECTIONS 96
#define NAME_POOL 3072

struct sections {
	const struct elf_file *ef;
	size_t n;
	struct { unsigned long addr, size; unsigned name; } s[MAX_SECTIONS];
	char pool[NAME_POOL];
};

static struct sections secs[2];

void memory_map_read_sections(struct elf_file *ef)
{
	struct sections *S = &secs[ef->role == FILE_ELF_INTERP];
	Elf64_Shdr sh[MAX_SECTIONS], *str;
	size_t n = ef->eh.e_shnum, used = 0;
	long got;

	S->ef = ef;
	S->n = 0;
	if (ef->eh.e_shentsize != sizeof(Elf64_Shdr) || n == 0 || n > MAX_SECTIONS ||
	    ef->eh.e_shstrndx >= n)
		return;
	got = read_file_at(ef, sh, n * sizeof *sh, ef->eh.e_shoff);
	if (got != (long)(n * sizeof *sh))
		return;
	str = &sh[ef->eh.e_shstrndx];
	if (str->sh_size > NAME_POOL - 1)
		str->sh_size = NAME_POOL - 1;
	got = read_file_at(ef, S->pool, str->sh_size, str->sh_offset);
	if (got < 0)
		return;
	S->pool[got] = '\0';
	for (size_t i = 0; i < n; i++) {
		if (!(sh[i].sh_flags & SHF_ALLOC) || sh[i].sh_name >= (size_t)got)
			continue;
		S->s[used].addr = sh[i].sh_addr;
		S->s[used].size = sh[i].sh_size;
		S->s[used].name = sh[i].sh_name;
		used++;
	}
	S->n = used;
}

static const struct sections *sections_of(const struct elf_file *ef)
{
	for (int i = 0; i < 2; i++)
		if (secs[i].ef == ef)
			return &secs[i];
	return NULL;
}

/* "  .text .fini" for the sections of r's file whose addresses meet [start, end). */
static void section_names(const struct region *r, unsigned long start, unsigned long end,
			  char *out, size_t size)
{
	const struct sections *S = sections_of(r->file);
	size_t len = 0;

	out[0] = '\0';
	if (!S)
		return;
	for (size_t i = 0; i < S->n; i++) {
		unsigned long a = S->s[i].addr + r->file->bias;
		unsigned long e = a + (S->s[i].size ? S->s[i].size : 1);

		if (e <= start || a >= end)
			continue;
		/* a .bss starting in the last file page shows there too (padzero zeroes that
		 * page's tail) and again in the bss row that follows */
		len += fmt(out + len, size - len, " %s", S->pool + S->s[i].name);
	}
}

static const char *human(unsigned long bytes, char *out)
{
	if (bytes >= (1UL << 20) && !(bytes & ((1UL << 20) - 1)))
		fmt(out, 16, "%luM", bytes >> 20);
	else
		fmt(out, 16, "%luK", (bytes + 1023) >> 10);
	return out;
}

/* The vDSO's size from its own program headers (it is mapped: no system call). */
static unsigned long vdso_size(unsigned long base)
{
	const Elf64_Ehdr *eh = (const Elf64_Ehdr *)base;
	const Elf64_Phdr *ph = (const Elf64_Phdr *)(base + eh->e_phoff);
	unsigned long end = 0;

	for (int i = 0; i < eh->e_phnum; i++)
		if (ph[i].p_type == PT_LOAD && ph[i].p_vaddr + ph[i].p_memsz > end)
			end = ph[i].p_vaddr + ph[i].p_memsz;
	return ELF_PAGEALIGN(end);
}

/* The loader's own image: the linker's symbols for its first and last byte. */
extern const char __ehdr_start[] __attribute__((visibility("hidden")));
extern const char _end[] __attribute__((visibility("hidden")));

enum row_kind { ROW_STACK, ROW_VDSO, ROW_LOADER, ROW_TRAMPOLINE, ROW_REGION, ROW_BRK };

struct row {
	unsigned long start, end;
	enum row_kind kind;
	const struct region *r;
	int replaced;		/* a later MAP_FIXED took all of it (kernel order, same result) */
};

/*
 * What is left of region i once the regions mapped after it took their pages (a later
 * MAP_FIXED replaces, as in the kernel: segments sharing a page). Trims the ends only: a
 * later region strictly inside leaves the row whole. Returns 0 when nothing is left.
 */
static int visible_part(const struct binprm *b, int i, unsigned long *start, unsigned long *end)
{
	unsigned long s = b->regions[i].start, e = b->regions[i].end;

	for (int pass = 0; pass < 2; pass++)
		for (int j = i + 1; j < b->nregions && s < e; j++) {
			const struct region *l = &b->regions[j];

			if (l->start <= s && s < l->end)
				s = l->end;
			if (s < e && l->start < e && e <= l->end)
				e = l->start;
		}
	*start = s;
	*end = e;
	return s < e;
}

static void print_row(const struct binprm *b, const struct elf_tables_out *t,
		      const struct row *w)
{
	char sz[16], rwx[4], names[512], off[24];
	const struct region *r = w->r;
	int wx;

	switch (w->kind) {
	case ROW_STACK:
		eprintf("loader: memory_map: %#014lx-%#014lx %6s rw%c  [stack] top: sp %#lx, %zu "
			"bytes of argc/argv/envp/auxv/strings; grows down to RLIMIT_STACK%s\n",
			w->start, w->end, human(w->end - w->start, sz),
			b->executable_stack ? 'x' : '-', t->sp, t->size,
			b->executable_stack ? " (made rwx: PT_GNU_STACK has PF_X)" : "");
		return;
	case ROW_VDSO:
		eprintf("loader: memory_map: %#014lx-%#014lx %6s r-x  [vdso] the kernel's, kept "
			"(AT_SYSINFO_EHDR)\n", w->start, w->end, human(w->end - w->start, sz));
		return;
	case ROW_LOADER:
		eprintf("loader: memory_map: %#014lx-%#014lx %6s      the loader's own image: %s\n",
			w->start, w->end, human(w->end - w->start, sz), b->trampoline ?
			"unmapped by start_thread() just before the jump" :
			"stays mapped after the jump (no trampoline page)");
		return;
	case ROW_TRAMPOLINE:
		eprintf("loader: memory_map: %#014lx-%#014lx %6s r-x  /memfd:execlab-trampoline: "
			"start_thread()'s page; the one page of the loader's that stays\n",
			w->start, w->end, human(w->end - w->start, sz));
		return;
	case ROW_BRK:
		eprintf("loader: memory_map: %#014lx %14s brk starts here (the [heap] appears at "
			"the first brk() that grows it)\n", w->start, "");
		return;
	case ROW_REGION:
		break;
	}
	wx = (r->prot & PROT_WRITE) && (r->prot & PROT_EXEC);
	if (w->replaced) {
		eprintf("loader: memory_map: %#014lx-%#014lx %6s %s  %-12s %s  replaced at once by "
			"the next segment's MAP_FIXED (as by the kernel)%s\n", r->start, r->end,
			human(r->end - r->start, sz), prot_string(r->prot, rwx),
			r->bss ? "bss (anon)" : "file", r->file->path,
			wx ? "; W+X only until then, as the kernel maps it" : "");
		return;
	}
	section_names(r, w->start, w->end, names, sizeof names);
	if (r->bss)
		fmt(off, sizeof off, "bss (anon)");
	else
		fmt(off, sizeof off, "off %#lx", r->offset);
	eprintf("loader: memory_map: %#014lx-%#014lx %6s %s  %-12s %s%s%s\n", w->start, w->end,
		human(w->end - w->start, sz), prot_string(r->prot, rwx), off, r->file->path,
		names, !wx ? "" : r->bss ? "  W+X: the kernel's bss rule for a PF_X segment"
				      : "  W+X! not the bss rule: the file asks for PF_W|PF_X");
}

/* --map=svg:FILE: the file, and a buffer for writing it (only touched with that option) */
static struct {
	int fd;
	int err;			/* the first write error, or 0 */
	const char *path;
	size_t len;
	char buf[4096];
} svg = { .fd = -1 };

int memory_map_svg_open(const char *path)
{
	/*
	 * O_NONBLOCK: a FIFO with no reader fails (ENXIO) instead of hanging here; it is
	 * cleared at once, so a slow reader of a pipe gets the whole picture.
	 */
	long fd = sys_call4(__NR_openat, AT_FDCWD, (long)path,
			    O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOCTTY | O_NONBLOCK, 0666);

	if (fd < 0)
		return (int)fd;
	sys_call3(__NR_fcntl, fd, F_SETFL, 0);
	svg.fd = (int)fd;
	svg.path = path;
	return 0;
}

static void svg_flush(void)
{
	for (size_t done = 0; done < svg.len && !svg.err;) {
		long w = sys_write(svg.fd, svg.buf + done, svg.len - done);

		if (w == -EINTR)
			continue;
		if (w <= 0)
			svg.err = w < 0 ? (int)-w : EIO;
		else
			done += (size_t)w;
	}
	svg.len = 0;
}

static void svg_emit(void *ctx, const char *text, size_t len)
{
	(void)ctx;
	while (len) {
		size_t n = sizeof svg.buf - svg.len < len ? sizeof svg.buf - svg.len : len;

		memcpy(svg.buf + svg.len, text, n);
		svg.len += n;
		text += n;
		len -= n;
		if (svg.len == sizeof svg.buf)
			svg_flush();
	}
}

/* The rows as loader/map_svg.c's boxes, then the picture written to FILE. */
static void draw_svg(const struct binprm *b, const struct elf_tables_out *t,
		     const struct row *rows, int n)
{
	static struct map_box boxes[MAX_REGIONS + 5];
	static char names[MAX_REGIONS + 5][512];
	static struct map_svg_layout layout;
	static const enum map_kind kind_of[] = {
		[ROW_STACK] = MAPK_STACK, [ROW_VDSO] = MAPK_VDSO, [ROW_LOADER] = MAPK_LOADER,
		[ROW_TRAMPOLINE] = MAPK_TRAMPOLINE, [ROW_REGION] = MAPK_PROGRAM, [ROW_BRK] = MAPK_BRK,
	};
	struct map_svg_info info = { b->filename, t->sp, t->size };

	for (int i = 0; i < n; i++) {
		const struct row *w = &rows[i];
		struct map_box *x = &boxes[i];

		*x = (struct map_box){ .start = w->start, .end = w->end, .kind = kind_of[w->kind],
				       .prot = PROT_READ | PROT_EXEC };
		if (w->kind == ROW_STACK)
			x->prot = PROT_READ | PROT_WRITE | (b->executable_stack ? PROT_EXEC : 0);
		if (w->kind == ROW_LOADER) {
			x->prot = 0;
			x->note = b->trampoline ? "unmapped by start_thread() just before the jump"
						: "stays mapped after the jump (no trampoline page)";
		}
		if (w->kind != ROW_REGION)
			continue;
		if (w->r->file->role == FILE_ELF_INTERP)
			x->kind = MAPK_INTERP;
		x->prot = w->r->prot;
		x->bss = w->r->bss;
		x->replaced = w->replaced;
		x->offset = w->r->offset;
		x->path = w->r->file->path;
		if (!w->replaced) {
			section_names(w->r, w->start, w->end, names[i], sizeof names[i]);
			x->sections = names[i];
		}
	}
	map_svg_layout(boxes, (size_t)n, &layout);
	map_svg_write(boxes, &layout, &info, svg_emit, NULL);
	svg_flush();
	sys_close(svg.fd);
	svg.fd = -1;
	if (svg.err) {
		const char *text = errno_string(svg.err);

		eprintf("loader: --map=svg:%s: %s (the picture is incomplete)\n", svg.path,
			text ? text : "write error");
	}
}

void memory_map(struct binprm *b, const struct elf_tables_out *t)
{
	struct row rows[MAX_REGIONS + 5];
	int n = 0;

	rows[n++] = (struct row){ ELF_PAGESTART(t->sp), b->stack_end, ROW_STACK, NULL, 0 };
	for (const unsigned long *a = b->self->auxv; a[0] != AT_NULL; a += 2)
		if (a[0] == AT_SYSINFO_EHDR)
			rows[n++] = (struct row){ a[1], a[1] + vdso_size(a[1]), ROW_VDSO, NULL, 0 };
	/* the trampoline page took the loader's first page */
	rows[n++] = (struct row){ (unsigned long)__ehdr_start + (b->trampoline ? ELF_MIN_ALIGN : 0),
				  ELF_PAGEALIGN((unsigned long)_end), ROW_LOADER, NULL, 0 };
	if (b->trampoline)
		rows[n++] = (struct row){ b->trampoline, b->trampoline + ELF_MIN_ALIGN,
					  ROW_TRAMPOLINE, NULL, 0 };
	for (int i = 0; i < b->nregions; i++) {
		unsigned long s, e;
		int left = visible_part(b, i, &s, &e);

		rows[n++] = (struct row){ left ? s : b->regions[i].start,
					  left ? e : b->regions[i].end, ROW_REGION,
					  &b->regions[i], !left };
	}
	rows[n++] = (struct row){ b->brk, b->brk, ROW_BRK, NULL, 0 };

	/* high to low: insertion sort by start address (stable for equal starts) */
	for (int i = 1; i < n; i++) {
		struct row w = rows[i];
		int j = i;

		for (; j > 0 && rows[j - 1].start < w.start; j--)
			rows[j] = rows[j - 1];
		rows[j] = w;
	}
	if (b->map & MAP_TEXT) {
		eprintf("loader: memory_map: the new image of %s, high to low addresses\n",
			b->filename);
		for (int i = 0; i < n; i++)
			print_row(b, t, &rows[i]);
	}
	if (b->map & MAP_SVG)
		draw_svg(b, t, rows, n);
}
