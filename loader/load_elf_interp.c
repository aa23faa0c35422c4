/*
 * loader/load_elf_interp.c: mirrors fs/binfmt_elf.c:load_elf_interp(): map the ELF
 * interpreter (ld.so) and start there. Its first PT_LOAD in file order decides where:
 * an ET_EXEC interpreter at its own addresses; an ET_DYN one where mmap chooses if the
 * program has a load bias (a PIE), else with its own first address as a hint to mmap (so
 * one linked away from 0 lands there when that range is free). Its whole size is mapped
 * from that first PT_LOAD; p_align is not looked at. The kernel maps over whatever lies at
 * a fixed address; the loader only over the program's own pages (elf_map.c).
 */
#include "loader/binprm.h"
#include "loader/elf_check.h"

int load_elf_interp(struct binprm *b)
{
	struct elf_file *ef = &b->elf_interp;
	int first = first_load(ef->ph, ef->phnum), ret;
	int et_dyn = ef->eh.e_type == ET_DYN;
	/* no_base: the program's load bias (0 for ET_EXEC) */
	unsigned long load_addr = first < 0 ? 0 :
		interp_load_addr(b->file->bias, et_dyn, ef->ph[first].p_vaddr);

	ret = elf_map_image(b, ef, load_addr, ELF_MAP_INTERP | ELF_MAP_TOTAL |
			    (et_dyn ? 0 : ELF_MAP_FIXED));
	if (ret < 0)
		return ret;
	b->elf_entry = ef->bias + ef->eh.e_entry;
	say(b, "%s at 0x%lx (bias 0x%lx), entry 0x%lx", ef->path, ef->lo, ef->bias,
	    b->elf_entry);
	return 0;
}
