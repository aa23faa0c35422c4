/*
 * loader/setup_arg_pages.c: mirrors fs/exec.c:setup_arg_pages(): the new program's stack
 * and whether it is executable (PT_GNU_STACK with PF_X, read by load_elf_binary()).
 * Differs in where the stack is: the kernel builds a fresh [stack] VMA at a random top;
 * the loader keeps the [stack] the kernel made for the loader itself, whose top it found
 * at start (b->stack_end): it is already labelled [stack], grows to RLIMIT_STACK and was
 * placed at a random top. So the only work left is the executable-stack request.
 */
#include <linux/mman.h>
#include "loader/binprm.h"
#include "loader/sys.h"

void setup_arg_pages(struct binprm *b)
{
	long r;

	if (!b->executable_stack)
		return;
	/* PROT_GROWSDOWN: the change reaches down to the start of the [stack] VMA */
	r = sys_mprotect((void *)(b->stack_end - ELF_MIN_ALIGN), ELF_MIN_ALIGN,
			 PROT_READ | PROT_WRITE | PROT_EXEC | PROT_GROWSDOWN);
	say(b, "PT_GNU_STACK asks for an executable stack: [stack] made rwx%s",
	    r < 0 ? " (refused)" : "");
}
