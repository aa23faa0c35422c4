/* tests/unit/test_loader_helpers.h: small builders shared by the loader's unit suites. */
#ifndef TEST_LOADER_HELPERS_H
#define TEST_LOADER_HELPERS_H

#include <elf.h>
#include <string.h>

/* A valid x86_64 ET_DYN header with n program headers right after it. */
static inline Elf64_Ehdr tl_ehdr(unsigned n)
{
	Elf64_Ehdr eh;

	memset(&eh, 0, sizeof eh);
	memcpy(eh.e_ident, ELFMAG, SELFMAG);
	eh.e_ident[EI_CLASS] = ELFCLASS64;
	eh.e_ident[EI_DATA] = ELFDATA2LSB;
	eh.e_type = ET_DYN;
	eh.e_machine = EM_X86_64;
	eh.e_phoff = sizeof eh;
	eh.e_phentsize = sizeof(Elf64_Phdr);
	eh.e_phnum = (Elf64_Half)n;
	return eh;
}

static inline Elf64_Phdr tl_load(unsigned long off, unsigned long vaddr, unsigned long filesz,
				 unsigned long memsz, unsigned flags)
{
	Elf64_Phdr p;

	memset(&p, 0, sizeof p);
	p.p_type = PT_LOAD;
	p.p_offset = off;
	p.p_vaddr = p.p_paddr = vaddr;
	p.p_filesz = filesz;
	p.p_memsz = memsz;
	p.p_flags = flags;
	p.p_align = 0x1000;
	return p;
}

#endif
