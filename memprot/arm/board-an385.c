/*
 * memprot/arm/board-an385.c: mps2-an385, a Cortex-M3 with a PMSAv7 MPU. Its memory map
 * (flash, RAM, UART0) is in mps2-an385.ld.
 *
 * PMSAv7 lets regions overlap, the highest number winning: RAM as a whole is kernel-only
 * (region 1), and later regions open windows in it for the task (2, 3) or close one
 * completely (4, the guard, over the bottom of the task stack's region). Every size is a
 * power of two and every base a multiple of it.
 */
#include "memprot/arm/board.h"

#include "memprot/arm/layout.h"

static const struct mpu_region regions[] = {
	{ "flash", ADDR(_flash_start), ADDR(_flash_end), ACC_RO, 1, MEM_NORMAL },
	{ "ram", ADDR(_ram_start), ADDR(_ram_end), ACC_PRW, 0, MEM_NORMAL },
	{ "shared", ADDR(_shared_start), ADDR(_shared_end), ACC_PRW_URO, 0, MEM_NORMAL },
	/* 2 KB at RAM + 0x5800: the 32-byte guard below takes its first 32 bytes. */
	{ "task stack", ADDR(_guard_start), ADDR(_task_stack_end), ACC_RW, 0, MEM_NORMAL },
	{ "guard", ADDR(_guard_start), ADDR(_guard_end), ACC_NONE, 0, MEM_NORMAL },
	{ "uart0", ADDR(_uart0), ADDR(_uart0) + 0x1000, ACC_PRW, 0, MEM_DEVICE },
};

const struct board board = {
	.machine = "mps2-an385",
	.cpu = "Cortex-M3",
	.arch = &pmsav7,
	.uart = ADDR(_uart0),
	.regions = regions,
	.nregions = sizeof regions / sizeof regions[0],
};
