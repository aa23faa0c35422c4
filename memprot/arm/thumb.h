/*
 * memprot/arm/thumb.h: the size of a Thumb instruction from its first halfword; pure.
 * A halfword whose top five bits are 0b11101, 0b11110 or 0b11111 starts a 32-bit Thumb-2
 * instruction; any other is a whole 16-bit one (ARMv7-M ARM, A5.1).
 */
#ifndef MEMPROT_ARM_THUMB_H
#define MEMPROT_ARM_THUMB_H

#include <stdint.h>

static inline unsigned thumb_insn_size(uint16_t first)
{
	return (first >> 11) >= 0x1d ? 4 : 2;
}

#endif
