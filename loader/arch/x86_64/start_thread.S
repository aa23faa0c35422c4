/*
 * loader/arch/x86_64/start_thread.S: mirrors arch/x86/kernel/process_64.c:start_thread()
 * with ELF_PLAT_INIT (all registers zero). Differs in what it does first: it is the
 * loader's last code, run from the trampoline page exec_mmap() made, and it finishes what
 * the kernel's exec did earlier: moves the new stack image into place, unmaps the loader's
 * own image (exec_mmap() dropping the old mm), makes the PR_SET_MM_MAP that changes
 * /proc/self/exe (set_mm_exe_file(), refused while the old executable is mapped), closes
 * the loader's file descriptors and drops what --userns gained.
 *
 *   void start_thread(const struct start_thread_args *a);	%rdi (loader/start_thread.h)
 *
 * Why this is correct:
 *  - The code between start_thread_code and start_thread_code_end is position-independent
 *    (it touches memory only through %r12 = a and the addresses a holds), so exec_mmap()
 *    can copy it into a page of its own. It reads nothing of the loader's image, which it
 *    unmaps, and nothing of the stack above a->sp, which it overwrites: a lies in the same
 *    page as this code (or, when it runs from the loader's text, in the loader's .bss,
 *    which then stays mapped). %r12 survives every syscall (only %rax, %rcx, %r11 change).
 *  - The image lies below every live frame of the loader (or in its own mapping), and
 *    the destination [sp, sp + len) ends at the top of the [stack] mapping, above all of
 *    them, so destination > source; a backwards copy (std; rep movsb) is then right even
 *    when the two ranges overlap. From the first byte copied on, the loader's own frames
 *    (and its argv) are being overwritten, so nothing after this point uses the stack
 *    above a->sp. No signal frame can be pushed meanwhile: the loader installed no
 *    handler and exec reset the inherited ones to SIG_DFL.
 *  - The system calls after the copy cannot be undone and their failure changes nothing
 *    the program relies on (a refused exe_fd leaves /proc/self/exe the loader's, and the
 *    plain map is tried next; exec_mmap() validated it, as the kernel will), so their
 *    results are not checked beyond that one retry.
 *  - The ABI at a process's first instruction (System V x86_64 ABI 3.4.1):
 *    %rsp 16-byte aligned pointing at argc; %rdx = 0 ("no function for atexit": glibc's
 *    _start passes %rdx to __libc_start_main as rtld_fini); DF clear; every other general
 *    register zero as ELF_PLAT_INIT leaves them; SSE registers zeroed (fresh FPU state).
 *  - To jump with every register zero, the entry address is stored in the word just below
 *    argc and reached with an indirect jmp through memory, and the kernel's rflags (0x202)
 *    in the word below that, loaded with popfq. Both words are below %rsp, free space of
 *    the new program's stack.
 */
#include <asm/unistd.h>
#include "loader/start_thread.h"

/*
 * prctl(PR_SET_MM, PR_SET_MM_MAP, &a->MAP, size, 0) -> %rax. A macro, not a function: a
 * call would push its return address on a stack whose top may already be the new image.
 */
	.macro	set_mm_map map
	mov	$ST_PR_SET_MM, %edi
	mov	$ST_PR_SET_MM_MAP, %esi
	lea	\map(%r12), %rdx
	mov	$ST_PRCTL_MM_MAP_SIZE, %r10d
	xor	%r8d, %r8d
	mov	$__NR_prctl, %eax
	syscall
	.endm

	.text
	.globl	start_thread_code, start_thread_code_end, start_thread
	.hidden	start_thread_code, start_thread_code_end, start_thread
	.type	start_thread, @function
start_thread_code:
start_thread:
	mov	%rdi, %r12
	/* memmove(sp, image, len), backwards: rsi/rdi at the last byte of each range */
	mov	ST_IMAGE(%r12), %rsi
	mov	ST_SP(%r12), %rdi
	mov	ST_LEN(%r12), %rcx
	lea	-1(%rsi,%rcx), %rsi
	lea	-1(%rdi,%rcx), %rdi
	std
	rep movsb
	cld
	/* munmap(the loader's image): from here on only this page runs */
	mov	ST_UNMAP+8(%r12), %rsi
	test	%rsi, %rsi
	jz	1f
	mov	ST_UNMAP(%r12), %rdi
	mov	$__NR_munmap, %eax
	syscall
1:	/* munmap(the image buffer), when it was not on the stack */
	mov	ST_BUF+8(%r12), %rsi
	test	%rsi, %rsi
	jz	2f
	mov	ST_BUF(%r12), %rdi
	mov	$__NR_munmap, %eax
	syscall
2:	/* prctl(PR_SET_MM, PR_SET_MM_MAP, &map_exe, size, 0); if refused, the plain map */
	cmpq	$0, ST_SET_MM(%r12)
	je	3f
	set_mm_map ST_MAP_EXE
	test	%rax, %rax
	jns	3f
	set_mm_map ST_MAP_PLAIN
	xor	%ebx, %ebx		/* note[0]: only exe_fd refused; note[1]: both */
	test	%rax, %rax
	jns	7f
	mov	$1, %ebx
7:	mov	ST_NOTE_LEN(%r12,%rbx,8), %rdx
	test	%rdx, %rdx
	jz	3f
	shl	$7, %rbx		/* * ST_NOTE_MAX */
	lea	ST_NOTE(%r12,%rbx), %rsi
	mov	$2, %edi
	mov	$__NR_write, %eax
	syscall
3:	/* close_range() for each non-empty [first, last] */
	xor	%ebx, %ebx
4:	mov	ST_CLOSE(%r12,%rbx), %rdi
	mov	ST_CLOSE+8(%r12,%rbx), %rsi
	cmp	%rdi, %rsi
	jb	5f
	xor	%edx, %edx
	mov	$__NR_close_range, %eax
	syscall
5:	add	$16, %rbx
	cmp	$48, %rbx
	jb	4b
	/* capset(&hdr, data): every set empty (--userns) */
	cmpq	$0, ST_CAPSET(%r12)
	je	6f
	lea	ST_CAP_HDR(%r12), %rdi
	lea	ST_CAP_DATA(%r12), %rsi
	mov	$__NR_capset, %eax
	syscall
6:	mov	ST_ENTRY(%r12), %r8
	mov	ST_SP(%r12), %r9
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

start_thread_code_end:
	.size	start_thread, . - start_thread

	.section .note.GNU-stack, "", @progbits
