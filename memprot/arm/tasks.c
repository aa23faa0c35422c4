/* memprot/arm/tasks.c: see tasks.h. */
#include "memprot/arm/tasks.h"

#include "memprot/arm/kernel.h"
#include "memprot/arm/regs.h"

/* The kernel's stores go through a volatile pointer: each is one STR the compiler may
 * neither drop nor merge, which the MemManage handler can then step over. */
uint32_t kernel_write(uint32_t addr)
{
	*(volatile uint32_t *)(uintptr_t)addr = 0xbad0bad0u;
	return 0;
}

/* CONTROL as the task sees it: nPRIV and SPSEL set. MRS CONTROL is allowed unprivileged. */
uint32_t task_control(uint32_t unused)
{
	(void)unused;
	return control_read();
}

uint32_t task_read(uint32_t addr)
{
	return *(volatile uint32_t *)(uintptr_t)addr;
}

uint32_t task_write(uint32_t addr)
{
	*(volatile uint32_t *)(uintptr_t)addr = 0xbad0bad0u;
	return 0;
}

/* Call the code at ADDR (a Thumb address: bit 0 set). */
uint32_t task_call(uint32_t addr)
{
	((void (*)(void))(uintptr_t)(addr | 1))();
	return 0;
}

/*
 * A runaway recursion reduced to its stack use: push 16 bytes at a time until the stack
 * runs into the guard. Naked, so no prologue pushes first: from the 2016-byte stack's top
 * the 126th push is the last that fits, the 127th writes the 16 bytes below the stack
 * (2016 = 126 * 16), and MMFAR is their lowest address.
 */
__attribute__((naked)) uint32_t task_push_forever(uint32_t unused __attribute__((unused)))
{
	__asm__ volatile("1:\n\tpush {r0-r3}\n\tb 1b");
}

/* Move SP to SP_TOP and take an exception: the core stacks 32 bytes below SP_TOP. */
__attribute__((naked)) uint32_t task_svc_at(uint32_t sp_top __attribute__((unused)))
{
	__asm__ volatile("mov sp, r0\n\tsvc #1\n\tb .");
}

/* Ask the kernel for the return through a bad saved PSP (kernel.c: svc_bad_return). */
uint32_t task_bad_return(uint32_t unused)
{
	(void)unused;
	__asm__ volatile("svc #2" : : : "memory");
	return 0;
}
