/*
 * loader/move_self.c: the loader's own step (no kernel function has this name; its -v
 * lines say "the loader's own step: move_self"). At begin_new_exec() the kernel tears the old image down, so the
 * parts of the new image that sit at their link addresses (an ET_EXEC program or
 * interpreter, or one whose first PT_LOAD is bss only: first_load_is_bss_only()) find
 * that part of the address space empty. Under the loader, its own image, its [stack] and
 * the vDSO the kernel gave it are still there. Called right after begin_new_exec(),
 * before anything of the new image is mapped, this compares those link-address spans
 * with what is mapped:
 *  - a span that meets the loader's own image: the loader is a static-pie, so it maps a
 *    fresh copy of its own file (/proc/self/exe) elsewhere and jumps to the copy's
 *    _start with the kernel's original stack pointer; the copy unmaps the old image
 *    (start.c) and runs the whole exec again from the command line, now with the way
 *    clear. Fresh .data and .bss: nothing of this run carries over but the open files,
 *    which are closed before the jump;
 *  - a span that meets anything else (the [stack], [vvar], [vdso]): refused with EEXIST,
 *    naming what is there.
 * A PIE's bias (ELF_ET_DYN_BASE plus at most 2^28 pages) never reaches the mmap area
 * where the loader and the vDSO are (top-down or legacy layout), so only link-address
 * spans are compared. No system call is made unless such a span reaches the part of the
 * address space where the loader, the vDSO and the [stack] are.
 */
#include <linux/errno.h>
#include <linux/mman.h>
#include <string.h>
#include "loader/binprm.h"
#include "loader/elf_check.h"
#include "loader/errstr.h"
#include "loader/proc_maps.h"
#include "loader/sys.h"

/* Defined by the linker at the loader's own ELF header; hidden: reached PC-relative. */
extern const Elf64_Ehdr __ehdr_start __attribute__((visibility("hidden")));

/* arch/x86_64/start.S: start the copy at entry with %rsp = sp, telling it [old_lo, old_hi). */
__attribute__((noreturn)) void move_self_restart(unsigned long entry, unsigned long *sp,
						 unsigned long old_lo, unsigned long old_hi);

/*
 * The vDSO's [vvar] pages lie just below it; how many depends on the kernel. What lies
 * this far below the loader's image and the vDSO is looked up in /proc/self/maps.
 */
#define NEIGHBOURHOOD	(1UL << 20)
#define MAX_BLOCKERS	8	/* reservations refused for meeting the new image */

struct span {
	unsigned long lo, hi;
	const char *path;
};

static int meets(unsigned long lo, unsigned long hi, const struct span *s)
{
	return lo < s->hi && s->lo < hi;
}

#define MAX_SPANS	32

/* The span a file gets at its link addresses, as elf_map_image() reserves it. */
static size_t fixed_span(const struct elf_file *ef, int fixed, struct span *s)
{
	unsigned long lo = lowest_load_vaddr(ef->ph, ef->phnum);
	unsigned long total = total_mapping_size(ef->ph, ef->phnum);

	if (!fixed || !total)
		return 0;
	s->lo = lo;
	s->hi = ELF_PAGEALIGN(lo + total);
	s->path = ef->path;
	return s->hi > s->lo && s->hi <= TASK_SIZE;	/* else elf_map_image() refuses it */
}

/*
 * An ET_EXEC program's PT_LOADs are mapped one by one at their own pages (the kernel
 * passes no total size for them), so the holes between them are not claimed: one span a
 * segment, up to room - 1, then the rest as one.
 */
static size_t segment_spans(const struct elf_file *ef, struct span *s, size_t room)
{
	size_t n = 0;

	for (size_t i = 0; i < ef->phnum; i++) {
		const Elf64_Phdr *p = &ef->ph[i];
		unsigned long lo = ELF_PAGESTART(p->p_vaddr), hi = ELF_PAGEALIGN(p->p_vaddr + p->p_memsz);

		if (p->p_type != PT_LOAD || !p->p_memsz || hi <= lo || hi > TASK_SIZE)
			continue;
		if (n == room - 1 && n > 0) {	/* out of room: widen the last */
			s[n - 1].lo = lo < s[n - 1].lo ? lo : s[n - 1].lo;
			s[n - 1].hi = hi > s[n - 1].hi ? hi : s[n - 1].hi;
			continue;
		}
		s[n++] = (struct span){ lo, hi, ef->path };
	}
	return n;
}

/* map_program()'s and load_elf_interp()'s rules for mapping at the link addresses. */
static size_t fixed_spans(const struct binprm *b, struct span s[MAX_SPANS])
{
	const struct elf_file *ef = b->file, *ei = &b->elf_interp;
	size_t n;

	if (ef->eh.e_type == ET_EXEC)
		n = segment_spans(ef, s, MAX_SPANS - 1);
	else
		n = fixed_span(ef, !b->have_interp && first_load_is_bss_only(ef->ph, ef->phnum) &&
			       maximum_alignment(ef->ph, ef->phnum) <= ELF_MIN_ALIGN, &s[0]);
	if (b->have_interp)
		n += fixed_span(ei, ei->eh.e_type == ET_EXEC ||
				first_load_is_bss_only(ei->ph, ei->phnum), &s[n]);
	return n;
}

static const Elf64_Phdr *own_phdrs(void)
{
	return (const Elf64_Phdr *)((const char *)&__ehdr_start + __ehdr_start.e_phoff);
}

/* The loader's own image: linked at 0, so &__ehdr_start is its load bias. */
static void own_span(unsigned long *lo, unsigned long *hi)
{
	const Elf64_Phdr *ph = own_phdrs();
	size_t n = __ehdr_start.e_phnum;
	unsigned long base = (unsigned long)&__ehdr_start, low = lowest_load_vaddr(ph, n);

	*lo = base + low;
	*hi = base + ELF_PAGEALIGN(low + total_mapping_size(ph, n));
}

static unsigned long auxv_value(const struct binprm *b, unsigned long key)
{
	for (const unsigned long *a = b->self->auxv; a[0] != AT_NULL; a += 2)
		if (a[0] == key)
			return a[1];
	return 0;
}

/*
 * Anything but the loader's own image [self_lo, self_hi) in a span: EEXIST naming it.
 * If /proc/self/maps cannot be read, 0: elf_map_image()'s MAP_FIXED_NOREPLACE still
 * refuses a collision.
 */
static int what_is_in_the_way(struct binprm *b, const struct span *s, size_t n,
			      unsigned long self_lo, unsigned long self_hi)
{
	char text[8192];
	size_t len = 0;
	struct maps_entry e;
	long fd = sys_openat(AT_FDCWD, "/proc/self/maps", O_RDONLY | O_CLOEXEC), r;

	if (fd < 0)
		return 0;
	while (len < sizeof text && (r = sys_read((int)fd, text + len, sizeof text - len)) > 0)
		len += (size_t)r;
	sys_close((int)fd);
	for (size_t i = 0; i < n; i++) {
		if (!maps_find_overlap(text, len, s[i].lo, s[i].hi, self_lo, self_hi, &e))
			continue;
		return diag_fail(&b->diag, -EEXIST, "%s needs 0x%lx-0x%lx, already mapped: %s "
				 "0x%lx-0x%lx%s", s[i].path, s[i].lo, s[i].hi,
				 e.name[0] ? e.name : "an anonymous mapping", e.start, e.end,
				 e.name[0] == '[' && e.name[1] == 'v' ? ", the loader's vDSO (the "
				 "kernel maps the new one after the program)" : "");
	}
	return 0;
}

/*
 * Reserve len bytes where mmap chooses, away from every span: a reservation that meets
 * one is kept (so mmap chooses elsewhere next time) and given back at the end.
 */
static unsigned long reserve_away(const struct span *s, size_t n, unsigned long len)
{
	unsigned long blockers[MAX_BLOCKERS], got;
	size_t nb = 0, i;
	void *m;

	for (;;) {
		m = sys_mmap(NULL, len, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE,
			     -1, 0);
		if (mmap_failed(m))
			break;
		got = (unsigned long)m;
		for (i = 0; i < n && !meets(got, got + len, &s[i]); i++)
			;
		if (i == n || nb == MAX_BLOCKERS)
			break;
		blockers[nb++] = got;
	}
	while (nb)
		sys_munmap((void *)blockers[--nb], len);
	if (mmap_failed(m))
		return (unsigned long)m;
	if (i < n) {
		sys_munmap(m, len);
		return (unsigned long)-ENOMEM;
	}
	return (unsigned long)m;
}

/*
 * Map each PT_LOAD of the loader's file fd at bias, inside a reservation of ours (so
 * MAP_FIXED replaces only that placeholder), then check the copy: its read-only segments
 * must be byte for byte the running image's, or fd is another file.
 */
static int map_copy(int fd, unsigned long bias)
{
	const Elf64_Phdr *ph = own_phdrs();
	size_t n = __ehdr_start.e_phnum;
	unsigned long self_bias = (unsigned long)&__ehdr_start;
	struct seg_plan sp;
	void *m;

	for (size_t i = 0; i < n; i++) {
		if (ph[i].p_type != PT_LOAD)
			continue;
		plan_segment(&ph[i], bias, &sp);
		if (sp.map_len) {
			m = sys_mmap((void *)sp.map_addr, sp.map_len, sp.prot,
				     MAP_PRIVATE | MAP_FIXED, fd, (long)sp.map_off);
			if (mmap_failed(m))
				return (int)(long)m;
		}
		if (sp.pad_len && (sp.prot & PROT_WRITE))	/* padzero() */
			memset((void *)sp.pad_start, 0, sp.pad_len);
		if (sp.anon_len) {
			m = sys_mmap((void *)sp.anon_start, sp.anon_len, sp.anon_prot,
				     MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
			if (mmap_failed(m))
				return (int)(long)m;
		}
	}
	for (size_t i = 0; i < n; i++)
		if (ph[i].p_type == PT_LOAD && !(ph[i].p_flags & PF_W) &&
		    memcmp((const void *)(bias + ph[i].p_vaddr),
			   (const void *)(self_bias + ph[i].p_vaddr), ph[i].p_filesz) != 0)
			return -ESTALE;
	return 0;
}

/* The loader is in the way and cannot move: EEXIST, with why (and its errno, if any). */
static int cannot_move(struct binprm *b, const struct span *in_way, const char *why, int err)
{
	return diag_fail(&b->diag, -EEXIST, "%s needs 0x%lx-0x%lx, where the loader itself is, "
			 "and it cannot move: %s%s%s", in_way->path, in_way->lo, in_way->hi, why,
			 err ? ": " : "", err ? errno_string(-err) : "");
}

/* Map a fresh copy of the loader away from the spans and start it; returns only on failure. */
static int move(struct binprm *b, const struct span *s, size_t n, const struct span *in_way,
		unsigned long self_lo, unsigned long self_hi)
{
	const Elf64_Phdr *ph = own_phdrs();
	unsigned long align = maximum_alignment(ph, __ehdr_start.e_phnum);
	unsigned long low = lowest_load_vaddr(ph, __ehdr_start.e_phnum);
	unsigned long span = self_hi - self_lo, len, res, start, bias;
	long fd;
	int ret;

	if (align < ELF_MIN_ALIGN)
		align = ELF_MIN_ALIGN;
	len = span + align - ELF_MIN_ALIGN;	/* room to align the copy */
	fd = sys_openat(AT_FDCWD, "/proc/self/exe", O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return cannot_move(b, in_way, "opening /proc/self/exe", (int)fd);
	res = reserve_away(s, n, len);
	if (mmap_failed((void *)res)) {
		sys_close((int)fd);
		return cannot_move(b, in_way, "no room elsewhere", (int)(long)res);
	}
	start = (res + align - 1) & ~(align - 1);
	bias = start - low;
	ret = map_copy((int)fd, bias);
	sys_close((int)fd);
	if (ret < 0) {
		sys_munmap((void *)res, len);
		return ret == -ESTALE ? cannot_move(b, in_way, "/proc/self/exe is another file", 0)
			: cannot_move(b, in_way, "mapping a copy", ret);
	}
	/* the alignment slack around the copy: nothing of it is used */
	if (start > res)
		sys_munmap((void *)res, start - res);
	if (res + len > start + span)
		sys_munmap((void *)(start + span), res + len - (start + span));
	say_own(b, "move_self: %s needs [0x%lx, 0x%lx), where the loader's own image is "
		"[0x%lx, 0x%lx): mapped a fresh copy of the loader at [0x%lx, 0x%lx) and "
		"starting over there", in_way->path, in_way->lo, in_way->hi, self_lo, self_hi,
		start, start + span);
	/* the copy opens everything again; nothing of this run may stay open */
	close_file(&b->slot[0]);
	close_file(&b->slot[1]);
	close_file(&b->elf_interp);
	/* argv is where the kernel left it, just above argc: sp as _start received it */
	move_self_restart(bias + __ehdr_start.e_entry, (unsigned long *)b->self->argv - 1,
			  self_lo, self_hi);
}

int move_self(struct binprm *b)
{
	static int told;
	struct span s[MAX_SPANS];
	size_t n = fixed_spans(b, s), i;
	unsigned long self_lo, self_hi, floor, vdso = auxv_value(b, AT_SYSINFO_EHDR);
	int ret;

	own_span(&self_lo, &self_hi);
	if (b->self->moved_hi && !told++)
		say_own(b, "move_self: running from a fresh copy of the loader at [0x%lx, 0x%lx); its old image "
		    "[0x%lx, 0x%lx) is unmapped", self_lo, self_hi, b->self->moved_lo,
		    b->self->moved_hi);
	floor = vdso && vdso < self_lo ? vdso : self_lo;
	floor = floor > NEIGHBOURHOOD ? floor - NEIGHBOURHOOD : 0;
	for (i = 0; i < n && s[i].hi <= floor; i++)
		;
	if (i == n)
		return 0;	/* the common case: nothing at link addresses up there */
	ret = what_is_in_the_way(b, s, n, self_lo, self_hi);
	if (ret < 0)
		return ret;
	for (i = 0; i < n && !meets(self_lo, self_hi, &s[i]); i++)
		;
	if (i == n)
		return 0;
	if (b->self->moved_hi)	/* a copy is never placed in the way: do not loop */
		return cannot_move(b, &s[i], "it moved once already", 0);
	return move(b, s, n, &s[i], self_lo, self_hi);
}
