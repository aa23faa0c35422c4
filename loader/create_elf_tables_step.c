/*
 * loader/create_elf_tables_step.c: mirrors fs/binfmt_elf.c:create_elf_tables() as a step
 * of the exec: gather what the new stack holds (argv, envp, the auxv, AT_RANDOM's bytes)
 * and build the image with the pure create_elf_tables() (loader/create_elf_tables.c).
 * Differs: the kernel writes straight into the new stack; the loader builds the image in
 * a buffer its caller keeps lower on the same [stack], below every live frame, which
 * start_thread() moves to the very top as its last act. The auxv is the loader's own
 * minus AT_EXECFD, so the vDSO is the real one (AT_SYSINFO_EHDR). AT_RANDOM's 16 bytes
 * come from the getrandom() load_elf_binary() made (the kernel's get_random_bytes()).
 */
#include <linux/errno.h>
#include "loader/binprm.h"

/*
 * The loader's own auxv minus what only binfmt_misc adds (AT_EXECFD), and minus the key
 * --omit-auxv names (a teaching option: the kernel never leaves one out). An omitted
 * AT_PLATFORM takes its string off the stack too, as a kernel without one would.
 */
static void auxv_template(const struct binprm *b, unsigned long *t, const char **platform)
{
	size_t n = 0;

	*platform = NULL;
	for (const unsigned long *a = b->self->auxv; a[0] != AT_NULL && n < MAX_AUXV - 1; a += 2) {
		if (a[0] == AT_EXECFD || a[0] == AT_IGNORE ||
		    (b->omit_auxv != AT_NULL && a[0] == b->omit_auxv))
			continue;
		if (a[0] == AT_PLATFORM)
			*platform = (const char *)a[1];
		t[2 * n] = a[0];
		t[2 * n + 1] = a[1];
		n++;
	}
	t[2 * n] = AT_NULL;
	t[2 * n + 1] = 0;
}

int elf_tables_plan(struct binprm *b, struct elf_tables_plan *p)
{
	struct elf_tables_in *in = &p->in;
	unsigned rnd32;

	*in = (struct elf_tables_in){ 0 };
	auxv_template(b, p->auxv, &in->platform);
	in->argc = b->argc;
	in->argv = b->argv;
	in->envc = (size_t)b->self->envc;
	in->envp = (const char *const *)b->self->envp;
	in->execfn = b->filename;
	in->random = b->random;
	__builtin_memcpy(&rnd32, b->random + 24, sizeof rnd32);
	in->align_rnd = b->randomize ? rnd32 % 8192 : 0;	/* arch_align_stack() */
	in->auxv_template = p->auxv;
	in->at_phdr = b->phdr_addr;
	in->at_phnum = b->file->phnum;
	in->at_base = b->have_interp ? b->elf_interp.bias : 0;
	in->at_entry = b->entry;
	p->size = (elf_tables_size(in) + 15) & ~15UL;
	if (p->size > (8UL << 20))
		return diag_fail(&b->diag, -E2BIG, "the new stack would need %zu bytes", p->size);
	return 0;
}

int create_elf_tables_step(struct binprm *b, const struct elf_tables_plan *p,
			   unsigned char *image, struct elf_tables_out *t)
{
	int ret = create_elf_tables(image, p->size, b->stack_end, &p->in, t);

	if (ret < 0)
		return diag_fail(&b->diag, ret, "create_elf_tables");
	narrate(b, "create_elf_tables", "argc %zu, envc %zu, %zu auxv entries, sp 0x%lx "
		"(%zu bytes below the stack top 0x%lx)", p->in.argc, p->in.envc,
		t->auxv_size / 16, t->sp, t->size, b->stack_end);
	return 0;
}
