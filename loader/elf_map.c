/*
 * loader/elf_map.c: mirrors fs/binfmt_elf.c:elf_map(), elf_load() and padzero() (6.7+:
 * bss handled per segment). Differs in how the span is claimed: the kernel maps the first
 * segment over the whole span and unmaps the excess; the loader reserves the span first
 * with one PROT_NONE mapping (MAP_FIXED_NOREPLACE when the address is fixed, so a
 * collision is an error, not an overwrite), then maps each PT_LOAD inside it with
 * MAP_FIXED, then unmaps what no segment covers (alignment slack, holes), so the result
 * is the kernel's layout. Every file mapping gets its final protection at once and the
 * partial bss page is zeroed only when writable, so no page is ever writable and
 * executable unless the kernel's own bss rule (RW, plus X if PF_X) makes it so.
 */
#include <linux/errno.h>
#include <linux/mman.h>
#include <string.h>
#include "loader/binprm.h"
#include "loader/elf_check.h"
#include "loader/sys.h"

#define ANON (MAP_PRIVATE | MAP_ANONYMOUS)

static void remember(struct binprm *b, const struct elf_file *ef, const Elf64_Phdr *ph,
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

/* vm.mmap_min_addr, read once and only when a fixed address is low (3 system calls). */
static unsigned long mmap_min_addr(struct binprm *b)
{
	char buf[32];
	long fd, n;
	unsigned long v = 65536;

	if (b->mmap_min_addr != ~0UL)
		return b->mmap_min_addr;
	fd = sys_openat(AT_FDCWD, "/proc/sys/vm/mmap_min_addr", O_RDONLY | O_CLOEXEC);
	if (fd >= 0) {
		n = sys_read((int)fd, buf, sizeof buf - 1);
		sys_close((int)fd);
		if (n > 0) {
			v = 0;
			for (long i = 0; i < n && buf[i] >= '0' && buf[i] <= '9'; i++)
				v = v * 10 + (unsigned long)(buf[i] - '0');
		}
	}
	return b->mmap_min_addr = v;
}

/*
 * Map one PT_LOAD (elf_load): file pages, padzero, anonymous bss pages. premapped: the
 * file part is already there (the reservation was this segment's own mapping).
 */
static int elf_load(struct binprm *b, struct elf_file *ef, size_t i, int premapped)
{
	const Elf64_Phdr *ph = &ef->ph[i];
	struct seg_plan sp;
	char rwx[4];
	void *m;

	plan_segment(ph, ef->bias, &sp);
	if (sp.map_len) {
		/* MAP_FIXED is safe here: the range lies inside our own reservation */
		m = premapped ? (void *)sp.map_addr
			      : sys_mmap((void *)sp.map_addr, sp.map_len, sp.prot,
					 MAP_PRIVATE | MAP_FIXED, ef->fd, (long)sp.map_off);
		if (m == (void *)-EACCES && (sp.prot & PROT_WRITE) && (sp.prot & PROT_EXEC))
			return diag_fail(&b->diag, -EACCES, "PT_LOAD %zu of %s is writable and "
					 "executable, which memory-deny-write-execute refuses"
					 AFTER_PONR, i, ef->path);
		if (mmap_failed(m))
			return diag_fail(&b->diag, map_err(m), "mmap of PT_LOAD %zu of %s at 0x%lx",
				    i, ef->path, sp.map_addr);
		remember(b, ef, ph, sp.map_addr, sp.map_len, sp.prot, sp.map_off, 0);
		say(b, "PT_LOAD %zu: 0x%lx-0x%lx %s file offset 0x%lx", i, sp.map_addr,
		    sp.map_addr + sp.map_len, prot_string(sp.prot, rwx), sp.map_off);
	}
	/* padzero(): the kernel ignores its failure on a read-only page; we skip it there */
	if (sp.pad_len && (sp.prot & PROT_WRITE))
		memset((void *)sp.pad_start, 0, sp.pad_len);
	if (sp.anon_len) {
		int prot = sp.anon_prot;

		m = sys_mmap((void *)sp.anon_start, sp.anon_len, prot, ANON | MAP_FIXED, -1, 0);
		/*
		 * The kernel's vm_brk_flags() is not subject to memory-deny-write-execute
		 * (PR_SET_MDWE) or SELinux execmem; a user-space RWX mmap is (EACCES). Map
		 * the bss RW then: the program runs as natively, its bss just lacks X.
		 */
		if (m == (void *)-EACCES && (prot & PROT_WRITE) && (prot & PROT_EXEC)) {
			prot &= ~PROT_EXEC;
			m = sys_mmap((void *)sp.anon_start, sp.anon_len, prot, ANON | MAP_FIXED,
				     -1, 0);
			say(b, "PT_LOAD %zu: an RWX bss is refused to user space (memory-deny-"
			    "write-execute?): mapped rw- where the kernel's would be rwx", i);
		}
		if (mmap_failed(m))
			return diag_fail(&b->diag, (int)(long)m, "mmap of the bss of PT_LOAD %zu "
					 "at 0x%lx", i, sp.anon_start);
		remember(b, ef, ph, sp.anon_start, sp.anon_len, prot, 0, 1);
		say(b, "PT_LOAD %zu: 0x%lx-0x%lx %s bss (anonymous%s)", i, sp.anon_start,
		    sp.anon_start + sp.anon_len, prot_string(prot, rwx),
		    prot & PROT_EXEC ? "; RWX: the kernel's bss rule for a PF_X segment" : "");
	}
	return 0;
}

/* Is addr inside what segment i maps? If so, return the end of that piece. */
static unsigned long covered_until(const struct elf_file *ef, unsigned long addr)
{
	unsigned long end = 0;

	for (size_t i = 0; i < ef->phnum; i++) {
		struct seg_plan sp;

		if (ef->ph[i].p_type != PT_LOAD)
			continue;
		plan_segment(&ef->ph[i], ef->bias, &sp);
		if (sp.map_len && addr >= sp.map_addr && addr < sp.map_addr + sp.map_len &&
		    sp.map_addr + sp.map_len > end)
			end = sp.map_addr + sp.map_len;
		if (sp.anon_len && addr >= sp.anon_start && addr < sp.anon_start + sp.anon_len &&
		    sp.anon_start + sp.anon_len > end)
			end = sp.anon_start + sp.anon_len;
	}
	return end;
}

/* The lowest start of a segment piece above addr (or limit). */
static unsigned long next_piece(const struct elf_file *ef, unsigned long addr, unsigned long limit)
{
	unsigned long next = limit;

	for (size_t i = 0; i < ef->phnum; i++) {
		struct seg_plan sp;

		if (ef->ph[i].p_type != PT_LOAD)
			continue;
		plan_segment(&ef->ph[i], ef->bias, &sp);
		if (sp.map_len && sp.map_addr > addr && sp.map_addr < next)
			next = sp.map_addr;
		if (sp.anon_len && sp.anon_start > addr && sp.anon_start < next)
			next = sp.anon_start;
	}
	return next;
}

/* Give back the parts of the reservation no segment uses: the kernel leaves holes unmapped. */
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

/* Claim [start, end) with a PROT_NONE placeholder, only if nothing is mapped there. */
static int claim_free(unsigned long start, unsigned long end)
{
	void *m;

	if (start >= end)
		return 0;
	m = sys_mmap((void *)start, end - start, PROT_NONE, ANON | MAP_NORESERVE |
		     MAP_FIXED_NOREPLACE, -1, 0);
	return mmap_failed(m) ? (int)(long)m : 0;
}

/*
 * An ET_EXEC interpreter is mapped by the kernel with MAP_FIXED at its own addresses,
 * over whatever is there (fs/binfmt_elf.c:load_elf_interp() -> elf_map()). Over the
 * program's own image the loader does the same (a program naming itself as PT_INTERP
 * runs); anything else there (the loader, its stack, the vDSO) it refuses. Returns 0 if
 * [start, end) meets nothing but the program's span (the rest is claimed), -EEXIST
 * otherwise.
 */
static int over_program(struct binprm *b, unsigned long start, unsigned long end)
{
	unsigned long plo = b->file->lo, phi = b->file->hi;

	if (end <= plo || start >= phi)
		return -EEXIST;		/* the collision is with something else */
	if (claim_free(start, start < plo ? plo : start) < 0 ||
	    claim_free(end > phi ? phi : end, end) < 0)
		return -EEXIST;
	narrate(b, "load_elf_interp", "the ET_EXEC interpreter overlaps the program's image "
		"[0x%lx, 0x%lx): mapped over it, as the kernel's MAP_FIXED does", plo, phi);
	return 0;
}

/*
 * Claim the image's whole span [lo, lo + span) in one mmap: at want_bias + lo exactly
 * (fixed), or where mmap chooses, aligned to align. When the first PT_LOAD starts the span
 * and no alignment slack is needed, the reservation is that segment's own file mapping
 * stretched over the whole span (as the kernel's elf_map() does with total_size): one
 * system call less per image. Its protection is a real segment's, so no page is ever
 * more than the file asks for. Sets ef->bias, *res and *len (what to trim later), and
 * *premapped (the PT_LOAD already mapped, or -1).
 */
static int reserve_span(struct binprm *b, struct elf_file *ef, unsigned long lo, unsigned long span,
			unsigned long align, unsigned long want_bias, enum elf_map_flags flags,
			unsigned long *res, unsigned long *len, int *premapped)
{
	int fixed = (flags & ELF_MAP_FIXED) != 0;
	unsigned long slack = !fixed && align > ELF_MIN_ALIGN ? align - ELF_MIN_ALIGN : 0;
	int first = first_load(ef->ph, ef->phnum), prot = PROT_NONE, mflags, fd = -1;
	struct seg_plan fp;
	long off = 0;
	void *m;

	plan_segment(&ef->ph[first], 0, &fp);
	mflags = MAP_PRIVATE | (fixed ? MAP_FIXED_NOREPLACE : 0);
	/* (not when that segment is W+X: its protection must not spread to the others') */
	if (fp.map_len && fp.map_addr == lo && !slack &&
	    (fp.prot & (PROT_WRITE | PROT_EXEC)) != (PROT_WRITE | PROT_EXEC)) {
		prot = fp.prot;
		fd = ef->fd;
		off = (long)fp.map_off;
	} else {
		/* a PROT_NONE placeholder: no memory is committed for it */
		mflags |= MAP_ANONYMOUS | MAP_NORESERVE;
		first = -1;
	}
	*premapped = first;
	*len = span + slack;
	if (!fixed) {
		m = sys_mmap(NULL, span + slack, prot, mflags, fd, off);
		if (mmap_failed(m))
			return diag_fail(&b->diag, map_err(m), "cannot reserve %lu bytes for %s",
					 span + slack, ef->path);
		*res = (unsigned long)m;
		ef->bias = ((*res + align - 1) & ~(align - 1)) - lo;	/* align >= 1 page */
		return 0;
	}
	*res = want_bias + lo;
	/*
	 * Below vm.mmap_min_addr only CAP_SYS_RAWIO may map (root runs such a file, as under
	 * the kernel). The sysctl is read (3 system calls) only for addresses below 16 MiB;
	 * a higher setting is still caught by mmap's own EPERM.
	 */
	if (*res < (16UL << 20) && b->euid != 0 && *res < mmap_min_addr(b))
		return diag_fail(&b->diag, -EPERM, "%s wants address 0x%lx, below vm.mmap_min_addr "
				 "(%lu)" AFTER_PONR, ef->path, *res, mmap_min_addr(b));
	/* NOREPLACE: EEXIST instead of silently overwriting the loader, its stack or the vDSO */
	m = sys_mmap((void *)*res, span, prot, mflags, fd, off);
	if (m == (void *)-EEXIST && (flags & ELF_MAP_INTERP) &&
	    over_program(b, *res, *res + span) == 0)
		m = sys_mmap((void *)*res, span, prot, (mflags & ~MAP_FIXED_NOREPLACE) | MAP_FIXED,
			     fd, off);
	if (m == (void *)-EEXIST)
		return diag_fail(&b->diag, -EEXIST, "%s needs [0x%lx, 0x%lx), which is already "
				 "mapped (by the loader, its stack or the vDSO)" AFTER_PONR,
				 ef->path, *res, *res + span);
	if (mmap_failed(m))
		return diag_fail(&b->diag, map_err(m), "cannot map [0x%lx, 0x%lx) for %s%s",
				 *res, *res + span, ef->path, m == (void *)-EPERM ?
				 " (below vm.mmap_min_addr?)" : "");
	ef->bias = want_bias;
	return 0;
}

int elf_map_image(struct binprm *b, struct elf_file *ef, unsigned long want_bias,
		  enum elf_map_flags flags)
{
	int interp = (flags & ELF_MAP_INTERP) != 0, fixed = (flags & ELF_MAP_FIXED) != 0;
	unsigned long lo = lowest_load_vaddr(ef->ph, ef->phnum);
	unsigned long total = total_mapping_size(ef->ph, ef->phnum);
	unsigned long align = maximum_alignment(ef->ph, ef->phnum);
	unsigned long span, res = 0, len = 0;
	int premapped = -1, ret;

	ef->bias = want_bias;
	if (!total) {		/* no PT_LOAD: nothing to map (the kernel maps nothing either) */
		narrate(b, interp ? "load_elf_interp" : "load_elf_binary",
			"%s has no PT_LOAD segment", ef->path);
		return 0;
	}
	/* the checks the kernel makes after its point of no return, before mapping anything */
	ret = elf_check_segments(ef->ph, ef->phnum, fixed ? want_bias : 0, interp, &b->diag);
	if (ret == 0)
		ret = elf_check_padzero(ef->ph, ef->phnum, ef->size, interp, &b->diag);
	if (ret < 0)
		return ret;
	span = ELF_PAGEALIGN(lo + total) - lo;
	ret = reserve_span(b, ef, lo, span, align ? align : ELF_MIN_ALIGN, want_bias, flags,
			   &res, &len, &premapped);
	if (ret == 0 && !fixed)	/* now that the bias is known */
		ret = elf_check_segments(ef->ph, ef->phnum, ef->bias, interp, &b->diag);
	if (ret < 0)
		return ret;
	ef->lo = ef->bias + lo;
	ef->hi = ef->lo + span;
	narrate(b, "elf_map", "reserved 0x%lx-0x%lx for %s (%s, bias 0x%lx, alignment 0x%lx)",
		ef->lo, ef->hi, ef->path, fixed ? "fixed address" : "address chosen by mmap",
		ef->bias, align);
	for (size_t i = 0; i < ef->phnum; i++) {
		if (ef->ph[i].p_type != PT_LOAD)
			continue;
		ret = elf_load(b, ef, i, (int)i == premapped);
		if (ret < 0)
			return ret;
	}
	unmap_uncovered(ef, res, res + len);
	return 0;
}
