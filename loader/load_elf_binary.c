/*
 * loader/load_elf_binary.c: mirrors fs/binfmt_elf.c:load_elf_binary() (6.18), as a short
 * orchestrator in the kernel's order: header checks -> program headers -> PT_INTERP ->
 * begin_new_exec() (the kernel's point of no return) -> setup_arg_pages() -> map the
 * program -> load_elf_interp() -> create_elf_tables() -> brk -> finalize_exec() ->
 * start_thread().
 * Differs: nothing is torn down at begin_new_exec(), so every failure, including those
 * the kernel only finds after its point of no return, is still reported; the loader's
 * own image goes last, in start_thread() (exec_mmap.c says how), which is the loader's
 * point of no return.
 */
#include <linux/errno.h>
#include <linux/mman.h>
#include "loader/binprm.h"
#include "loader/elf_check.h"
#include "loader/errstr.h"
#include "loader/sys.h"

/* The first PT_INTERP: read its path, open it, read its header (kernel order). */
static int find_interpreter(struct binprm *b)
{
	struct elf_file *ef = b->file;
	int ret;

	for (size_t i = 0; i < ef->phnum; i++) {
		const Elf64_Phdr *p = &ef->ph[i];
		long n;

		if (p->p_type != PT_INTERP)
			continue;
		ret = elf_check_interp_phdr(p, ef->size, &b->diag);
		if (ret < 0)
			return ret;
		n = read_file_at(ef, b->interp_path, p->p_filesz, p->p_offset);
		if (n < 0 || (unsigned long)n != p->p_filesz)
			return diag_fail(&b->diag, -EIO, "short read of the PT_INTERP path");
		ret = elf_check_interp_path(b->interp_path, p->p_filesz, &b->diag);
		if (ret < 0)
			return ret;
		ret = open_exec(b, b->interp_path, &b->elf_interp);
		if (ret == -ENOENT)
			return diag_fail(&b->diag, ret, "PT_INTERP %s not found", b->interp_path);
		if (ret < 0) {
			char detail[sizeof b->diag.text];

			fmt(detail, sizeof detail, "%s", b->diag.text);
			return diag_fail(&b->diag, ret, "PT_INTERP %s%s%s", b->interp_path,
				    detail[0] ? ": " : "", detail);
		}
		b->have_interp = 1;
		return elf_check_interp_header(&b->elf_interp.eh, b->elf_interp.size, &b->diag);
	}
	return 0;
}

/* Second scan: PT_GNU_STACK decides whether the stack is executable. */
static void scan_gnu_stack(struct binprm *b)
{
	for (size_t i = 0; i < b->file->phnum; i++)
		if (b->file->ph[i].p_type == PT_GNU_STACK)
			b->executable_stack = (b->file->ph[i].p_flags & PF_X) != 0;
}

/*
 * The loader's own step: every random byte the new image needs, in one getrandom(): 16
 * for AT_RANDOM (the kernel's create_elf_tables() calls get_random_bytes()), the rest for
 * the layout the kernel randomises elsewhere (arch_mmap_rnd(), arch_align_stack(),
 * arch_randomize_brk()). Fetched before anything is mapped, so its failure is clean.
 */
static int fetch_random_bytes(struct binprm *b)
{
	long n = sys_getrandom(b->random, sizeof b->random, 0);

	if (n != (long)sizeof b->random)
		return diag_fail(&b->diag, n < 0 ? (int)n : -EIO, "getrandom");
	return 0;
}

/*
 * The kernel's point of no return. Here the loader only makes the interpreter checks the
 * kernel makes later (load_elf_interp's), so they still fail cleanly.
 */
static int begin_new_exec(struct binprm *b)
{
	say(b, "the kernel's point of no return (it would now drop the old image); "
	    "the loader keeps checking and drops its own image last, in start_thread()");
	if (b->have_interp)
		return elf_check_interp_late(&b->elf_interp.eh, b->elf_interp.ph,
					     b->elf_interp.phnum, &b->diag);
	return 0;
}

/*
 * Stricter than the kernel: refuse an entry point the first instruction could not run
 * from. Only the entry jumped to (the interpreter's, if any): what ld.so makes of a bad
 * program is ld.so's business, as natively (it may well refuse it with a message first).
 */
static int check_entry_mapped(struct binprm *b)
{
	const struct elf_file *ef = b->have_interp ? &b->elf_interp : b->file;

	return elf_check_entry_mapped(ef->ph, ef->phnum, ef->eh.e_entry, ef->path, &b->diag);
}

/*
 * arch_mmap_rnd()'s number of bits: vm.mmap_rnd_bits, read only here (a randomised PIE),
 * so other programs cost no system call for it. Mode 0600: an ordinary user gets the
 * default, and -v says so.
 */
static unsigned mmap_rnd_bits(struct binprm *b)
{
	unsigned long bits;
	int ret = read_sysctl("/proc/sys/vm/mmap_rnd_bits", &bits);
	const char *why = ret < 0 ? errno_string(-ret) : "more than 64 bits";

	if (ret == 0 && bits <= 64)
		return (unsigned)bits;
	narrate(b, "arch_mmap_rnd", "cannot read vm.mmap_rnd_bits (%s): assuming the default, %d",
		why ? why : "error", MMAP_RND_BITS);
	return MMAP_RND_BITS;
}

/*
 * The mapping loop of load_elf_binary(): where the first PT_LOAD in file order goes.
 * ET_EXEC: at its own address. A PIE: ELF_ET_DYN_BASE plus arch_mmap_rnd(), aligned down
 * to maximum_alignment(). A static-pie: where mmap chooses, or, if it asks for more than a
 * page of alignment, where mmap would choose aligned down. Every ET_DYN maps its whole
 * size (total_size) from its first PT_LOAD.
 */
static int map_program(struct binprm *b)
{
	struct elf_file *ef = b->file;
	int first = first_load(ef->ph, ef->phnum);
	unsigned long vaddr, align, random, rnd = 0, where;
	int ret;

	if (ef->eh.e_type == ET_EXEC || first < 0)
		return elf_map_image(b, ef, 0, ELF_MAP_FIXED);
	vaddr = ef->ph[first].p_vaddr;
	align = maximum_alignment(ef->ph, ef->phnum);
	if (b->have_interp) {
		if (b->randomize) {
			__builtin_memcpy(&random, b->random + 16, sizeof random);
			rnd = arch_mmap_rnd(random, mmap_rnd_bits(b));
		}
		return elf_map_image(b, ef, load_bias_at(et_dyn_base(rnd, align), vaddr),
				     ELF_MAP_FIXED | ELF_MAP_TOTAL);
	}
	if (align <= ELF_MIN_ALIGN)
		return elf_map_image(b, ef, load_bias_at(0, vaddr), ELF_MAP_TOTAL);
	ret = elf_map_where(b, ef, &where);
	if (ret < 0)
		return ret;
	return elf_map_image(b, ef, load_bias_at(where & ~(align - 1), vaddr),
			     ELF_MAP_FIXED | ELF_MAP_TOTAL);
}

/*
 * Where create_elf_tables() builds the new stack's image: a buffer below every live frame
 * of the loader, which start_thread() copies to the top of the [stack]. The loader's own
 * arguments and environment already fill that top, so a big image on the stack would
 * need about twice their bytes of RLIMIT_STACK, which the kernel does not: past
 * IMAGE_ON_STACK_MAX (with the stack in use) RLIMIT_STACK is asked, and an image that
 * would not fit under it is built in a mapping of its own, which start_thread() unmaps.
 */
#define IMAGE_ON_STACK_MAX	(96UL << 10)
#define FRAMES_MAX		(32UL << 10)	/* the loader's deepest frames from here on */

static int image_needs_mapping(struct binprm *b, size_t size)
{
	unsigned long used = b->stack_end - (unsigned long)__builtin_frame_address(0);
	unsigned long long rlim[2] = { ~0ULL, ~0ULL };

	if (used + size + FRAMES_MAX <= IMAGE_ON_STACK_MAX)
		return 0;
	sys_prlimit(3 /* RLIMIT_STACK */, rlim);
	return used + size + FRAMES_MAX > rlim[0];
}

/* From create_elf_tables() to start_thread(), with the image built at image. */
static __attribute__((noinline)) int finish_exec(struct binprm *b,
						 const struct elf_tables_plan *plan,
						 unsigned char *image, unsigned long mapped)
{
	struct start_thread_args *a = start_thread_args();
	const struct start_thread_args *run;
	struct elf_tables_out t;
	const unsigned char *sp_image;
	start_thread_fn *start;
	int ret = create_elf_tables_step(b, plan, image, &t);

	if (ret < 0)
		return ret;
	sp_image = image + plan->size - t.size;
	place_brk(b);
	/*
	 * finalize_exec(): the kernel stores the new stack rlimit in the mm. Nothing to
	 * mirror: the loader keeps its own stack, under the RLIMIT_STACK it already has.
	 */
	if (b->want_userns) {
		ret = userns_enter(b, a);
		if (ret < 0)
			return ret;
	}
	set_mm_map(b, &t, sp_image + (t.auxv - t.sp), a);
	bprm_creds_from_file(b);
	a->entry = b->elf_entry;
	a->sp = t.sp;
	a->image = (unsigned long)sp_image;
	a->len = t.size;
	a->buf_start = mapped ? (unsigned long)image : 0;
	a->buf_len = mapped;
	start = exec_mmap(b, &run);
	if (b->map)
		memory_map(b, &t);
	narrate(b, "start_thread", "rip 0x%lx, rsp 0x%lx, all other registers 0: the loader's "
		"point of no return", b->elf_entry, t.sp);
	loader_handover(b->file->path, b->file->bias, b->have_interp ? b->elf_interp.path : 0,
			b->have_interp ? b->elf_interp.bias : 0, b->elf_entry);
	start(run);
	__builtin_unreachable();	/* start_thread() never returns */
}

static int start_new_image(struct binprm *b)
{
	struct elf_tables_plan plan;
	int ret = elf_tables_plan(b, &plan);

	if (ret < 0)
		return ret;
	if (image_needs_mapping(b, plan.size)) {
		unsigned long len = ELF_PAGEALIGN(plan.size);
		void *m = sys_mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
				   -1, 0);

		if ((unsigned long)m >= -4095UL)
			return diag_fail(&b->diag, (int)(long)m, "no memory for the new stack's "
					 "image (%zu bytes)", plan.size);
		say_own(b, "the new stack's image (%zu bytes) is built in a mapping of its own: "
			"on the stack it would pass RLIMIT_STACK", plan.size);
		return finish_exec(b, &plan, m, len);
	}
	{
		/* a local of this frame: below every live frame, as start_thread() requires */
		unsigned char image[plan.size] __attribute__((aligned(16)));

		return finish_exec(b, &plan, image, 0);
	}
}

int load_elf_binary(struct binprm *b)
{
	struct elf_file *ef = b->file;
	int ret;

	if (!elf_has_magic(ef->head, ef->head_len))
		return -ENOEXEC;	/* not ours */
	ret = elf_check_header(&ef->eh, &b->diag);
	if (ret < 0)
		return ret;
	ret = load_elf_phdrs(b, ef, -ENOEXEC);
	if (ret < 0)
		return ret;
	ret = find_interpreter(b);
	if (ret < 0)
		return ret;
	say(b, "%s, %zu phdrs, entry 0x%lx%s%s", ef->eh.e_type == ET_EXEC ? "ET_EXEC" : "ET_DYN",
	    ef->phnum, (unsigned long)ef->eh.e_entry, b->have_interp ? ", interp " : "",
	    b->have_interp ? b->interp_path : "");
	scan_gnu_stack(b);
	if (b->have_interp) {
		ret = load_elf_phdrs(b, &b->elf_interp, -ELIBBAD);
		if (ret < 0)
			return ret;
	}
	ret = fetch_random_bytes(b);
	if (ret < 0)
		return ret;
	ret = begin_new_exec(b);
	if (ret == 0)
		ret = move_self(b);
	if (ret < 0)
		return ret;
	setup_arg_pages(b);
	ret = map_program(b);
	if (ret < 0)
		return ret;
	b->entry = ef->eh.e_entry + ef->bias;
	b->phdr_addr = phdr_vaddr(&ef->eh, ef->ph, ef->phnum) + ef->bias;
	mm_bounds(ef->ph, ef->phnum, ef->bias, &b->mm);
	b->elf_entry = b->entry;
	if (b->have_interp) {
		ret = load_elf_interp(b);
		if (ret < 0)
			return ret;
	}
	ret = elf_check_entry(b->elf_entry, &b->diag);
	if (ret < 0)
		return ret;
	ret = check_entry_mapped(b);
	if (ret < 0)
		return ret;
	if (b->map) {
		memory_map_read_sections(ef);
		if (b->have_interp)
			memory_map_read_sections(&b->elf_interp);
	}
	/* the files stay open: start_thread() closes them after set_mm_exe_file() */
	return start_new_image(b);
}
