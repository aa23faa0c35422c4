/*
 * loader/setup_arg_pages.c: mirrors fs/exec.c:setup_arg_pages(): the new program's stack
 * and whether it is executable (PT_GNU_STACK with PF_X, read by load_elf_binary()).
 * Differs in where the stack is: the kernel builds a fresh [stack] VMA at a random top;
 * the loader keeps the [stack] the kernel made for the loader itself, whose top it found
 * at start (b->stack_end): it is already labelled [stack], grows to RLIMIT_STACK and was
 * placed at a random top. So the only work left is the executable-stack request.
 *
 * The kernel adds VM_EXEC to the stack VMA directly (mprotect_fixup()), so its stack is
 * rwx even under memory-deny-write-execute (PR_SET_MDWE), which only the mmap and
 * mprotect system calls enforce (map_deny_write_exec()). The loader has only mprotect,
 * which MDWE refuses (EACCES): there the stack stays rw- and the program runs with it
 * (natively too it runs; only code it puts on its stack would fault under the loader).
 */
#include <linux/errno.h>
#include <linux/mman.h>
#include "loader/binprm.h"
#include "loader/errstr.h"
#include "loader/sys.h"

#ifndef PR_GET_MDWE
#define PR_GET_MDWE 66
#define PR_MDWE_REFUSE_EXEC_GAIN 1
#endif

void setup_arg_pages(struct binprm *b)
{
	long r;

	if (!b->executable_stack)
		return;
	/* PROT_GROWSDOWN: the change reaches down to the start of the [stack] VMA */
	r = sys_mprotect((void *)(b->stack_end - ELF_MIN_ALIGN), ELF_MIN_ALIGN,
			 PROT_READ | PROT_WRITE | PROT_EXEC | PROT_GROWSDOWN);
	if (r == 0) {
		say(b, "PT_GNU_STACK asks for an executable stack: [stack] made rwx");
		return;
	}
	/* the stack stays rw-: --map must not draw it executable */
	b->executable_stack = 0;
	if (r == -EACCES && sys_prctl(PR_GET_MDWE, 0, 0, 0, 0) > 0)
		say(b, "PT_GNU_STACK asks for an executable stack: memory-deny-write-execute "
		    "(PR_SET_MDWE) refuses mprotect the rwx the kernel gives it: [stack] stays rw-");
	else
		say(b, "PT_GNU_STACK asks for an executable stack: mprotect refused it (%s): "
		    "[stack] stays rw-", errno_string((int)-r) ? errno_string((int)-r) : "?");
}
