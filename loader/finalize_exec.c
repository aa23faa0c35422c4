/*
 * loader/finalize_exec.c: mirrors the end of fs/binfmt_elf.c:load_elf_binary() (from
 * setup_arg_pages() to START_THREAD): the initial stack, brk, identity, the jump.
 * Differs in where the stack is: the kernel builds a fresh [stack] VMA; the loader reuses
 * the [stack] the kernel made for the loader itself (so it is labelled [stack], grows to
 * RLIMIT_STACK and was already placed at a random top). The image is built by the pure
 * create_elf_tables() into a buffer lower on that stack, below every live frame, and
 * start_thread() moves it to the very top, over the loader's own argv and frames, as its
 * last act. The vDSO is the real one (AT_SYSINFO_EHDR of the loader's auxv).
 */
#include <linux/errno.h>
#include <linux/mman.h>
#include "loader/binprm.h"
#include "loader/sys.h"

#define MAX_AUXV 64	/* pairs; the kernel's saved_auxv holds fewer */

/* The loader's own auxv minus what only binfmt_misc adds (AT_EXECFD). */
static size_t auxv_template(const struct binprm *b, unsigned long *t, const char **platform)
{
	size_t n = 0;

	*platform = NULL;
	for (const unsigned long *a = b->self->auxv; a[0] != AT_NULL && n < MAX_AUXV - 1; a += 2) {
		if (a[0] == AT_EXECFD || a[0] == AT_IGNORE)
			continue;
		if (a[0] == AT_PLATFORM)
			*platform = (const char *)a[1];
		t[2 * n] = a[0];
		t[2 * n + 1] = a[1];
		n++;
	}
	t[2 * n] = AT_NULL;
	t[2 * n + 1] = 0;
	return n + 1;
}

static void executable_stack(struct binprm *b)
{
	/* PROT_GROWSDOWN: the change reaches down to the start of the [stack] VMA */
	long r = sys_mprotect((void *)(b->stack_end - ELF_MIN_ALIGN), ELF_MIN_ALIGN,
			      PROT_READ | PROT_WRITE | PROT_EXEC | PROT_GROWSDOWN);

	say(b, "PT_GNU_STACK asks for an executable stack: [stack] made rwx%s",
	    r < 0 ? " (refused)" : "");
}

int finalize_exec(struct binprm *b)
{
	unsigned long tmpl[2 * MAX_AUXV];
	struct elf_tables_in in = { 0 };
	struct elf_tables_out t;
	unsigned rnd32;
	size_t size;
	int ret;

	auxv_template(b, tmpl, &in.platform);
	in.argc = b->argc;
	in.argv = b->argv;
	in.envc = (size_t)b->self->envc;
	in.envp = (const char *const *)b->self->envp;
	in.execfn = b->filename;
	in.random = b->random;
	__builtin_memcpy(&rnd32, b->random + 24, sizeof rnd32);
	in.align_rnd = b->randomize ? rnd32 % 8192 : 0;	/* arch_align_stack() */
	in.auxv_template = tmpl;
	in.at_phdr = b->phdr_addr;
	in.at_phnum = b->file->phnum;
	in.at_base = b->have_interp ? b->elf_interp.bias : 0;
	in.at_entry = b->entry;
	size = (elf_tables_size(&in) + 15) & ~15UL;
	if (size > (8UL << 20))
		return diag_fail(&b->diag, -E2BIG, "the new stack would need %zu bytes", size);
	{
		/* the buffer: below every live frame (see start_thread.S) */
		unsigned char image[size] __attribute__((aligned(16)));

		ret = create_elf_tables(image, size, b->stack_end, &in, &t);
		if (ret < 0)
			return diag_fail(&b->diag, ret, "create_elf_tables");
		narrate(b, "create_elf_tables", "argc %zu, envc %zu, %zu auxv entries, sp 0x%lx "
		    "(%zu bytes below the stack top 0x%lx)", in.argc, in.envc, t.auxv_size / 16,
		    t.sp, t.size, b->stack_end);
		__builtin_memcpy(&rnd32, b->random + 28, sizeof rnd32);
		b->brk = brk_start(b->mm.elf_brk, b->file->eh.e_type == ET_DYN && !b->have_interp,
				   b->randomize, rnd32);
		if (b->executable_stack)
			executable_stack(b);
		mm_identity(b, &t, image + size - t.size + (t.auxv - t.sp));
		if (b->map)
			memory_map(b, &t);
		bprm_creds_from_file(b);
		narrate(b, "start_thread", "rip 0x%lx, rsp 0x%lx, all other registers 0: "
			"the loader's point of no return", b->elf_entry, t.sp);
		start_thread(b->elf_entry, t.sp, image + size - t.size, t.size);
	}
}
