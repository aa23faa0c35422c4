/*
 * loader/search_binary_handler.c: mirrors fs/exec.c:search_binary_handler(): offer the
 * file's first bytes to each format handler; -ENOEXEC means "not mine, try the next".
 * Differs: only the two formats the kernel always has on x86_64 (#! and ELF); binfmt_misc
 * registrations are not consulted.
 */
#include <linux/errno.h>
#include "loader/binprm.h"
#include "loader/elf_check.h"

int search_binary_handler(struct binprm *b)
{
	const unsigned char *h = b->file->head;
	int ret;

	say(b, "%s starts with %02x %02x %02x %02x (%s)", b->file->path, h[0], h[1], h[2], h[3],
	    h[0] == '#' && h[1] == '!' ? "#!: binfmt_script" :
	    elf_has_magic(h, b->file->head_len) ? "\\177ELF: binfmt_elf" : "no handler knows it");
	ret = load_script(b);
	if (ret != -ENOEXEC)
		return ret;
	ret = load_elf_binary(b);
	if (ret != -ENOEXEC)
		return ret;
	if (b->diag.err == -ENOEXEC)	/* a handler knew why */
		return ret;
	return diag_fail(&b->diag, -ENOEXEC, "%s is neither an ELF file nor a #! script",
		    b->file->path);
}
