/*
 * loader/create_elf_tables.h: the initial stack of a new program (argc, argv, envp, auxv,
 * random bytes, platform string, the strings), built by a pure function into a buffer
 * that stands for the addresses [top - size, top), as fs/binfmt_elf.c:create_elf_tables().
 */
#ifndef LOADER_CREATE_ELF_TABLES_H
#define LOADER_CREATE_ELF_TABLES_H

#include <stddef.h>

struct elf_tables_in {
	size_t argc;
	const char *const *argv;
	size_t envc;
	const char *const *envp;
	const char *execfn;		/* bprm->filename: AT_EXECFN */
	const char *platform;		/* "x86_64" (AT_PLATFORM), or NULL for none */
	const unsigned char *random;	/* 16 bytes for AT_RANDOM */
	unsigned long align_rnd;	/* arch_align_stack(): 0..8191 subtracted, 0 without ASLR */
	/*
	 * The auxv keys to write, in order, ending with AT_NULL: the running kernel's own set
	 * (the loader copies its own auxv). Values of the keys below are replaced; every other
	 * key's value is kept (AT_SYSINFO_EHDR, AT_HWCAP, AT_MINSIGSTKSZ, AT_UID, ...).
	 */
	const unsigned long *auxv_template;
	unsigned long at_phdr, at_phnum, at_base, at_entry;
};

struct elf_tables_out {
	unsigned long sp;		/* %rsp at entry: &argc, 16-byte aligned */
	size_t size;			/* top - sp: the bytes of the image */
	unsigned long arg_start, arg_end, env_start, env_end;
	unsigned long execfn, random, platform;
	unsigned long auxv;		/* address of auxv[0] */
	size_t auxv_size;		/* bytes, AT_NULL pair included */
};

/*
 * Build the stack image for a stack whose highest address is top (page-aligned) into
 * buf, which stands for [top - bufsize, top). Returns 0, or -E2BIG if it does not fit.
 * The image occupies the last out->size bytes of buf, every byte of them written (what
 * the kernel's fresh stack pages hold between the parts is zero here too).
 */
int create_elf_tables(void *buf, size_t bufsize, unsigned long top,
		      const struct elf_tables_in *in, struct elf_tables_out *out);

/*
 * fs/exec.c:bprm_stack_limits(): the bytes argv, envp and the filename may take, pointers
 * included: 3/4 of _STK_LIM (6 MiB) at most, RLIMIT_STACK / 4 below that, never less
 * than ARG_MAX (128 KiB).
 */
#define ARG_MAX_MIN	(32UL * 4096)
unsigned long arg_limit(unsigned long rlim_stack);
/*
 * The bytes of strings and pointers in that count: in's strings (execfn, argv, envp) and
 * one pointer per envp entry and per argument of ptr_argc (counted as at least 1). The
 * kernel counts the pointers once, with the argc execve() was given, and the strings as
 * they are copied, #! rewrites included.
 */
unsigned long arg_bytes(const struct elf_tables_in *in, size_t ptr_argc, unsigned long *ptr_bytes);

/* Bytes create_elf_tables() needs at most for in (without the alignment slack). */
size_t elf_tables_size(const struct elf_tables_in *in);

/*
 * The value the new program finds for auxv key type: what the kernel computes for this
 * exec (AT_PHDR, AT_ENTRY, AT_RANDOM...; addresses from out), else tmpl, the template's.
 */
unsigned long elf_aux_value(const struct elf_tables_in *in, const struct elf_tables_out *out,
			    unsigned long type, unsigned long tmpl);

/*
 * The auxv key named name as in <elf.h> ("AT_RANDOM"), for --omit-auxv: 0 and *key set,
 * or -EINVAL for a name that is not an auxv key (AT_NULL included: it cannot be omitted).
 */
int auxv_key_by_name(const char *name, unsigned long *key);

#endif
