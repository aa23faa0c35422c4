/*
 * loader/arch/x86_64/start.S: the loader's first instructions (it has no libc, so no crt1),
 * and the jump by which move_self() starts a fresh copy of the loader.
 *
 * The kernel hands over %rsp -> argc, argv[], NULL, envp[], NULL, auxv pairs
 * (fs/binfmt_elf.c:create_elf_tables()), all other general registers 0, %rsp % 16 == 0.
 * The loader is a static-pie that nobody relocated yet: loader_start_c() must fix its own
 * R_X86_64_RELATIVE slots before any code reads a pointer stored in memory (start.c
 * explains).
 * A C function expects %rsp % 16 == 8 on entry (after `call`), so we align and call.
 *
 * move_self_restart() enters a copy's _start the same way, with the same %rsp, plus the
 * old image's span [%r12, %r13) and MOVED_MARK in %r14, which the copy then unmaps.
 * Neither the kernel (ELF_PLAT_INIT: all zero) nor start_thread() (all zero) leaves
 * MOVED_MARK in %r14, so a plain start passes an empty span.
 */
#define MOVED_MARK	0x666c65732d65766d	/* "mve-self" */

	.text
	.globl	_start
	.type	_start, @function
_start:
	xor	%ebp, %ebp		/* outermost frame for debuggers */
	mov	%rsp, %rdi		/* argument 1: the kernel's stack pointer (&argc) */
	xor	%esi, %esi		/* arguments 2, 3: the old image to unmap, none */
	xor	%edx, %edx
	movabs	$MOVED_MARK, %rax
	cmp	%rax, %r14
	jne	1f
	mov	%r12, %rsi		/* started by move_self_restart() */
	mov	%r13, %rdx
1:	and	$-16, %rsp
	call	loader_start_c		/* noreturn */
	hlt
	.size	_start, . - _start

/*
 * void move_self_restart(unsigned long entry,   %rdi: the copy's _start
 *                        unsigned long *sp,     %rsi: the kernel's %rsp (&argc)
 *                        unsigned long old_lo,  %rdx: the running image's span,
 *                        unsigned long old_hi); %rcx  for the copy to unmap
 * Never returns. The frames below sp are dead from here on (the copy reuses the stack
 * from sp down, as a fresh start would), and argc, argv, envp and auxv above it are
 * still as the kernel wrote them: nothing has been written there yet.
 */
	.globl	move_self_restart
	.hidden	move_self_restart
	.type	move_self_restart, @function
move_self_restart:
	mov	%rsi, %rsp
	mov	%rdx, %r12
	mov	%rcx, %r13
	movabs	$MOVED_MARK, %r14
	cld
	jmp	*%rdi
	.size	move_self_restart, . - move_self_restart

	.section .note.GNU-stack, "", @progbits
