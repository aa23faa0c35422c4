/*
 * loader/start.c: the C half of the loader's _start (arch/x86_64/start.S). The kernel's
 * equivalent is nothing: it is what a libc's crt1.o and a static-pie's self-relocation
 * would do, written out because the loader links no libc.
 */
#include <elf.h>
#include "loader/binprm.h"
#include "loader/sys.h"

/* Both are defined by the linker; hidden, so they are reached PC-relative, with no GOT. */
extern const Elf64_Ehdr __ehdr_start __attribute__((visibility("hidden")));
extern Elf64_Dyn _DYNAMIC[] __attribute__((visibility("hidden")));

/*
 * A static-pie is linked at address 0 and the kernel maps it anywhere (no ld.so runs for
 * it), so each word of data that holds an address (a string table, a pointer initialised
 * to &something) is stored as "0 + offset" and listed in .rela.dyn as R_X86_64_RELATIVE:
 * the word must become base + addend. Until that is done, no code may read such a word.
 * This function only computes with its argument and PC-relative symbol addresses, and
 * writes the slots, so it is safe to run first. Linked with -z text, so every slot is in
 * a writable segment. DT_RELR (packed relative relocations) is handled too, in case the
 * linker is asked for it. Any other relocation type means the build is wrong: stop.
 */
static void self_relocate(unsigned long base)
{
	const Elf64_Rela *rela = 0;
	const unsigned long *relr = 0;
	unsigned long relasz = 0, relrsz = 0;

	for (const Elf64_Dyn *d = _DYNAMIC; d->d_tag != DT_NULL; d++) {
		if (d->d_tag == DT_RELA)
			rela = (const Elf64_Rela *)(base + d->d_un.d_ptr);
		else if (d->d_tag == DT_RELASZ)
			relasz = d->d_un.d_val;
		else if (d->d_tag == DT_RELR)
			relr = (const unsigned long *)(base + d->d_un.d_ptr);
		else if (d->d_tag == DT_RELRSZ)
			relrsz = d->d_un.d_val;
	}
	for (unsigned long i = 0; i < relasz / sizeof *rela; i++) {
		if (ELF64_R_TYPE(rela[i].r_info) != R_X86_64_RELATIVE) {
			static const char msg[] = "loader: unexpected relocation type (build error)\n";

			sys_write(2, msg, sizeof msg - 1);
			sys_exit_group(127);
		}
		*(unsigned long *)(base + rela[i].r_offset) = base + rela[i].r_addend;
	}
	/* RELR: an address entry (even) relocates one word and sets where; a bitmap entry
	 * (odd) relocates the following 63 words whose bits are set. */
	for (unsigned long i = 0, *where = 0; i < relrsz / sizeof *relr; i++) {
		unsigned long e = relr[i];

		if (!(e & 1)) {
			where = (unsigned long *)(base + e);
			*where++ += base;
		} else {
			for (unsigned long *w = where; (e >>= 1) != 0; w++)
				if (e & 1)
					*w += base;
			where += 63;
		}
	}
}

/*
 * Called by _start with the kernel's %rsp and, in a copy started by move_self(), the old
 * image's span [old_lo, old_hi) (else empty). Never returns.
 */
__attribute__((noreturn, used)) void loader_start_c(unsigned long *sp, unsigned long old_lo,
						    unsigned long old_hi)
{
	struct loader_process self = { 0 };
	char **p;

	self_relocate((unsigned long)&__ehdr_start);
	/*
	 * Unmapping a copy of ourselves is safe once we run from this one: no code runs
	 * there any more (move_self() jumped here with the kernel's %rsp, so no frame returns
	 * into it), and nothing we use points into it: argv, envp and auxv are on the stack,
	 * and this copy's .data and .bss are fresh from the file. move_self() reserved this
	 * copy with mmap() while the old one was mapped, so the two are disjoint; checked
	 * anyway, since unmapping ourselves would be fatal.
	 */
	if (old_lo < old_hi) {
		const Elf64_Phdr *ph = (const Elf64_Phdr *)((const char *)&__ehdr_start +
							    __ehdr_start.e_phoff);
		unsigned long self_lo = (unsigned long)&__ehdr_start;
		unsigned long self_hi = self_lo + total_mapping_size(ph, __ehdr_start.e_phnum);

		if (old_hi <= self_lo || old_lo >= self_hi) {
			sys_munmap((void *)old_lo, old_hi - old_lo);
			self.moved_lo = old_lo;
			self.moved_hi = old_hi;
		}
	}
	self.argc = (int)sp[0];
	self.argv = (char **)(sp + 1);
	self.envp = self.argv + self.argc + 1;
	for (p = self.envp; *p; p++)
		;
	self.envc = (int)(p - self.envp);
	self.auxv = (unsigned long *)(p + 1);
	sys_exit_group(loader_main(&self));
}
