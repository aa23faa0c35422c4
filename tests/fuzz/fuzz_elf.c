/*
 * tests/fuzz/fuzz_elf.c: libFuzzer target for the ELF header and program header checks
 * (loader/elf_check.c) and the layout arithmetic (loader/elf_layout.c), called in the order
 * load_elf_binary() calls them, on an input that is an ELF file image:
 *
 *   PROGRAM [ "\n--interp--\n" INTERPRETER ]
 *
 * Each image stands for a whole file: its bytes, then zeros up to the file's size. That size
 * is the end of the section header table (e_shoff + e_shnum * e_shentsize) when that lies
 * past the bytes given: ld writes the section headers last, so a seed cut from a real binary
 * after its program headers keeps the size the checks compare with. Without an INTERPRETER
 * the program is its own PT_INTERP (the loader runs such a file). The random bits the loader
 * gets from getrandom() are taken from e_ident's padding (bytes 9 to 15): zero means no ASLR.
 * Where the loader calls mmap, the target assumes what the kernel would do: a fixed address
 * is granted when it lies in user space, a free one is the highest that fits under
 * MMAP_BASE.
 *
 * Asserted: what each check promises (a table or path it accepts lies inside the file and
 * inside the loader's buffer for it; a refusal returns an errno the check documents, fills
 * its diag with it and with a detail main() prints on one line), and, once the checks made
 * before mapping pass, what the mapping code relies on: every piece elf_load() maps lies
 * inside the span reserved for the image and inside user space, at page-aligned addresses
 * and file offsets; the partial page padzero() clears is backed by the file; AT_PHDR shows
 * the program headers; the entry, mm's bounds and brk point into or after the image.
 */
#define _GNU_SOURCE	/* memmem */
#include <elf.h>
#include <errno.h>
#include <linux/mman.h>
#include <string.h>
#include "loader/binprm.h"
#include "loader/elf_check.h"
#include "loader/elf_layout.h"
#include "loader/errstr.h"
#include "loader/fmt.h"
#include "tests/fuzz/fuzz.h"

#define INTERP_MARK	"\n--interp--\n"
/* Where mmap puts what it may place freely (top-down, as on x86_64 with the default layout). */
#define MMAP_BASE	0x7ff000000000UL
#define MMAP_MIN_ADDR	0x10000UL

struct file {
	const char *name;
	const uint8_t *bytes;	/* the first len bytes of the file; the rest reads as zeros */
	size_t len;
	uint64_t size;
	unsigned char head[HEAD_SIZE];	/* open_exec()'s first read */
	size_t head_len;
	Elf64_Ehdr *eh;		/* each on the heap, exactly as large as the loader's copy, */
	Elf64_Phdr *ph;		/* so that a read past it is an error */
	size_t phnum;
	unsigned long bias, lo, span;	/* once mapped: [lo, lo + span) with lo biased */
	int mapped;
};

static struct diag d;

/* pread() of the file: zeros past the bytes given. The caller checked [off, off + n) is in it. */
static void read_at(const struct file *f, void *buf, size_t n, uint64_t off)
{
	FUZZ_ASSERT(off <= f->size && f->size - off >= n, "read of %zu bytes at %lu past the end "
		    "of a %lu-byte file", n, (unsigned long)off, (unsigned long)f->size);
	memset(buf, 0, n);
	if (off < f->len)
		memcpy(buf, f->bytes + off, f->len - off < n ? f->len - off : n);
}

/* open_exec(): the size, the first read, the header (zero-padded). */
static void open_file(struct file *f, const char *name, const uint8_t *bytes, size_t len)
{
	Elf64_Ehdr sh = { 0 };
	uint64_t end;

	*f = (struct file){ .name = name, .bytes = bytes, .len = len, .size = len };
	memcpy(&sh, bytes, len < sizeof sh ? len : sizeof sh);
	end = sh.e_shoff + (uint64_t)sh.e_shnum * sh.e_shentsize;
	if (end < sh.e_shoff)
		end = UINT64_MAX;
	if (end > f->size)
		f->size = end;
	f->head_len = f->size < HEAD_SIZE ? (size_t)f->size : HEAD_SIZE;
	read_at(f, f->head, f->head_len, 0);
	memset(f->head + f->head_len, 0, sizeof f->head - f->head_len);
	f->eh = malloc(sizeof *f->eh);
	memcpy(f->eh, f->head, sizeof *f->eh);
}

static void free_file(struct file *f)
{
	free(f->eh);
	free(f->ph);
}

/*
 * A check's verdict: 1 if it passed. A refusal must carry one of the errnos the check
 * documents (allowed, ending with 0), the same errno in its diag, a detail, and an errno
 * main() has a message for; main() prints the detail escaped, and that must stay one line.
 */
static int passes(int ret, const int *allowed)
{
	char line[2 * sizeof d.text];
	int known = 0;

	if (ret == 0) {
		d = (struct diag){ 0 };
		return 1;
	}
	for (const int *a = allowed; *a; a++)
		known |= ret == *a;
	FUZZ_ASSERT(known, "refused with %d (%s), not an errno this check returns", ret, d.text);
	FUZZ_ASSERT(d.err == ret, "returned %d, diag says %d", ret, d.err);
	FUZZ_ASSERT(memchr(d.text, '\0', sizeof d.text), "diag text not terminated");
	FUZZ_ASSERT(d.text[0], "refused with %d and no detail", ret);
	FUZZ_ASSERT(errno_string(-ret), "errno %d has no message in loader/errstr.c", -ret);
	escape_text(line, sizeof line, d.text);
	for (const char *c = line; *c; c++)
		FUZZ_ASSERT((unsigned char)*c >= 0x20 && *c != 0x7f, "escaped detail '%s' holds a "
			    "control character", line);
	d = (struct diag){ 0 };
	return 0;
}
#define ERRS(...) ((const int[]){ __VA_ARGS__, 0 })

/* load_elf_phdrs(): check the table, then read it (into a buffer of exactly its size). */
static int load_phdrs(struct file *f, int err)
{
	uint64_t off;
	size_t size;

	if (!passes(elf_check_phdr_table(f->eh, f->size, err, &off, &size, &d), ERRS(err)))
		return 0;
	FUZZ_ASSERT(size == (size_t)f->eh->e_phnum * sizeof(Elf64_Phdr) && size >= sizeof(Elf64_Phdr),
		    "table of %zu bytes for e_phnum %u", size, f->eh->e_phnum);
	FUZZ_ASSERT(size <= ELF_PHDR_TABLE_MAX, "table of %zu bytes: load_elf_phdrs() has room "
		    "for %d", size, ELF_PHDR_TABLE_MAX);
	FUZZ_ASSERT(off == f->eh->e_phoff, "table at %lu, e_phoff %lu", (unsigned long)off,
		    (unsigned long)f->eh->e_phoff);
	f->phnum = f->eh->e_phnum;
	f->ph = malloc(size);
	read_at(f, f->ph, size, off);
	return 1;
}

/* find_interpreter(): the first PT_INTERP names the interpreter, which is then opened. */
static int find_interpreter(struct file *prog, struct file *interp, const uint8_t *bytes,
			    size_t len, int *have_interp)
{
	for (size_t i = 0; i < prog->phnum; i++) {
		const Elf64_Phdr *p = &prog->ph[i];
		char *path;
		int ok;

		if (p->p_type != PT_INTERP)
			continue;
		if (!passes(elf_check_interp_phdr(p, prog->size, &d), ERRS(-ENOEXEC, -EINVAL, -EIO)))
			return 0;
		FUZZ_ASSERT(p->p_filesz <= sizeof ((struct binprm *)0)->interp_path,
			    "PT_INTERP path of %lu bytes: the loader has room for %zu",
			    (unsigned long)p->p_filesz, sizeof ((struct binprm *)0)->interp_path);
		path = malloc(p->p_filesz);
		read_at(prog, path, p->p_filesz, p->p_offset);
		ok = passes(elf_check_interp_path(path, p->p_filesz, &d), ERRS(-ENOEXEC));
		/* open_exec() takes it as a C string */
		FUZZ_ASSERT(!ok || memchr(path, '\0', p->p_filesz), "accepted an unterminated path");
		free(path);
		if (!ok)
			return 0;
		open_file(interp, "interpreter", bytes, len);
		*have_interp = 1;
		return passes(elf_check_interp_header(interp->eh, interp->size, &d),
			      ERRS(-EIO, -ELIBBAD));
	}
	return 1;
}

/* Is [start, start + len) inside [lo, hi)? (Written so that no sum wraps unnoticed.) */
static int inside(unsigned long start, unsigned long len, unsigned long lo, unsigned long hi)
{
	return start >= lo && start <= hi && hi - start >= len;
}

/* What elf_load() will map for each PT_LOAD, against the span reserved for the image. */
static void check_pieces(const struct file *f)
{
	unsigned long hi = f->lo + f->span;

	FUZZ_ASSERT(f->lo <= TASK_SIZE && f->span <= TASK_SIZE - f->lo && f->span,
		    "reserved [0x%lx, +0x%lx) is empty or not in user space", f->lo, f->span);
	FUZZ_ASSERT(!ELF_PAGEOFFSET(f->bias) && !ELF_PAGEOFFSET(f->lo) && !ELF_PAGEOFFSET(f->span),
		    "bias 0x%lx, span [0x%lx, +0x%lx) not page-aligned", f->bias, f->lo, f->span);
	for (size_t i = 0; i < f->phnum; i++) {
		struct seg_plan sp;

		if (f->ph[i].p_type != PT_LOAD)
			continue;
		plan_segment(&f->ph[i], f->bias, &sp);
		if (sp.map_len) {
			FUZZ_ASSERT(!ELF_PAGEOFFSET(sp.map_addr | sp.map_len | sp.map_off),
				    "PT_LOAD %zu: mmap(0x%lx, 0x%lx, offset 0x%lx) not page-aligned",
				    i, sp.map_addr, sp.map_len, sp.map_off);
			FUZZ_ASSERT(inside(sp.map_addr, sp.map_len, f->lo, hi), "PT_LOAD %zu of the %s: "
				    "file pages [0x%lx, +0x%lx) outside the reserved [0x%lx, 0x%lx)",
				    i, f->name, sp.map_addr, sp.map_len, f->lo, hi);
		}
		if (sp.pad_len && (sp.prot & PROT_WRITE)) {
			/* padzero() writes there: the page must hold file bytes, or it faults */
			FUZZ_ASSERT(inside(sp.pad_start, sp.pad_len, sp.map_addr,
					   sp.map_addr + sp.map_len) &&
				    sp.map_off + ELF_PAGESTART(sp.pad_start - sp.map_addr) < f->size,
				    "PT_LOAD %zu: padzero at 0x%lx (+0x%lx) is not on a page of the "
				    "%lu-byte file mapped at 0x%lx (offset 0x%lx)", i, sp.pad_start,
				    sp.pad_len, (unsigned long)f->size, sp.map_addr, sp.map_off);
		}
		if (sp.anon_len)
			FUZZ_ASSERT(!ELF_PAGEOFFSET(sp.anon_start | sp.anon_len) &&
				    inside(sp.anon_start, sp.anon_len, f->lo, hi), "PT_LOAD %zu of the "
				    "%s: bss [0x%lx, +0x%lx) unaligned or outside the reserved "
				    "[0x%lx, 0x%lx)", i, f->name, sp.anon_start, sp.anon_len, f->lo, hi);
	}
}

/*
 * The pure half of elf_map_image(): the checks made before mapping, the span, its
 * reservation (at want_bias if fixed, else where mmap would put it), the bias.
 */
static int map_image(struct file *f, int interp, unsigned long want_bias, int fixed)
{
	unsigned long lo = lowest_load_vaddr(f->ph, f->phnum);
	unsigned long total = total_mapping_size(f->ph, f->phnum);
	unsigned long align = maximum_alignment(f->ph, f->phnum);
	const int *errs = interp ? ERRS(-EINVAL, -ENOMEM) : ERRS(-EINVAL);
	unsigned long span, res;

	FUZZ_ASSERT(!align || (!(align & (align - 1)) && align >= ELF_MIN_ALIGN),
		    "maximum_alignment 0x%lx is not a power of two of at least a page", align);
	f->bias = want_bias;
	if (!total)
		return 1;	/* nothing to map */
	if (!passes(elf_check_segments(f->ph, f->phnum, fixed ? want_bias : 0, interp, &d), errs) ||
	    !passes(elf_check_padzero(f->ph, f->phnum, f->size, interp, &d), ERRS(-EFAULT)))
		return 0;
	span = ELF_PAGEALIGN(lo + total) - lo;
	align = align ? align : ELF_MIN_ALIGN;
	if (fixed) {
		res = want_bias + lo;
		if (res >= TASK_SIZE || span > TASK_SIZE - res)
			return 0;	/* mmap refuses it */
	} else {
		unsigned long len = span + (align > ELF_MIN_ALIGN ? align - ELF_MIN_ALIGN : 0);

		if (len < span || len > MMAP_BASE - MMAP_MIN_ADDR)
			return 0;	/* ENOMEM */
		res = ELF_PAGESTART(MMAP_BASE - len);
		f->bias = ((res + align - 1) & ~(align - 1)) - lo;
		if (!passes(elf_check_segments(f->ph, f->phnum, f->bias, interp, &d), errs))
			return 0;
	}
	f->lo = f->bias + lo;
	f->span = span;
	f->mapped = 1;
	check_pieces(f);
	return 1;
}

/* map_program(): ET_EXEC at its addresses, a PIE at ELF_ET_DYN_BASE, a static-pie anywhere. */
static int map_program(struct file *f, int have_interp, unsigned long rnd)
{
	int first = first_load(f->ph, f->phnum);
	unsigned long bias, align;

	if (f->eh->e_type == ET_EXEC || first < 0)
		return map_image(f, 0, 0, 1);
	if (!have_interp)
		return map_image(f, 0, 0, first_load_is_bss_only(f->ph, f->phnum) &&
				 maximum_alignment(f->ph, f->phnum) <= ELF_MIN_ALIGN);
	bias = ELF_ET_DYN_BASE + ((rnd & ((1UL << MMAP_RND_BITS) - 1)) << 12);
	align = maximum_alignment(f->ph, f->phnum);
	if (align)
		bias &= ~(align - 1);
	return map_image(f, 0, ELF_PAGESTART(bias - f->ph[first].p_vaddr), 1);
}

/* AT_PHDR, mm's bounds and brk of a mapped program. */
static void check_program_layout(const struct file *f, int static_pie, unsigned long rnd)
{
	unsigned long at_phdr = phdr_vaddr(f->eh, f->ph, f->phnum), brk;
	struct mm_bounds mb;
	int found = 0;

	mm_bounds(f->ph, f->phnum, f->bias, &mb);
	brk = brk_start(mb.elf_brk, static_pie, rnd != 0, rnd);
	FUZZ_ASSERT(!ELF_PAGEOFFSET(brk), "brk 0x%lx not page-aligned", brk);
	if (!f->mapped)
		return;
	if (at_phdr) {
		/* the address must show the bytes at e_phoff: a file piece maps them there */
		at_phdr += f->bias;
		for (size_t i = 0; i < f->phnum && !found; i++) {
			struct seg_plan sp;

			if (f->ph[i].p_type != PT_LOAD)
				continue;
			plan_segment(&f->ph[i], f->bias, &sp);
			found = at_phdr - sp.map_addr < sp.map_len &&
				sp.map_off + (at_phdr - sp.map_addr) == f->eh->e_phoff;
		}
		FUZZ_ASSERT(found, "AT_PHDR 0x%lx does not show file offset e_phoff 0x%lx",
			    at_phdr, (unsigned long)f->eh->e_phoff);
	}
	FUZZ_ASSERT(mb.start_data <= mb.end_data && mb.end_data <= mb.elf_brk &&
		    mb.start_code <= mb.end_code, "mm bounds: code 0x%lx-0x%lx, data 0x%lx-0x%lx, "
		    "brk 0x%lx", mb.start_code, mb.end_code, mb.start_data, mb.end_data, mb.elf_brk);
	FUZZ_ASSERT(inside(mb.start_data, mb.elf_brk - mb.start_data, f->lo, f->lo + f->span),
		    "data 0x%lx to brk 0x%lx outside the image [0x%lx, +0x%lx)", mb.start_data,
		    mb.elf_brk, f->lo, f->span);
	if (!static_pie)
		FUZZ_ASSERT(brk >= mb.elf_brk && brk - mb.elf_brk < (1UL << 30) + 2 * ELF_MIN_ALIGN,
			    "brk 0x%lx for an image ending at 0x%lx", brk, mb.elf_brk);
}

/* The entry the loader jumps to: below TASK_SIZE, on an executable page of its image. */
static void check_entry(const struct file *f, unsigned long entry)
{
	if (!passes(elf_check_entry(entry, &d), ERRS(-EINVAL)))
		return;
	if (!passes(elf_check_entry_mapped(f->ph, f->phnum, f->eh->e_entry, f->name, &d),
		    ERRS(-ENOEXEC)))
		return;
	FUZZ_ASSERT(f->mapped && inside(entry, 1, f->lo, f->lo + f->span), "entry 0x%lx accepted "
		    "outside the %s's image [0x%lx, +0x%lx)", entry, f->name, f->lo, f->span);
}

/* load_elf_binary(), its system calls left out */
static void load_program(const uint8_t *data, size_t size)
{
	const uint8_t *mark = memmem(data, size, INTERP_MARK, sizeof INTERP_MARK - 1);
	size_t prog_len = mark ? (size_t)(mark - data) : size;
	const uint8_t *ibytes = mark ? mark + sizeof INTERP_MARK - 1 : data;
	size_t ilen = mark ? size - prog_len - (sizeof INTERP_MARK - 1) : size;
	struct file prog, interp = { 0 };
	unsigned long rnd = 0;
	int have_interp = 0;

	open_file(&prog, "program", data, prog_len);
	memcpy(&rnd, prog.eh->e_ident + EI_PAD, EI_NIDENT - EI_PAD);
	if (!elf_has_magic(prog.head, prog.head_len) ||
	    !passes(elf_check_header(prog.eh, &d), ERRS(-ENOEXEC)) ||
	    !load_phdrs(&prog, -ENOEXEC) ||
	    !find_interpreter(&prog, &interp, ibytes, ilen, &have_interp) ||
	    (have_interp && !load_phdrs(&interp, -ELIBBAD)) ||
	    /* begin_new_exec() */
	    (have_interp && !passes(elf_check_interp_late(interp.eh, interp.ph, interp.phnum, &d),
				    ERRS(-EPERM, -EINVAL))) ||
	    !map_program(&prog, have_interp, rnd))
		goto out;
	check_program_layout(&prog, prog.eh->e_type == ET_DYN && !have_interp, rnd);
	if (!have_interp) {
		check_entry(&prog, prog.eh->e_entry + prog.bias);
		goto out;
	}
	/* load_elf_interp() */
	if (map_image(&interp, 1, 0, interp.eh->e_type == ET_EXEC ||
		      first_load_is_bss_only(interp.ph, interp.phnum)))
		check_entry(&interp, interp.eh->e_entry + interp.bias);
out:
	free_file(&prog);
	free_file(&interp);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	load_program(data, size);
	return 0;
}
