/*
 * loader/elf_map.c: mirrors fs/binfmt_elf.c:elf_map(), elf_load() and padzero() (6.7+:
 * bss handled per segment), and the mapping loop that load_elf_binary() and
 * load_elf_interp() share. As the kernel does, the first PT_LOAD in file order decides
 * the placement: it is mapped where the caller asks (mmap's choice near a hint, or a fixed
 * address), over the whole image (total_size) when the kernel passes it, with that
 * segment's own file offset and protection; the bias follows from where it landed, and
 * every later PT_LOAD goes at bias + p_vaddr, below the first one if its p_vaddr is lower.
 *
 * Differs in one way: the kernel maps each later segment with MAP_FIXED over whatever is
 * there. The loader replaces only pages of the same image (its first mapping, earlier
 * segments) and, for the interpreter, of the program, as the kernel would; any other page
 * it claims with MAP_FIXED_NOREPLACE first, so it never maps over its own image, its stack
 * or the vDSO (EEXIST: the file is refused instead). Pages of the first mapping no segment
 * uses (holes) are unmapped at the end, which is the kernel's layout. Every file mapping
 * gets its final protection at once and the partial bss page is zeroed only when writable,
 * so no page is ever writable and executable unless the kernel's own bss rule (RW, plus X
 * if PF_X) makes it so.
 */
#include <linux/errno.h>
#include <linux/mman.h>
#include <string.h>
#include "loader/binprm.h"
#include "loader/elf_check.h"
#include "loader/sys.h"

#define ANON (MAP_PRIVATE | MAP_ANONYMOUS)

/* An image being mapped: what it may map over, besides free address space. */
struct image_map {
	struct binprm *b;
	struct elf_file *ef;
	unsigned long res_lo, res_hi;	/* the first mapping (total_size), or empty */
	const struct elf_file *prog;	/* the program, if ef is its interpreter */
	int said_over_prog;
};

/* unused only in lab 3's handout, where elf_load() is the exercise */
static __attribute__((unused)) void remember(struct binprm *b, const struct elf_file *ef, const Elf64_Phdr *ph,
		     unsigned long start, unsigned long len, int prot, unsigned long off, int bss)
{
	if (b->map && b->nregions < MAX_REGIONS)
		b->regions[b->nregions++] = (struct region){
			.start = start, .end = start + len, .offset = off, .prot = prot,
			.bss = bss, .file = ef, .ph = ph };
}

/*
 * The errno of a failed mmap of the file: ENODEV (a file system that cannot mmap) is what
 * the kernel's can_mmap_file() check turns into ENOEXEC before anything else.
 */
static int map_err(void *m)
{
	return m == (void *)-ENODEV ? -ENOEXEC : (int)(long)m;
}

/* vm.mmap_min_addr, read once, only to explain an EPERM (3 system calls). */
static unsigned long mmap_min_addr(struct binprm *b)
{
	unsigned long v = 65536;

	if (b->mmap_min_addr == ~0UL)
		b->mmap_min_addr = read_sysctl("/proc/sys/vm/mmap_min_addr", &v) == 0 ? v : 65536;
	return b->mmap_min_addr;
}

/* One line for a mapping of [start, end) that failed with m. */
static int map_fail(struct binprm *b, const struct elf_file *ef, void *m, unsigned long start,
		    unsigned long end, const char *what)
{
	if (m == (void *)-EEXIST)
		/* only foreign pages are claimed with MAP_FIXED_NOREPLACE: the loader's */
		return diag_fail(&b->diag, -EEXIST, "%s needs [0x%lx, 0x%lx) for %s, where the "
				 "loader's own image, stack or vDSO lies: a collision of the loader's, "
				 "which the kernel, having dropped them, would not have", ef->path,
				 start, end, what);
	if (m == (void *)-EPERM && start < mmap_min_addr(b))
		return diag_fail(&b->diag, -EPERM, "%s wants address 0x%lx for %s, below "
				 "vm.mmap_min_addr (%lu)" AFTER_PONR, ef->path, start, what,
				 mmap_min_addr(b));
	return diag_fail(&b->diag, map_err(m), "mmap of [0x%lx, 0x%lx) for %s of %s" AFTER_PONR,
			 start, end, what, ef->path);
}

/* Widen *until / lower *next by one range, for owned_scan(). */
static void visit(unsigned long lo, unsigned long hi, unsigned long addr,
		  unsigned long *until, unsigned long *next)
{
	if (lo >= hi)
		return;
	if (addr >= lo && addr < hi && hi > *until)
		*until = hi;
	if (lo > addr && lo < *next)
		*next = lo;
}

static void visit_pieces(const struct elf_file *ef, size_t upto, unsigned long addr,
			 unsigned long *until, unsigned long *next)
{
	for (size_t j = 0; j < upto; j++) {
		struct seg_plan sp;

		if (ef->ph[j].p_type != PT_LOAD)
			continue;
		plan_segment(&ef->ph[j], ef->bias, &sp);
		visit(sp.map_addr, sp.map_addr + sp.map_len, addr, until, next);
		visit(sp.anon_start, sp.anon_start + sp.anon_len, addr, until, next);
	}
}

/*
 * What the image may map over at addr: *until is the end of such a range holding addr
 * (0 if none), *next the lowest start of one above addr (limit if none below it). Such
 * ranges: the first mapping, the pieces of the segments before upto, the program's.
 */
static void owned_scan(struct image_map *im, size_t upto, unsigned long addr,
		       unsigned long limit, unsigned long *until, unsigned long *next)
{
	*until = 0;
	*next = limit;
	visit(im->res_lo, im->res_hi, addr, until, next);
	visit_pieces(im->ef, upto, addr, until, next);
	if (im->prog) {
		unsigned long u = 0, n = limit;

		visit_pieces(im->prog, im->prog->phnum, addr, &u, &n);
		if (u > addr && !im->said_over_prog) {
			im->said_over_prog = 1;
			narrate(im->b, "load_elf_interp", "the interpreter's segments overlap the "
				"program's at 0x%lx: mapped over them, as the kernel's MAP_FIXED does",
				addr);
		}
		visit_pieces(im->prog, im->prog->phnum, addr, until, next);
	}
}

/*
 * Get [start, end) ready for a mapping there. Returns MAP_FIXED_NOREPLACE if nothing of it
 * may be replaced (the mapping itself then claims it in one system call), MAP_FIXED once
 * every page that may not be replaced is claimed by a PROT_NONE placeholder (which fails
 * with EEXIST if anything lies there), or -errno.
 */
static long claim(struct image_map *im, size_t upto, unsigned long start, unsigned long end)
{
	unsigned long cur = start, until, next;
	void *m;

	owned_scan(im, upto, start, end, &until, &next);
	if (!until && next >= end)
		return MAP_FIXED_NOREPLACE;
	while (cur < end) {
		owned_scan(im, upto, cur, end, &until, &next);
		if (until > cur) {
			cur = until;
			continue;
		}
		/* NOREPLACE: fails rather than overwrite what is there; no memory committed */
		m = sys_mmap((void *)cur, next - cur, PROT_NONE,
			     ANON | MAP_NORESERVE | MAP_FIXED_NOREPLACE, -1, 0);
		if (mmap_failed(m))
			return map_fail(im->b, im->ef, m, cur, next, "its segments");
		cur = next;
	}
	return MAP_FIXED;
}

/* [start, start + len) lies inside user space (written so that no sum can overflow). */
static int in_user_space(unsigned long start, unsigned long len)
{
	return start < TASK_SIZE && len <= TASK_SIZE - start;
}

/*
 * mmap() one piece of segment upto at its fixed address, replacing only what the image
 * may replace (see claim()). MAP_FIXED over our own claim is safe: every page of the range
 * is either a placeholder just made or a page of this image or of the program.
 * drop_x: if user space may not map it W+X (EACCES: memory-deny-write-execute, SELinux
 * execmem; refused before anything is mapped or unmapped), map it without X, with the
 * same flags, and set *dropped. On failure the line is said: returns -errno as a pointer.
 */
static void *map_piece(struct image_map *im, size_t upto, unsigned long addr, unsigned long len,
		       int prot, int flags, int fd, unsigned long off, const char *what,
		       int drop_x, int *dropped)
{
	long how;
	void *m;

	if (!in_user_space(addr, len))	/* the kernel's mmap fails there too */
		return (void *)(long)diag_fail(&im->b->diag, -ENOMEM, "%s of %s would be at "
					       "[0x%lx, +0x%lx), outside user space" AFTER_PONR,
					       what, im->ef->path, addr, len);
	how = claim(im, upto, addr, addr + len);
	if (how < 0)
		return (void *)how;
	m = sys_mmap((void *)addr, len, prot, flags | (int)how, fd, (long)off);
	if (m == (void *)-EACCES && drop_x && (prot & PROT_WRITE) && (prot & PROT_EXEC)) {
		*dropped = 1;
		m = sys_mmap((void *)addr, len, prot & ~PROT_EXEC, flags | (int)how, fd, (long)off);
	}
	if (m == (void *)-EACCES && (prot & PROT_WRITE) && (prot & PROT_EXEC))
		return (void *)(long)diag_fail(&im->b->diag, -EACCES, "%s of %s is writable and "
					       "executable, which memory-deny-write-execute refuses"
					       AFTER_PONR, what, im->ef->path);
	if (mmap_failed(m))
		return (void *)(long)map_fail(im->b, im->ef, m, addr, addr + len, what);
	return m;
}

/*
 * Map one PT_LOAD (elf_load): file pages, padzero, anonymous bss pages. premapped: the
 * file part is already there (the first mapping was this segment's own).
 */
static int elf_load(struct image_map *im, size_t i, int premapped)
{
	struct binprm *b = im->b;
	struct elf_file *ef = im->ef;
	const Elf64_Phdr *ph = &ef->ph[i];
	struct seg_plan sp;
	char what[32];

	plan_segment(ph, ef->bias, &sp);
	fmt(what, sizeof what, "PT_LOAD %zu", i);
	/* LAB 3 SOLUTION BEGIN */
	char rwx[4];
	int dropped = 0;
	void *m;

	if (sp.map_len) {
		m = premapped ? (void *)sp.map_addr
			      : map_piece(im, i, sp.map_addr, sp.map_len, sp.prot, MAP_PRIVATE,
					  ef->fd, sp.map_off, what, 0, &dropped);
		if (mmap_failed(m))
			return (int)(long)m;
		remember(b, ef, ph, sp.map_addr, sp.map_len, sp.prot, sp.map_off, 0);
		say(b, "PT_LOAD %zu: 0x%lx-0x%lx %s file offset 0x%lx", i, sp.map_addr,
		    sp.map_addr + sp.map_len, prot_string(sp.prot, rwx), sp.map_off);
	}
	/* padzero(): the kernel ignores its failure on a read-only page; we skip it there */
	if (sp.pad_len && (sp.prot & PROT_WRITE))
		memset((void *)sp.pad_start, 0, sp.pad_len);
	if (sp.anon_len) {
		int prot = sp.anon_prot;

		/*
		 * vm_brk_flags() replaces what is there, as MAP_FIXED does (see claim()). It is
		 * not subject to memory-deny-write-execute (PR_SET_MDWE) or SELinux execmem; a
		 * user-space RWX mmap is. Then the bss is mapped RW: the program runs as
		 * natively, its bss just lacks X.
		 */
		fmt(what, sizeof what, "the bss of PT_LOAD %zu", i);
		m = map_piece(im, i, sp.anon_start, sp.anon_len, prot, ANON, -1, 0, what, 1,
			      &dropped);
		if (mmap_failed(m))
			return (int)(long)m;
		if (dropped) {
			prot &= ~PROT_EXEC;
			say(b, "PT_LOAD %zu: an RWX bss is refused to user space (memory-deny-"
			    "write-execute?): mapped rw- where the kernel's would be rwx", i);
		}
		remember(b, ef, ph, sp.anon_start, sp.anon_len, prot, 0, 1);
		say(b, "PT_LOAD %zu: 0x%lx-0x%lx %s bss (anonymous%s)", i, sp.anon_start,
		    sp.anon_start + sp.anon_len, prot_string(prot, rwx),
		    prot & PROT_EXEC ? "; RWX: the kernel's bss rule for a PF_X segment" : "");
	}
	return 0;
	/* LAB 3 SOLUTION END */
	/* LAB 3 STUB BEGIN
	(void)b;
	(void)premapped;
	return -ENOSYS;
	   LAB 3 STUB END */
}

/* Is addr inside what segment i maps? If so, return the end of that piece. */
static unsigned long covered_until(const struct elf_file *ef, unsigned long addr)
{
	unsigned long end = 0, next = ~0UL;

	visit_pieces(ef, ef->phnum, addr, &end, &next);
	return end;
}

/* The lowest start of a segment piece above addr (or limit). */
static unsigned long next_piece(const struct elf_file *ef, unsigned long addr, unsigned long limit)
{
	unsigned long end = 0, next = limit;

	visit_pieces(ef, ef->phnum, addr, &end, &next);
	return next;
}

/* Give back the parts of the first mapping no segment uses: the kernel leaves holes unmapped. */
static void unmap_uncovered(const struct elf_file *ef, unsigned long lo, unsigned long hi)
{
	unsigned long cur = lo;

	while (cur < hi) {
		unsigned long end = covered_until(ef, cur);

		if (end > cur) {
			cur = end;
			continue;
		}
		end = next_piece(ef, cur, hi);
		sys_munmap((void *)cur, end - cur);
		cur = end;
	}
}

/* The lowest and highest address the image's pieces cover, for the narration. */
static void image_bounds(struct elf_file *ef)
{
	ef->lo = ~0UL;
	ef->hi = 0;
	for (size_t i = 0; i < ef->phnum; i++) {
		struct seg_plan sp;

		if (ef->ph[i].p_type != PT_LOAD)
			continue;
		plan_segment(&ef->ph[i], ef->bias, &sp);
		if (sp.map_len && sp.map_addr < ef->lo)
			ef->lo = sp.map_addr;
		if (sp.map_len && sp.map_addr + sp.map_len > ef->hi)
			ef->hi = sp.map_addr + sp.map_len;
		if (sp.anon_len && sp.anon_start < ef->lo)
			ef->lo = sp.anon_start;
		if (sp.anon_len && sp.anon_start + sp.anon_len > ef->hi)
			ef->hi = sp.anon_start + sp.anon_len;
	}
	if (ef->lo > ef->hi)
		ef->lo = ef->hi = 0;
}

int elf_map_where(struct binprm *b, struct elf_file *ef, unsigned long *where)
{
	int first = first_load(ef->ph, ef->phnum);
	const Elf64_Phdr *ph = &ef->ph[first];
	unsigned long len = first_map_len(ph, total_mapping_size(ef->ph, ef->phnum));
	struct seg_plan sp;
	void *m;

	plan_segment(ph, -ph->p_vaddr, &sp);	/* elf_load(file, 0, ...): asked at 0 */
	if (ph->p_filesz) {	/* elf_map(): anywhere, its protection without X (see above) */
		m = sys_mmap(NULL, len, sp.prot & ~PROT_EXEC, MAP_PRIVATE, ef->fd,
			     (long)sp.map_off);
	} else if (sp.anon_len) {	/* vm_brk_flags() at page 0 */
		m = sys_mmap((void *)sp.anon_start, sp.anon_len, PROT_NONE,
			     ANON | MAP_NORESERVE | MAP_FIXED_NOREPLACE, -1, 0);
		len = sp.anon_len;
	} else {
		*where = 0;
		return 0;
	}
	if (mmap_failed(m))
		return map_fail(b, ef, m, ph->p_filesz ? 0 : sp.anon_start,
				(ph->p_filesz ? 0 : sp.anon_start) + len, "its first PT_LOAD");
	sys_munmap(m, len);
	*where = (unsigned long)m;
	narrate(b, "load_elf_binary", "%s asks for a %#lx alignment: mapped where mmap chooses "
		"(0x%lx) and unmapped, to align that address down", ef->path,
		maximum_alignment(ef->ph, ef->phnum), *where);
	return 0;
}

/*
 * The first PT_LOAD: at PAGESTART(load_bias + p_vaddr), fixed or as a hint, over
 * first_map_len() bytes. Sets ef->bias and the first mapping's range; *premapped: that
 * segment's file pages are in place.
 */
static int map_first(struct image_map *im, int first, unsigned long load_bias,
		     enum elf_map_flags flags, int *premapped)
{
	struct elf_file *ef = im->ef;
	const Elf64_Phdr *ph = &ef->ph[first];
	unsigned long addr = ELF_PAGESTART(load_bias + ph->p_vaddr);
	unsigned long total = flags & ELF_MAP_TOTAL ? total_mapping_size(ef->ph, ef->phnum) : 0;
	unsigned long len = first_map_len(ph, total);
	struct seg_plan sp;
	int prot;
	void *m;

	*premapped = 0;
	im->res_lo = im->res_hi = 0;
	if (!ph->p_filesz) {
		/* elf_load() maps only its bss, by vm_brk_flags() at the address asked for */
		ef->bias = bias_after_first(ph->p_vaddr, addr);
		return 0;
	}
	plan_segment(ph, load_bias, &sp);
	/*
	 * The kernel maps the whole image with this segment's protection, then replaces or
	 * unmaps all but its own pages. If that protection is W+X, the loader leaves X off
	 * (and maps the segment itself again below), so it never spreads to other pages.
	 */
	prot = sp.prot;
	if ((prot & (PROT_WRITE | PROT_EXEC)) == (PROT_WRITE | PROT_EXEC))
		prot &= ~PROT_EXEC;
	else
		*premapped = 1;
	if (flags & ELF_MAP_FIXED) {
		m = map_piece(im, 0, addr, len, prot, MAP_PRIVATE, ef->fd, sp.map_off,
			      "its first PT_LOAD", 0, NULL);
	} else {	/* a hint: mmap takes it if that range is free, else chooses, as the kernel's */
		m = sys_mmap((void *)addr, len, prot, MAP_PRIVATE, ef->fd, (long)sp.map_off);
		if (mmap_failed(m))
			m = (void *)(long)diag_fail(&im->b->diag, map_err(m), "mmap of %#lx bytes "
						    "(its whole size) from the first PT_LOAD of %s"
						    AFTER_PONR, len, ef->path);
	}
	if (mmap_failed(m)) {
		*premapped = 0;
		return (int)(long)m;
	}
	im->res_lo = (unsigned long)m;
	im->res_hi = im->res_lo + len;
	ef->bias = bias_after_first(ph->p_vaddr, (unsigned long)m);
	return 0;
}

int elf_map_image(struct binprm *b, struct elf_file *ef, unsigned long load_bias,
		  enum elf_map_flags flags)
{
	int interp = (flags & ELF_MAP_INTERP) != 0, fixed = (flags & ELF_MAP_FIXED) != 0;
	int first = first_load(ef->ph, ef->phnum), premapped = 0, ret;
	struct image_map im = { .b = b, .ef = ef, .prog = interp ? b->file : NULL };

	ef->bias = load_bias;
	ef->lo = ef->hi = 0;
	if (first < 0) {	/* no PT_LOAD: nothing to map (the kernel maps nothing either) */
		narrate(b, interp ? "load_elf_interp" : "load_elf_binary",
			"%s has no PT_LOAD segment", ef->path);
		return 0;
	}
	/*
	 * The checks the kernel makes after its point of no return, before mapping anything
	 * where the bias is known already (the program's own p_vaddr is checked unbiased).
	 */
	ret = elf_check_padzero(ef->ph, ef->phnum, ef->size, interp, &b->diag);
	if (ret == 0 && (fixed || !interp))
		ret = elf_check_segments(ef->ph, ef->phnum, fixed ? load_bias : 0, interp,
					 &b->diag);
	if (ret == 0)
		ret = map_first(&im, first, load_bias, flags, &premapped);
	if (ret == 0 && !fixed)	/* now that the bias is known */
		ret = elf_check_segments(ef->ph, ef->phnum, ef->bias, interp, &b->diag);
	if (ret < 0)
		return ret;
	narrate(b, "elf_map", "%s: first PT_LOAD (phdr %d) asked at 0x%lx (%s), bias 0x%lx%s",
		ef->path, first, ELF_PAGESTART(load_bias + ef->ph[first].p_vaddr),
		fixed ? "fixed" : "a hint to mmap", ef->bias,
		im.res_hi ? ", the image's whole size mapped from it" : "");
	for (size_t i = 0; i < ef->phnum; i++) {
		if (ef->ph[i].p_type != PT_LOAD)
			continue;
		ret = elf_load(&im, i, (int)i == first && premapped);
		if (ret < 0)
			return ret;
	}
	unmap_uncovered(ef, im.res_lo, im.res_hi);
	image_bounds(ef);
	return 0;
}
