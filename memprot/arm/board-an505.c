/*
 * memprot/arm/board-an505.c: mps2-an505, a Cortex-M33 with a PMSAv8 MPU, run in the
 * Secure state it starts in (no SAU setup: all memory stays Secure). Its memory map
 * (flash, RAM, UART0 in the Secure alias) is in mps2-an505.ld.
 *
 * PMSAv8 regions must not overlap (an access that hits two faults), so RAM is cut into
 * disjoint regions, and there is no "no access" permission: the guard is the 32 bytes
 * between the task stack and what lies below it, mapped by no region. Any multiple of
 * 32 bytes is a region size.
 */
#include "memprot/arm/board.h"

#include "memprot/arm/layout.h"

static const struct mpu_region regions[] = {
	{ "flash", ADDR(_flash_start), ADDR(_flash_end), ACC_RO, 1, MEM_NORMAL },
	{ "ram", ADDR(_ram_start), ADDR(_secret_end), ACC_PRW, 0, MEM_NORMAL },
	/* PMSAv8 has no "privileged RW, unprivileged RO": the kernel wrote the shared word
	 * before the MPU was on, and nobody writes it after. */
	{ "shared", ADDR(_shared_start), ADDR(_shared_end), ACC_RO, 0, MEM_NORMAL },
	{ "task stack", ADDR(_task_stack_start), ADDR(_task_stack_end), ACC_RW, 0, MEM_NORMAL },
	{ "uart0", ADDR(_uart0), ADDR(_uart0) + 0x1000, ACC_PRW, 0, MEM_DEVICE },
};

const struct board board = {
	.machine = "mps2-an505",
	.cpu = "Cortex-M33",
	.arch = &pmsav8,
	.uart = ADDR(_uart0),
	.regions = regions,
	.nregions = sizeof regions / sizeof regions[0],
};
