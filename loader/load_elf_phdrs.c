/*
 * loader/load_elf_phdrs.c: mirrors fs/binfmt_elf.c:load_elf_phdrs() and elf_read(): check
 * e_phentsize and e_phnum, read the table. Same checks; the table is usually served from
 * the first 4 KiB read by open_exec(), so most files cost no extra system call.
 */
#include "loader/binprm.h"
#include "loader/elf_check.h"

int load_elf_phdrs(struct binprm *b, struct elf_file *ef, int err)
{
	uint64_t off;
	size_t size;
	long n;
	int ret;

	ret = elf_check_phdr_table(&ef->eh, ef->size, err, &off, &size, &b->diag);
	if (ret < 0)
		return ret;
	/* copied, not pointed at: e_phoff need not be aligned (the kernel accepts odd ones) */
	n = read_file_at(ef, ef->phbuf, size, off);
	if (n < 0 || (size_t)n != size)
		return fail(&b->diag, err, "short read of the program headers of %s", ef->path);
	ef->ph = ef->phbuf;
	ef->phnum = ef->eh.e_phnum;
	return 0;
}
