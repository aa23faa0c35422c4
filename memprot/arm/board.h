/*
 * memprot/arm/board.h: what differs between the two boards the MPU demo runs on; each
 * board-*.c defines `board` and is linked into that board's program only.
 */
#ifndef MEMPROT_ARM_BOARD_H
#define MEMPROT_ARM_BOARD_H

#include <stddef.h>
#include <stdint.h>

#include "memprot/arm/mpu.h"

struct board {
	const char *machine;	/* QEMU's -machine name */
	const char *cpu;
	const struct mpu_arch *arch;
	uintptr_t uart;		/* UART0, a CMSDK APB UART */
	const struct mpu_region *regions;
	size_t nregions;
};
extern const struct board board;

#endif
