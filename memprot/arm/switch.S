/*
 * memprot/arm/switch.S: entering a task and the exception entries that need the stacked
 * frame. Thumb-2, the same on ARMv7-M and ARMv8-M mainline.
 */
	.syntax unified
	.thumb
	.text

/*
 * uint32_t run_task(uint32_t (*entry)(uint32_t), uint32_t arg)
 * The kernel's callee-saved registers go on the main stack; then PSP is set to the top of
 * the task stack and CONTROL to nPRIV | SPSEL: from the ISB on, thread mode is
 * unprivileged and SP means PSP. Dropping privilege needs no exception; only an exception
 * handler can raise it again. The MSP keeps its value while the task runs: exceptions
 * taken from the task push onto the PSP, and the handlers leave the MSP as they found it.
 */
	.global run_task
	.type run_task, %function
	.thumb_func
run_task:
	push	{r4-r11, lr}
	ldr	r2, =_task_stack_end
	msr	psp, r2
	movs	r2, #3			@ CONTROL.nPRIV | CONTROL.SPSEL
	msr	control, r2
	isb
	mov	r2, r0
	mov	r0, r1
	blx	r2			@ the task, unprivileged, on the PSP
	svc	#0			@ SVC_EXIT with the task's result in r0: ends it
	b	.			@ not reached: the SVC resumes at task_return

/*
 * The kernel's handlers end a task with an exception return here (kernel.c: end_task):
 * thread mode, privileged again, still on the PSP, r0 the result. Switching SPSEL back
 * makes SP the MSP, which still holds what run_task pushed.
 */
	.global task_return
	.type task_return, %function
	.thumb_func
task_return:
	movs	r1, #0
	msr	control, r1
	isb
	pop	{r4-r11, pc}
	.pool

/*
 * MemManage and SVCall: pass the C handler the frame the core stacked (on the PSP or
 * the MSP, as EXC_RETURN's bit 2 says) and EXC_RETURN itself. A tail call (b) leaves LR
 * holding EXC_RETURN, so the C function's own return is the exception return.
 */
	.macro frame_entry name, handler
	.global \name
	.type \name, %function
	.thumb_func
\name:
	tst	lr, #4
	ite	eq
	mrseq	r0, msp
	mrsne	r0, psp
	mov	r1, lr
	b	\handler
	.endm

	frame_entry memmanage_entry, memmanage_fault
	frame_entry svc_entry, svc_call
