/*
 * loader/elf_check.h: every check fs/binfmt_elf.c makes on ELF headers, as pure functions
 * over buffers (unit-tested, one test per rejection). Each returns 0 or -errno and fills a
 * struct diag with the detail. The errno is the one the kernel returns for the same check.
 */
#ifndef LOADER_ELF_CHECK_H
#define LOADER_ELF_CHECK_H

#include <elf.h>
#include <stddef.h>
#include <stdint.h>
#include "loader/fmt.h"

#define ELF_PHDR_TABLE_MAX	65536		/* load_elf_phdrs(): size > 64 KiB fails */
#define ELF_INTERP_PATH_MAX	4096		/* PATH_MAX */

/* "\177ELF" at the start of a buffer of len bytes. */
int elf_has_magic(const void *buf, size_t len);

/*
 * load_elf_binary(): e_ident magic, e_type EXEC/DYN, e_machine x86_64 -> ENOEXEC; an x32
 * file (ELFCLASS32, not readable as 64-bit: load_elf_phdrs()'s ENOEXEC) is named as such.
 */
int elf_check_header(const Elf64_Ehdr *eh, struct diag *d);

/*
 * load_elf_phdrs(): e_phentsize == 56, 1 <= e_phnum <= 1170, table inside the file
 * (file_size bytes). Sets *off and *size of the table. Returns -ENOEXEC (for the program)
 * or `err` as the caller asks: the interpreter's failures are -ELIBBAD.
 */
int elf_check_phdr_table(const Elf64_Ehdr *eh, uint64_t file_size, int err,
			 uint64_t *off, size_t *size, struct diag *d);

/*
 * load_elf_binary(): PT_INTERP p_filesz in 2..4096 (ENOEXEC), its bytes at file offsets
 * below 2^63 (EINVAL, from kernel_read()) and inside the file (EIO).
 */
int elf_check_interp_phdr(const Elf64_Phdr *ph, uint64_t file_size, struct diag *d);
/* load_elf_binary(): the path's last byte is NUL (ENOEXEC). */
int elf_check_interp_path(const char *path, size_t len, struct diag *d);
/* load_elf_binary(): the interpreter's 64-byte header: EIO if short, ELIBBAD if not x86_64 ELF. */
int elf_check_interp_header(const Elf64_Ehdr *eh, uint64_t file_size, struct diag *d);

/*
 * The checks the kernel makes only after its point of no return (where it kills the
 * process with SIGSEGV), made up front with the errno the kernel uses internally:
 */
/* load_elf_interp(): e_type (its ~0UL, i.e. -EPERM) and no PT_LOAD (EINVAL). */
int elf_check_interp_late(const Elf64_Ehdr *eh, const Elf64_Phdr *ph, size_t n, struct diag *d);
/*
 * load_elf_binary(), load_elf_interp() and elf_map(): for each PT_LOAD at bias: p_offset
 * congruent to p_vaddr modulo the page size (mmap's EINVAL), p_filesz <= p_memsz and the
 * segment inside TASK_SIZE (EINVAL for the program, ENOMEM for the interpreter); a
 * program's segment also at p_vaddr itself, which is where the kernel checks it.
 */
int elf_check_segments(const Elf64_Phdr *ph, size_t n, unsigned long bias, int interp,
		       struct diag *d);
/*
 * padzero() of a writable segment whose partial bss page lies past the end of the
 * file (file_size bytes) faults inside the kernel: EFAULT. (A read-only one is not zeroed,
 * and a later touch gives SIGBUS at run time, as natively.)
 */
int elf_check_padzero(const Elf64_Phdr *ph, size_t n, uint64_t file_size, int interp,
		      struct diag *d);
/* load_elf_binary(): the entry point must be below TASK_SIZE (EINVAL). */
int elf_check_entry(unsigned long entry, struct diag *d);

/*
 * Not a kernel check: the entry (e_entry, before bias) must be on a page some PT_LOAD maps
 * executable, or the program dies of SIGSEGV at its first instruction. The kernel jumps
 * anyway; the loader refuses such a file with ENOEXEC and says why. who names the file.
 */
int elf_check_entry_mapped(const Elf64_Phdr *ph, size_t n, unsigned long entry,
			   const char *who, struct diag *d);

/* Suffix for details of post-point-of-no-return checks. */
#define AFTER_PONR "; the kernel checks this after its point of no return and kills the process with SIGSEGV"
/* Suffix for what the kernel does not check at all. */
#define NO_CHECK "; the kernel does not check this and the program dies of SIGSEGV at its first instruction"

#endif
