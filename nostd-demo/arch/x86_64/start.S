/*
 * nostd-demo/arch/x86_64/start.S: the first instructions of a freestanding program.
 *
 * What the kernel leaves us (fs/binfmt_elf.c:create_elf_tables, start_thread):
 *
 *   %rsp -> argc                 (8 bytes; %rsp % 16 == 0 at entry, System V ABI 3.4.1)
 *           argv[0] .. argv[argc-1], NULL
 *           envp[0] .. envp[n-1],    NULL
 *           auxv pairs {a_type, a_val} .. {AT_NULL, 0}
 *           padding, AT_RANDOM bytes, "x86_64", argv/envp strings, execfn, 8 zero bytes
 *   all general registers are 0; %rdx == 0 means "no function for atexit".
 *
 * A C function expects %rsp % 16 == 8 on entry (the `call` pushed a return address onto
 * a 16-byte aligned stack), so we align and `call`. The syscall ABI used by the C side:
 * number in %rax, arguments in %rdi %rsi %rdx %r10 %r8 %r9; `syscall` clobbers %rcx, %r11.
 */
	.text
	.globl	_start
	.type	_start, @function
_start:
	xor	%ebp, %ebp		/* outermost frame: stops frame-pointer walks (gdb, -k) */
	mov	%rsp, %rdi		/* first argument: the initial stack pointer (&argc) */
	and	$-16, %rsp		/* already aligned by the kernel; cheap insurance */
	call	start_c			/* noreturn: it ends with the exit syscall */
	hlt				/* never reached; faults loudly if it ever is */
	.size	_start, . - _start

	.section .note.GNU-stack, "", @progbits
