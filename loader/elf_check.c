/*
 * loader/elf_check.c: mirrors the header checks of fs/binfmt_elf.c:load_elf_binary(),
 * load_elf_phdrs() and load_elf_interp() (6.18); differs in that it also makes, before
 * anything is mapped, the checks the kernel makes only after its point of no return.
 * Pure: works on buffers, one condition per line, written so no sum can overflow.
 */
#include <linux/errno.h>
#include <linux/mman.h>
#include "loader/elf_check.h"
#include "loader/elf_layout.h"

int elf_has_magic(const void *buf, size_t len)
{
	const unsigned char *b = buf;

	return len >= 4 && b[0] == 0x7f && b[1] == 'E' && b[2] == 'L' && b[3] == 'F';
}

int elf_check_header(const Elf64_Ehdr *eh, struct diag *d)
{
	if (!elf_has_magic(eh->e_ident, EI_NIDENT))
		return diag_fail(d, -ENOEXEC, "no ELF magic");
	if (eh->e_type != ET_EXEC && eh->e_type != ET_DYN)
		return diag_fail(d, -ENOEXEC, "e_type is %u, expected ET_EXEC (2) or ET_DYN (3)",
			    eh->e_type);
	if (eh->e_machine != EM_X86_64)
		return diag_fail(d, -ENOEXEC, "e_machine is %u, expected EM_X86_64 (62)",
			    eh->e_machine);
	/*
	 * x32: ELFCLASS32 with EM_X86_64. The kernel's 64-bit binfmt_elf never looks at
	 * EI_CLASS (a 64-bit layout marked ELFCLASS32 runs); an x32 program fails its
	 * next check, load_elf_phdrs()'s e_phentsize (the 32-bit header ends at byte 52, so
	 * "e_phentsize" is a piece of whatever follows, never 56): ENOEXEC. Only a kernel
	 * built with CONFIG_X86_X32_ABI hands it to compat_binfmt_elf and runs it. Same errno
	 * here, for the same files, with a detail that says what the file is.
	 */
	if (eh->e_ident[EI_CLASS] == ELFCLASS32 && eh->e_phentsize != sizeof(Elf64_Phdr))
		return diag_fail(d, -ENOEXEC, "ELFCLASS32 with EM_X86_64: an x32 program; the "
			    "loader does not run x32, the kernel only when built with "
			    "CONFIG_X86_X32_ABI");
	return 0;
}

int elf_check_phdr_table(const Elf64_Ehdr *eh, uint64_t file_size, int err,
			 uint64_t *off, size_t *size, struct diag *d)
{
	const char *who = err == -ELIBBAD ? "interpreter's " : "";
	size_t bytes;

	if (eh->e_phentsize != sizeof(Elf64_Phdr))
		return diag_fail(d, err, "%se_phentsize is %u, expected %zu", who,
			    eh->e_phentsize, sizeof(Elf64_Phdr));
	bytes = (size_t)eh->e_phnum * sizeof(Elf64_Phdr);	/* at most 65535 * 56 */
	if (bytes == 0 || bytes > ELF_PHDR_TABLE_MAX)
		return diag_fail(d, err, "%se_phnum is %u, expected 1..%zu", who, eh->e_phnum,
			    ELF_PHDR_TABLE_MAX / sizeof(Elf64_Phdr));
	if (eh->e_phoff > file_size || file_size - eh->e_phoff < bytes)
		return diag_fail(d, err, "%sprogram header table (%zu bytes at offset %lu) "
			    "goes past the end of the file (%lu bytes)", who, bytes,
			    (unsigned long)eh->e_phoff, (unsigned long)file_size);
	*off = eh->e_phoff;
	*size = bytes;
	return 0;
}

int elf_check_interp_phdr(const Elf64_Phdr *ph, uint64_t file_size, struct diag *d)
{
	if (ph->p_filesz > ELF_INTERP_PATH_MAX || ph->p_filesz < 2)
		return diag_fail(d, -ENOEXEC, "PT_INTERP p_filesz is %lu, expected 2..%d",
			    (unsigned long)ph->p_filesz, ELF_INTERP_PATH_MAX);
	/* elf_read() -> kernel_read(): rw_verify_area() refuses a loff_t range past 2^63 - 1 */
	if (ph->p_offset > (uint64_t)INT64_MAX - ph->p_filesz)
		return diag_fail(d, -EINVAL, "PT_INTERP path (%lu bytes at offset %lu) ends past "
			    "the largest file offset (2^63 - 1)", (unsigned long)ph->p_filesz,
			    (unsigned long)ph->p_offset);
	if (ph->p_offset > file_size || file_size - ph->p_offset < ph->p_filesz)
		return diag_fail(d, -EIO, "PT_INTERP path (%lu bytes at offset %lu) goes past "
			    "the end of the file (%lu bytes)", (unsigned long)ph->p_filesz,
			    (unsigned long)ph->p_offset, (unsigned long)file_size);
	return 0;
}

int elf_check_interp_path(const char *path, size_t len, struct diag *d)
{
	if (len == 0 || path[len - 1] != '\0')
		return diag_fail(d, -ENOEXEC, "PT_INTERP path is not NUL-terminated");
	return 0;
}

int elf_check_interp_header(const Elf64_Ehdr *eh, uint64_t file_size, struct diag *d)
{
	if (file_size < sizeof(Elf64_Ehdr))
		return diag_fail(d, -EIO, "interpreter is %lu bytes, shorter than an ELF header (64)",
			    (unsigned long)file_size);
	if (!elf_has_magic(eh->e_ident, EI_NIDENT))
		return diag_fail(d, -ELIBBAD, "interpreter is not an ELF file");
	if (eh->e_machine != EM_X86_64)
		return diag_fail(d, -ELIBBAD, "interpreter's e_machine is %u, expected EM_X86_64 (62)",
			    eh->e_machine);
	return 0;
}

int elf_check_interp_late(const Elf64_Ehdr *eh, const Elf64_Phdr *ph, size_t n, struct diag *d)
{
	if (eh->e_type != ET_EXEC && eh->e_type != ET_DYN)
		return diag_fail(d, -EPERM, "interpreter's e_type is %u, expected ET_EXEC (2) or "
			    "ET_DYN (3)" AFTER_PONR, eh->e_type);
	if (total_mapping_size(ph, n) == 0)
		return diag_fail(d, -EINVAL, "interpreter has no PT_LOAD segment" AFTER_PONR);
	return 0;
}

/* [k, k + memsz) is not inside user space (written so that no sum can overflow). */
static int outside_user_space(unsigned long k, unsigned long memsz)
{
	return BAD_ADDR(k) || memsz > TASK_SIZE || TASK_SIZE - memsz < k;
}

int elf_check_segments(const Elf64_Phdr *ph, size_t n, unsigned long bias, int interp,
		       struct diag *d)
{
	const char *who = interp ? "interpreter's " : "";
	int size_err = interp ? -ENOMEM : -EINVAL;

	for (size_t i = 0; i < n; i++) {
		const Elf64_Phdr *p = &ph[i];
		unsigned long k = bias + p->p_vaddr;

		if (p->p_type != PT_LOAD)
			continue;
		if (p->p_filesz && ELF_PAGEOFFSET(p->p_offset) != ELF_PAGEOFFSET(p->p_vaddr))
			return diag_fail(d, -EINVAL, "%sPT_LOAD %zu: p_offset 0x%lx and p_vaddr 0x%lx "
				    "differ modulo the page size, so mmap() refuses it" AFTER_PONR,
				    who, i, (unsigned long)p->p_offset, (unsigned long)p->p_vaddr);
		if (p->p_filesz > p->p_memsz)
			return diag_fail(d, size_err, "%sPT_LOAD %zu: p_filesz 0x%lx > p_memsz 0x%lx"
				    AFTER_PONR, who, i, (unsigned long)p->p_filesz,
				    (unsigned long)p->p_memsz);
		/*
		 * load_elf_binary() checks the program's p_vaddr as written, not biased (only
		 * load_elf_interp() adds the bias). A PIE's bias can bring a p_vaddr at or above
		 * TASK_SIZE back into user space; such a segment also wraps p_vaddr + p_memsz
		 * around, which makes total_mapping_size() smaller than what the segments map.
		 */
		if (!interp && outside_user_space(p->p_vaddr, p->p_memsz))
			k = p->p_vaddr;
		if (outside_user_space(k, p->p_memsz))
			return diag_fail(d, size_err, "%sPT_LOAD %zu: [0x%lx, +0x%lx) is outside user "
				    "space (ends above 0x%lx)" AFTER_PONR, who, i, k,
				    (unsigned long)p->p_memsz, TASK_SIZE);
	}
	return 0;
}

int elf_check_padzero(const Elf64_Phdr *ph, size_t n, uint64_t file_size, int interp,
		      struct diag *d)
{
	for (size_t i = 0; i < n; i++) {
		const Elf64_Phdr *p = &ph[i];
		uint64_t end;

		if (p->p_type != PT_LOAD || !(p->p_flags & PF_W) || !p->p_filesz ||
		    p->p_memsz <= p->p_filesz)
			continue;
		end = p->p_offset + p->p_filesz;	/* checked not to wrap by the caller's */
		if (end < p->p_offset)			/* ... TASK_SIZE checks; be safe anyway */
			end = ~0UL;
		if (ELF_PAGEOFFSET(p->p_vaddr + p->p_filesz) && ELF_PAGESTART(end) >= file_size)
			return diag_fail(d, -EFAULT, "%sPT_LOAD %zu: its bss starts in a page past "
					 "the end of the file (%lu bytes), so zeroing it faults"
					 AFTER_PONR, interp ? "interpreter's " : "", i,
					 (unsigned long)file_size);
	}
	return 0;
}

int elf_check_entry_mapped(const Elf64_Phdr *ph, size_t n, unsigned long entry,
			   const char *who, struct diag *d)
{
	int prot = prot_at(ph, n, entry);

	if (total_mapping_size(ph, n) == 0)
		return diag_fail(d, -ENOEXEC, "%s has no PT_LOAD segment" NO_CHECK, who);
	if (prot < 0)
		return diag_fail(d, -ENOEXEC, "%s's entry point 0x%lx is in no PT_LOAD segment"
				 NO_CHECK, who, entry);
	if (!(prot & PROT_EXEC))
		return diag_fail(d, -ENOEXEC, "%s's entry point 0x%lx is on a page mapped without "
				 "PF_X" NO_CHECK, who, entry);
	return 0;
}

int elf_check_entry(unsigned long entry, struct diag *d)
{
	if (BAD_ADDR(entry))
		return diag_fail(d, -EINVAL, "entry point 0x%lx is outside user space" AFTER_PONR,
			    entry);
	return 0;
}
