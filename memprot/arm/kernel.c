/* memprot/arm/kernel.c: see kernel.h. */
#include "memprot/arm/kernel.h"

#include "memprot/arm/console.h"
#include "memprot/arm/layout.h"
#include "memprot/arm/mmfsr.h"
#include "memprot/arm/regs.h"
#include "memprot/arm/semihost.h"
#include "memprot/arm/thumb.h"

/* EXC_RETURN, the value LR holds on exception entry: bit 3 set for a return to thread
 * mode, bit 2 set for a return to the process stack (PSP). ARMv7-M and ARMv8-M agree. */
#define EXC_RETURN_THREAD (1u << 3)
#define EXC_RETURN_PSP    (1u << 2)

/* The exception frame the core pushes on entry: r0-r3, r12, lr, pc, xPSR. */
enum { FR_R0, FR_R1, FR_R2, FR_R3, FR_R12, FR_LR, FR_PC, FR_XPSR, FRAME_WORDS };
#define XPSR_T (1u << 24)	/* Thumb state: must be set, Cortex-M has no Arm state */

volatile struct fault last_fault;

/* switch.S: where a task's end resumes the kernel, privileged, in run_task. */
void task_return(void);

void kernel_init(void)
{
	SCB_SHCSR |= SHCSR_MEMFAULTENA | SHCSR_BUSFAULTENA | SHCSR_USGFAULTENA;
	__asm__ volatile("dsb\n\tisb" : : : "memory");
}

void kernel_exit(uint32_t status)
{
	semihost_exit(status);
}

static void fatal(const char *what, uint32_t exc_return)
{
	say("fatal: %s (EXC_RETURN %x, CFSR %x, HFSR %x, MMFAR %x, BFAR %x)\n", what,
	    exc_return, SCB_CFSR, SCB_HFSR, SCB_MMFAR, SCB_BFAR);
	kernel_exit(255);
}

/*
 * End the running task: the exception return goes to task_return, privileged, with
 * RESULT in r0. The frame is built afresh at the top of the task stack rather than edited
 * in place: after a stacking fault the PSP points at no valid frame. 32 bytes below an
 * 8-byte-aligned top keep the frame aligned, as exception return requires; the task stack
 * is writable by the kernel, so building it cannot fault.
 */
static void end_task(uint32_t result)
{
	uint32_t *f = (uint32_t *)(ADDR(_task_stack_end) - 4 * FRAME_WORDS);

	for (int i = 0; i < FRAME_WORDS; i++)
		f[i] = 0;
	f[FR_R0] = result;
	f[FR_PC] = (uint32_t)(uintptr_t)task_return & ~1u;	/* PC without the Thumb bit */
	f[FR_XPSR] = XPSR_T;
	psp_write((uint32_t)(uintptr_t)f);
	/* Handler mode is always privileged; this makes thread mode privileged again from
	 * the exception return on. Only the kernel's handlers do this, and they resume the
	 * kernel's own code, never a place a task chose. */
	control_write(control_read() & ~CONTROL_NPRIV);
}

/* Called by memmanage_entry with the stacked frame and the EXC_RETURN value. */
void memmanage_fault(uint32_t *frame, uint32_t exc_return)
{
	uint32_t mmfsr = SCB_CFSR & 0xff;
	int stacking = mmfsr & (MMFSR_MSTKERR | MMFSR_MUNSTKERR);

	last_fault.count++;
	last_fault.mmfsr = mmfsr;
	last_fault.mmfar = SCB_MMFAR;
	/* The status bits stay set until written with ones; clear them so the next fault
	 * reports only itself. */
	SCB_CFSR = mmfsr;
	/* A stacking fault leaves no valid frame: FRAME points into the region that refused
	 * the stacking, and reading it would fault again, in the handler. */
	last_fault.pc_valid = !stacking;
	last_fault.pc = stacking ? 0 : frame[FR_PC];

	if (!(exc_return & EXC_RETURN_THREAD))
		fatal("MemManage fault in a handler", exc_return);
	if (exc_return & EXC_RETURN_PSP) {
		/* A stacking fault on entry to another exception leaves that exception
		 * pending (QEMU's and the architecture's "overridden exceptions pended"): the
		 * task's SVC would run after this handler, for a task that no longer exists. */
		SCB_SHCSR &= ~SHCSR_SVCALLPENDED;
		end_task(0);
		last_fault.action = FAULT_TASK_KILLED;
		return;
	}
	if (stacking)
		fatal("stacking fault on the main stack", exc_return);
	if (mmfsr & MMFSR_IACCVIOL) {
		/* The fetch of the instruction at PC faulted, so PC is where the kernel
		 * jumped, and LR (a BLX's return address) where it came from. */
		frame[FR_PC] = frame[FR_LR] & ~1u;
		last_fault.action = FAULT_RETURNED;
	} else {
		/* MemManage faults on data are synchronous and precise: the stacked PC is the
		 * faulting instruction, which has had no effect; step over it. */
		frame[FR_PC] += thumb_insn_size(*(const uint16_t *)(uintptr_t)frame[FR_PC]);
		last_fault.action = FAULT_SKIPPED;
	}
}

static void svc_exit(uint32_t *frame)
{
	end_task(frame[FR_R0]);
}

static void svc_yield(uint32_t *frame)
{
	(void)frame;
}

/* A kernel bug on purpose: return to the task through a saved PSP that points into the
 * guard, as a kernel restoring a corrupt task context would. Unstacking faults. */
static void svc_bad_return(uint32_t *frame)
{
	(void)frame;
	psp_write(ADDR(_guard_start));
}

static void (*const svc_calls[])(uint32_t *frame) = {
	[SVC_EXIT] = svc_exit,
	[SVC_YIELD] = svc_yield,
	[SVC_BAD_RETURN] = svc_bad_return,
};

/* Called by svc_entry with the stacked frame and the EXC_RETURN value. */
void svc_call(uint32_t *frame, uint32_t exc_return)
{
	/* The stacked PC is the instruction after the 16-bit SVC, whose low byte is the
	 * SVC number. */
	uint8_t n = *(const uint8_t *)(uintptr_t)(frame[FR_PC] - 2);

	if ((exc_return & (EXC_RETURN_THREAD | EXC_RETURN_PSP)) != (EXC_RETURN_THREAD | EXC_RETURN_PSP))
		fatal("SVC from the kernel", exc_return);
	if (n >= sizeof svc_calls / sizeof svc_calls[0]) {
		end_task(0xffffffffu);	/* an unknown call kills the task */
		return;
	}
	svc_calls[n](frame);
}

void fatal_exception(void)
{
	static const char *const names[16] = {
		[2] = "NMI", [3] = "HardFault", [4] = "MemManage", [5] = "BusFault",
		[6] = "UsageFault", [7] = "SecureFault", [11] = "SVCall",
		[12] = "DebugMonitor", [14] = "PendSV", [15] = "SysTick",
	};
	uint32_t ipsr, lr;

	__asm__ volatile("mrs %0, ipsr\n\tmov %1, lr" : "=r"(ipsr), "=r"(lr));
	ipsr &= 0x1ff;
	fatal(ipsr < 16 && names[ipsr] ? names[ipsr] : "unexpected exception", lr);
}
