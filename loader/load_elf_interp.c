/*
 * loader/load_elf_interp.c: mirrors fs/binfmt_elf.c:load_elf_interp(): map the ELF
 * interpreter (ld.so) where mmap chooses (ET_DYN), or at its own addresses (ET_EXEC),
 * and start there. Differs: the kernel maps an ET_EXEC interpreter with MAP_FIXED over
 * whatever is there; the loader does so only over the program's own image and refuses
 * anything else (a clear EEXIST instead of overwriting itself). The interpreter's largest
 * power-of-two p_align is honoured, as for a static-pie.
 */
#include "loader/binprm.h"
#include "loader/elf_check.h"

int load_elf_interp(struct binprm *b)
{
	struct elf_file *ef = &b->elf_interp;
	int ret;

	ret = elf_map_image(b, ef, 0, ELF_MAP_INTERP |
			    (ef->eh.e_type == ET_EXEC || first_load_is_bss_only(ef->ph, ef->phnum) ?
			     ELF_MAP_FIXED : 0));
	if (ret < 0)
		return ret;
	b->elf_entry = ef->bias + ef->eh.e_entry;
	say(b, "%s at 0x%lx (bias 0x%lx), entry 0x%lx", ef->path, ef->lo, ef->bias,
	    b->elf_entry);
	return 0;
}
