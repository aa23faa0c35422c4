/*
 * tests/progs/regs-start.S: _start of tests/progs/regs. Saves every register the kernel
 * sets at exec before touching any (the x86_64 start_thread(): rax..r15 all 0, rflags 0x202,
 * rsp 16-byte aligned pointing at argc, MXCSR 0x1f80, x87 control word 0x37f, data
 * segment selectors 0), then calls regs_main(saved, sp) with a 16-byte aligned stack.
 * Layout of `saved` (8 bytes each): rax rbx rcx rdx rsi rdi rbp r8..r15 (0..14),
 * rflags (15), rsp (16), mxcsr (17, low 4 bytes), fpu cw (18, low 2 bytes),
 * ds es fs gs (19..22).
 */
	.text
	.globl _start
	.type _start, @function
_start:
	mov %rax, saved+0(%rip)
	mov %rbx, saved+8(%rip)
	mov %rcx, saved+16(%rip)
	mov %rdx, saved+24(%rip)
	mov %rsi, saved+32(%rip)
	mov %rdi, saved+40(%rip)
	mov %rbp, saved+48(%rip)
	mov %r8, saved+56(%rip)
	mov %r9, saved+64(%rip)
	mov %r10, saved+72(%rip)
	mov %r11, saved+80(%rip)
	mov %r12, saved+88(%rip)
	mov %r13, saved+96(%rip)
	mov %r14, saved+104(%rip)
	mov %r15, saved+112(%rip)
	mov %rsp, saved+128(%rip)
	pushfq
	popq saved+120(%rip)
	stmxcsr saved+136(%rip)
	fnstcw saved+144(%rip)
	mov %ds, saved+152(%rip)
	mov %es, saved+160(%rip)
	mov %fs, saved+168(%rip)
	mov %gs, saved+176(%rip)
	lea saved(%rip), %rdi
	mov %rsp, %rsi
	and $-16, %rsp
	call regs_main
	hlt

	.bss
	.align 16
	.globl saved
saved:
	.zero 192
	.section .note.GNU-stack, "", @progbits
