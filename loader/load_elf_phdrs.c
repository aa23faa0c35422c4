/*
 * loader/load_elf_phdrs.c: mirrors fs/binfmt_elf.c:load_elf_phdrs() and elf_read(): check
 * e_phentsize and e_phnum, read the table. Same checks; the table is usually served from
 * the first 1 KiB (HEAD_SIZE) read by open_exec(), so most files cost no extra system call.
 */
#include "loader/binprm.h"
#include "loader/elf_check.h"

/* Tables that are not in the first bytes read (one per file that may need one). */
static Elf64_Phdr tables[FILE_ROLES][ELF_PHDR_TABLE_MAX / sizeof(Elf64_Phdr)];

int load_elf_phdrs(struct binprm *b, struct elf_file *ef, int err)
{
	uint64_t off;
	size_t size;
	long n;
	int ret;

	ret = elf_check_phdr_table(&ef->eh, ef->size, err, &off, &size, &b->diag);
	if (ret < 0)
		return ret;
	ef->phnum = ef->eh.e_phnum;
	/* in the first bytes read, and aligned (the kernel accepts an odd e_phoff): use them */
	if (off + size <= ef->head_len && off % 8 == 0) {
		ef->ph = (const Elf64_Phdr *)(ef->head + off);
		return 0;
	}
	{
		Elf64_Phdr *t = tables[ef->role];

		n = read_file_at(ef, t, size, off);
		if (n < 0 || (size_t)n != size)
			return diag_fail(&b->diag, err, "short read of the program headers of %s",
				    ef->path);
		ef->ph = t;
	}
	return 0;
}
