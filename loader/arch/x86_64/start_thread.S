/*
 * loader/arch/x86_64/start_thread.S: mirrors arch/x86/kernel/process_64.c:start_thread()
 * with ELF_PLAT_INIT (all registers zero); differs in that it also moves the new stack
 * image into place first, since it is built in a buffer lower on the same [stack].
 *
 *   void start_thread(unsigned long entry,   %rdi: where the program starts
 *                     unsigned long sp,      %rsi: its %rsp (&argc), 16-byte aligned
 *                     const void *image,     %rdx: the image built by create_elf_tables
 *                     unsigned long len);    %rcx: its size: [sp, sp + len) is filled
 *
 * Why this is correct:
 *  - The image buffer lies below every live frame of the loader, and the destination
 *    [sp, sp + len) ends at the top of the [stack] mapping, above all of them, so
 *    destination > source; a backwards copy (std; rep movsb) is then right even when the
 *    two ranges overlap. From the first byte copied on, the loader's own frames (and its
 *    argv) are being overwritten, so nothing after this point may use the stack: the
 *    copy and the rest are register-only. No signal frame can be pushed meanwhile: the
 *    loader installed no handler and exec reset the inherited ones to SIG_DFL.
 *  - The ABI at a process's first instruction (System V x86_64 ABI 3.4.1):
 *    %rsp 16-byte aligned pointing at argc; %rdx = 0 ("no function for atexit": glibc's
 *    _start passes %rdx to __libc_start_main as rtld_fini); DF clear; every other general
 *    register zero as ELF_PLAT_INIT leaves them; SSE registers zeroed (fresh FPU state).
 *  - To jump with every register zero, the entry address is stored in the word just below
 *    argc and reached with an indirect jmp through memory, and the kernel's rflags (0x202)
 *    in the word below that, loaded with popfq. Both words are below %rsp, free space of
 *    the new program's stack.
 */
	.text
	.globl	start_thread
	.hidden	start_thread
	.type	start_thread, @function
start_thread:
	mov	%rdi, %r8		/* entry */
	mov	%rsi, %r9		/* sp */
	/* memmove(sp, image, len), backwards: rsi/rdi at the last byte of each range */
	lea	-1(%rdx,%rcx), %rsi
	lea	-1(%r9,%rcx), %rdi
	std
	rep movsb
	cld
	mov	%r9, %rsp
	mov	%r8, -8(%rsp)
	movq	$0x202, -16(%rsp)	/* rflags as the kernel leaves them: IF and reserved bit 1 */
	xor	%eax, %eax
	xor	%ebx, %ebx
	xor	%ecx, %ecx
	xor	%edx, %edx
	xor	%esi, %esi
	xor	%edi, %edi
	xor	%ebp, %ebp
	xor	%r8d, %r8d
	xor	%r9d, %r9d
	xor	%r10d, %r10d
	xor	%r11d, %r11d
	xor	%r12d, %r12d
	xor	%r13d, %r13d
	xor	%r14d, %r14d
	xor	%r15d, %r15d
	pxor	%xmm0, %xmm0
	pxor	%xmm1, %xmm1
	pxor	%xmm2, %xmm2
	pxor	%xmm3, %xmm3
	pxor	%xmm4, %xmm4
	pxor	%xmm5, %xmm5
	pxor	%xmm6, %xmm6
	pxor	%xmm7, %xmm7
	pxor	%xmm8, %xmm8
	pxor	%xmm9, %xmm9
	pxor	%xmm10, %xmm10
	pxor	%xmm11, %xmm11
	pxor	%xmm12, %xmm12
	pxor	%xmm13, %xmm13
	pxor	%xmm14, %xmm14
	pxor	%xmm15, %xmm15
	/*
	 * The xors above set ZF and PF. popfq reloads rflags from the word stored at -16
	 * (user mode cannot change IF or IOPL, so 0x202 just clears every status flag, DF
	 * and TF); lea moves %rsp without touching the flags, so nothing sets them again.
	 */
	lea	-16(%rsp), %rsp
	popfq
	lea	8(%rsp), %rsp
	jmp	*-8(%rsp)
	.size	start_thread, . - start_thread

	.section .note.GNU-stack, "", @progbits
