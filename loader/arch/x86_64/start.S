/*
 * loader/arch/x86_64/start.S: the loader's first instructions (it has no libc, so no crt1).
 *
 * The kernel hands over %rsp -> argc, argv[], NULL, envp[], NULL, auxv pairs
 * (fs/binfmt_elf.c:create_elf_tables()), all other general registers 0, %rsp % 16 == 0.
 * The loader is a static-pie that nobody relocated yet: loader_start_c() must fix its own
 * R_X86_64_RELATIVE slots before any code reads a pointer stored in memory (start.c
 * explains).
 * A C function expects %rsp % 16 == 8 on entry (after `call`), so we align and call.
 */
	.text
	.globl	_start
	.type	_start, @function
_start:
	xor	%ebp, %ebp		/* outermost frame for debuggers */
	mov	%rsp, %rdi		/* argument: the kernel's stack pointer (&argc) */
	and	$-16, %rsp
	call	loader_start_c		/* noreturn */
	hlt
	.size	_start, . - _start

	.section .note.GNU-stack, "", @progbits
