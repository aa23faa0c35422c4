/*
 * loader/place_brk.c: where brk starts. The kernel does this inline in
 * fs/binfmt_elf.c:load_elf_binary() (mm->start_brk = mm->brk = ELF_PAGEALIGN(elf_brk),
 * moved by arch_randomize_brk() under ASLR); place_brk() is the loader's own name for it.
 * Differs: the kernel sets the mm's brk itself; the loader only computes it here, and
 * set_mm_map() hands it to the kernel with PR_SET_MM_MAP.
 */
#include "loader/binprm.h"

void place_brk(struct binprm *b)
{
	unsigned rnd32;

	__builtin_memcpy(&rnd32, b->random + 28, sizeof rnd32);
	b->brk = brk_start(b->mm.elf_brk, b->file->eh.e_type == ET_DYN && !b->have_interp,
			   b->randomize, rnd32);
}
