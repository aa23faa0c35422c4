/*
 * loader/create_elf_tables.c: mirrors fs/binfmt_elf.c:create_elf_tables() together with the
 * string copying of fs/exec.c (copy_strings, setup_arg_pages); differs in that it writes
 * into a buffer standing for the final addresses (the caller moves it into place at the
 * very end), and takes the auxv keys from a template (the loader's own auxv) instead of
 * the kernel's fixed list, so the key set and order are exactly the running kernel's.
 *
 *   top          8 zero bytes
 *                execfn "\0"                      AT_EXECFN
 *                envp strings, argv strings       (env_start.. / arg_start..)
 *                -- arch_align_stack: minus align_rnd, & ~15
 *                platform "x86_64\0"              AT_PLATFORM
 *                16 random bytes                  AT_RANDOM
 *                (padding: sp is rounded down to 16)
 *                auxv pairs ... {AT_NULL, 0}
 *                NULL, envp[], NULL, argv[]
 *   sp ->        argc
 */
#include <elf.h>
#include <linux/errno.h>
#include <string.h>
#include "loader/create_elf_tables.h"

static size_t str_size(const char *s)
{
	return strlen(s) + 1;
}

static size_t auxv_pairs(const unsigned long *t)
{
	size_t n = 0;

	for (; t[2 * n] != AT_NULL; n++)
		;
	return n + 1;		/* AT_NULL included */
}

unsigned long arg_limit(unsigned long rlim_stack)
{
	unsigned long limit = (8UL << 20) / 4 * 3;

	if (rlim_stack / 4 < limit)
		limit = rlim_stack / 4;
	return limit > ARG_MAX_MIN ? limit : ARG_MAX_MIN;
}

unsigned long arg_bytes(const struct elf_tables_in *in, size_t ptr_argc, unsigned long *ptr_bytes)
{
	unsigned long bytes = str_size(in->execfn);

	for (size_t i = 0; i < in->argc; i++)
		bytes += str_size(in->argv[i]);
	for (size_t i = 0; i < in->envc; i++)
		bytes += str_size(in->envp[i]);
	*ptr_bytes = ((ptr_argc ? ptr_argc : 1) + in->envc) * sizeof(void *);
	return bytes + *ptr_bytes;
}

size_t elf_tables_size(const struct elf_tables_in *in)
{
	size_t bytes = 8 + str_size(in->execfn) + 16 + 16;

	for (size_t i = 0; i < in->argc; i++)
		bytes += str_size(in->argv[i]);
	for (size_t i = 0; i < in->envc; i++)
		bytes += str_size(in->envp[i]);
	if (in->platform)
		bytes += str_size(in->platform);
	bytes += in->align_rnd + 16;
	bytes += 8 * ((in->argc + 1) + (in->envc + 1) + 1 + 2 * auxv_pairs(in->auxv_template));
	return bytes;
}

/*
 * Store one word of the tables at w. buf only stands for the stack: the words' addresses
 * are aligned, but the bytes of buf need not be (any bufsize, any buf), so the word is
 * copied in rather than stored through an unsigned long pointer (a misaligned store is
 * undefined behaviour).
 */
static char *put_word(char *w, unsigned long v)
{
	__builtin_memcpy(w, &v, sizeof v);
	return w + sizeof v;
}

unsigned long elf_aux_value(const struct elf_tables_in *in, const struct elf_tables_out *o,
			    unsigned long type, unsigned long tmpl)
{
	switch (type) {
	case AT_PHDR:	return in->at_phdr;
	case AT_PHENT:	return sizeof(Elf64_Phdr);	/* a constant, not e_phentsize */
	case AT_PHNUM:	return in->at_phnum;
	case AT_BASE:	return in->at_base;
	case AT_FLAGS:	return 0;
	case AT_ENTRY:	return in->at_entry;
	case AT_RANDOM:	return o->random;
	case AT_EXECFN:	return o->execfn;
	case AT_PLATFORM: return o->platform;
	default:	return tmpl;
	}
}

int create_elf_tables(void *buf, size_t bufsize, unsigned long top,
		      const struct elf_tables_in *in, struct elf_tables_out *out)
{
	unsigned long base = top - bufsize;	/* the address buf stands for */
	unsigned long p = top, sp;
	size_t len, items, ei, pairs;
	char *b = buf, *w;

#define AT(addr) (b + ((addr) - base))		/* address -> byte in buf */
	if (elf_tables_size(in) > bufsize)
		return -E2BIG;
	*out = (struct elf_tables_out){ 0 };

	/* bprm->p = vm_end - sizeof(void *): the top word stays zero */
	p -= 8;
	memset(AT(p), 0, 8);
	/* copy_string_kernel(bprm->filename): the highest string */
	len = str_size(in->execfn);
	p -= len;
	memcpy(AT(p), in->execfn, len);
	out->execfn = p;
	/* copy_strings(envp) then copy_strings(argv), each from the last string down */
	out->env_end = p;
	for (size_t i = in->envc; i-- > 0;) {
		len = str_size(in->envp[i]);
		p -= len;
		memcpy(AT(p), in->envp[i], len);
	}
	out->env_start = p;
	out->arg_end = p;
	for (size_t i = in->argc; i-- > 0;) {
		len = str_size(in->argv[i]);
		p -= len;
		memcpy(AT(p), in->argv[i], len);
	}
	out->arg_start = p;

	/* create_elf_tables(): p = arch_align_stack(p) */
	p = (p - in->align_rnd) & ~15UL;
	/*
	 * The gap this leaves below the strings is fresh, zero stack to the kernel's program;
	 * buf holds whatever was there before (the loader's old frames), which must not show.
	 */
	memset(AT(p), 0, out->arg_start - p);
	if (in->platform) {
		len = str_size(in->platform);
		p -= len;
		memcpy(AT(p), in->platform, len);
		out->platform = p;
	}
	p -= 16;
	memcpy(AT(p), in->random, 16);
	out->random = p;

	/* sp = STACK_ROUND(STACK_ADD(p, ei_index), items): 16-byte aligned, at argc */
	pairs = auxv_pairs(in->auxv_template);
	ei = 2 * pairs;
	items = (in->argc + 1) + (in->envc + 1) + 1;
	sp = (p - 8 * (ei + items)) & ~15UL;
	/* the padding between the auxv and the random bytes is zeroed, like fresh pages */
	memset(AT(sp), 0, p - sp);

	w = AT(sp);
	w = put_word(w, in->argc);
	{
		unsigned long s = out->arg_start;

		for (size_t i = 0; i < in->argc; i++) {
			w = put_word(w, s);
			s += str_size(in->argv[i]);
		}
		w = put_word(w, 0);
		s = out->env_start;
		for (size_t i = 0; i < in->envc; i++) {
			w = put_word(w, s);
			s += str_size(in->envp[i]);
		}
		w = put_word(w, 0);
	}
	out->auxv = sp + 8 * items;
	for (size_t i = 0; i < pairs; i++) {
		unsigned long type = in->auxv_template[2 * i];

		w = put_word(w, type);
		w = put_word(w, type == AT_NULL ? 0 :
			     elf_aux_value(in, out, type, in->auxv_template[2 * i + 1]));
	}
	out->auxv_size = 8 * ei;
	out->sp = sp;
	out->size = top - sp;
#undef AT
	return 0;
}
