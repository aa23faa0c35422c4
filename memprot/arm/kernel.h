/*
 * memprot/arm/kernel.h: the demo's tiny kernel. It runs privileged in thread mode on the
 * main stack (MSP) and runs a task unprivileged (CONTROL.nPRIV = 1) on its own stack (PSP).
 * The MemManage handler records each fault, then continues:
 *   - a fault of the kernel's own code: past the faulting instruction (a data access),
 *     or back to the caller (an instruction fetch: there is no instruction to skip);
 *   - a fault of a task: the task is killed, and the kernel resumes where it started the
 *     task, as a process killed by a signal returns its parent from wait().
 */
#ifndef MEMPROT_ARM_KERNEL_H
#define MEMPROT_ARM_KERNEL_H

#include <stdint.h>

enum fault_action { FAULT_SKIPPED = 1, FAULT_RETURNED, FAULT_TASK_KILLED };

struct fault {
	uint32_t count;		/* MemManage faults taken so far */
	uint32_t mmfsr;		/* MMFSR as the handler found it */
	uint32_t mmfar;		/* meaningful when MMFSR.MMARVALID is set */
	uint32_t pc;		/* stacked PC, when pc_valid */
	int pc_valid;		/* 0 after a stacking fault: there is no valid frame */
	enum fault_action action;
};
extern volatile struct fault last_fault;

/* Enable the MemManage, BusFault and UsageFault exceptions (else they escalate to
 * HardFault), so that each reports its own status. */
void kernel_init(void);

/* Run ENTRY(ARG) unprivileged on the task stack; the task ends by returning (its result
 * is returned), by `svc 0` with the result in r0, or killed by a fault (last_fault.count
 * grows). switch.S. */
uint32_t run_task(uint32_t (*entry)(uint32_t), uint32_t arg);

/* The SVC numbers a task may use. */
enum { SVC_EXIT = 0, SVC_YIELD = 1, SVC_BAD_RETURN = 2 };

/* Exception entries (switch.S) and handlers. */
void memmanage_entry(void);
void svc_entry(void);
void fatal_exception(void);

/* Leave QEMU with STATUS (semihosting). */
__attribute__((noreturn)) void kernel_exit(uint32_t status);

#endif
