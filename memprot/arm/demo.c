/*
 * memprot/arm/demo.c: the MPU demo's main. Prints the MPU (MPU_TYPE, the regions as read
 * back), then runs the cases: each an access by the kernel (privileged) or by a task
 * (unprivileged), with the MemManage fault it must cause, or none. Exits (semihosting)
 * with the number of cases that went otherwise.
 */
#include <stddef.h>
#include <stdint.h>

#include "memprot/arm/board.h"
#include "memprot/arm/console.h"
#include "memprot/arm/kernel.h"
#include "memprot/arm/layout.h"
#include "memprot/arm/mmfsr.h"
#include "memprot/arm/regs.h"
#include "memprot/arm/tasks.h"

/* The data the cases touch, at fixed addresses (mpu-sections.ld). */
__attribute__((section(".secret"))) uint32_t kernel_secret = 0x5ec2e7u;
__attribute__((section(".shared.word"))) uint32_t shared_word = 0x5eed5eedu;
/* Thumb "bx lr; nop": harmless code, in RAM, which is execute-never. */
__attribute__((section(".shared.code"))) const uint16_t ram_code[2] = { 0x4770, 0xbf00 };

#define SHARED_VALUE 0x5eed5eedu
#define CONTROL_TASK (CONTROL_NPRIV | CONTROL_SPSEL)

enum who { KERNEL, TASK };

struct demo_case {
	const char *what;
	enum who who;
	uint32_t (*run)(uint32_t arg);
	uintptr_t arg;		/* also the address the case prints */
	int show_arg;
	uint8_t want_mmfsr;	/* 0: no fault, and the task returns want_value */
	uintptr_t want_addr;	/* MMFAR with MMARVALID, the stacked PC with IACCVIOL */
	uint32_t want_value;
};

static const struct demo_case cases[] = {
	{ "kernel writes the guard", KERNEL, kernel_write, ADDR(_guard_start), 1,
	  MMFSR_DACCVIOL | MMFSR_MMARVALID, ADDR(_guard_start), 0 },
	{ "kernel writes flash (the vector table)", KERNEL, kernel_write, ADDR(_flash_start), 1,
	  MMFSR_DACCVIOL | MMFSR_MMARVALID, ADDR(_flash_start), 0 },
	{ "task reads CONTROL", TASK, task_control, 0, 0, 0, 0, CONTROL_TASK },
	{ "task reads the shared word", TASK, task_read, ADDR(_shared_start), 1,
	  0, 0, SHARED_VALUE },
	{ "task writes the shared word", TASK, task_write, ADDR(_shared_start), 1,
	  MMFSR_DACCVIOL | MMFSR_MMARVALID, ADDR(_shared_start), 0 },
	{ "task reads the kernel's secret", TASK, task_read, ADDR(_secret_start), 1,
	  MMFSR_DACCVIOL | MMFSR_MMARVALID, ADDR(_secret_start), 0 },
	{ "task writes UART0's data register", TASK, task_write, ADDR(_uart0), 1,
	  MMFSR_DACCVIOL | MMFSR_MMARVALID, ADDR(_uart0), 0 },
	{ "task calls code in RAM", TASK, task_call, ADDR(_shared_start) + 0x80, 1,
	  MMFSR_IACCVIOL, ADDR(_shared_start) + 0x80, 0 },
	/* The push into the guard faults (DACCVIOL, MMFAR); then the core stacks the
	 * MemManage exception's frame on the same PSP, 32 bytes below the stack's bottom,
	 * into the guard again (MSTKERR): an overflowed stack cannot hold the fault's frame. */
	{ "task pushes until its stack overflows", TASK, task_push_forever, 0, 0,
	  MMFSR_DACCVIOL | MMFSR_MSTKERR | MMFSR_MMARVALID, ADDR(_guard_end) - 16, 0 },
	{ "task takes an exception with SP at the guard's top", TASK, task_svc_at,
	  ADDR(_guard_end), 1, MMFSR_MSTKERR, 0, 0 },
	{ "kernel returns to the task through a PSP in the guard", TASK, task_bad_return,
	  0, 0, MMFSR_MUNSTKERR, 0, 0 },
};

static void show_regions(void)
{
	const struct mpu_arch *a = board.arch;
	uint32_t type = MPU_TYPE;

	say("MPU_TYPE %x: DREGION %u regions, %s\n", type, mpu_dregion(),
	    type & 1 ? "separate instruction regions" : "unified");
	for (size_t i = 0; i < board.nregions; i++) {
		struct mpu_regs regs = mpu_read((unsigned)i);
		struct mpu_view v;

		a->decode(regs, &v);
		say("  %u %s RBAR %x %s %x: %x-%x %s, %s, %s\n", (unsigned)i,
		    board.regions[i].name, regs.rbar, a->r2_name, regs.r2, v.base, v.last,
		    v.access, v.exec ? "exec" : "XN", v.memory);
	}
	say("MPU_CTRL %x: ENABLE, PRIVDEFENA clear: no region, no access\n", MPU_CTRL);
}

/* 0 when the case went as expected. */
static int run_case(unsigned n, const struct demo_case *c)
{
	uint32_t before = last_fault.count, value;
	static const char *const actions[] = {
		[FAULT_SKIPPED] = "instruction skipped",
		[FAULT_RETURNED] = "returned to the caller",
		[FAULT_TASK_KILLED] = "task killed",
	};
	char names[64];

	if (c->show_arg)
		say("%u %s %x\n", n, c->what, (uint32_t)c->arg);
	else
		say("%u %s\n", n, c->what);

	value = c->who == KERNEL ? c->run(c->arg) : run_task(c->run, c->arg);

	if (last_fault.count == before) {
		if (c->who == TASK)
			say("  task returned %x\n", value);
		else
			say("  no fault\n");
		if (!c->want_mmfsr && value == c->want_value)
			return 0;
	} else {
		struct fault f = last_fault;

		mmfsr_names(f.mmfsr, names, sizeof names);
		say("  MemManage: MMFSR %b %s", f.mmfsr, names);
		if (f.mmfsr & MMFSR_MMARVALID)
			say(", MMFAR %x", f.mmfar);
		else if (f.pc_valid)
			say(", stacked PC %x", f.pc);
		say("; %s\n", actions[f.action]);
		/* The address is checked where the case names one: MMFAR when MMARVALID is
		 * wanted, the stacked PC for IACCVIOL (0 is a real address: the M3's flash). */
		uint32_t got_addr = f.mmfsr & MMFSR_MMARVALID ? f.mmfar : f.pc_valid ? f.pc : 0;
		int check_addr = c->want_mmfsr & (MMFSR_MMARVALID | MMFSR_IACCVIOL);
		if (f.mmfsr == c->want_mmfsr && (!check_addr || got_addr == c->want_addr))
			return 0;
	}
	say("  UNEXPECTED: wanted ");
	if (c->want_mmfsr)
		say("MMFSR %b at %x\n", c->want_mmfsr, (uint32_t)c->want_addr);
	else
		say("no fault and %x\n", c->want_value);
	return 1;
}

int main(void)
{
	unsigned bad = 0;
	size_t where;
	int err;

	console_init(board.uart);
	kernel_init();
	say("MPU demo: %s, %s on %s\n", board.cpu, board.arch->name, board.machine);
	err = mpu_load(board.arch, board.regions, board.nregions, &where);
	if (err < 0) {
		say("mpu: region %u (%s): %s\n", (unsigned)where,
		    where < board.nregions ? board.regions[where].name : "-", mpu_err_name(err));
		return 254;
	}
	show_regions();
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		bad += run_case((unsigned)i + 1, &cases[i]);
	say("%u of %u cases as expected\n", (unsigned)(sizeof cases / sizeof cases[0]) - bad,
	    (unsigned)(sizeof cases / sizeof cases[0]));
	return (int)bad;
}
