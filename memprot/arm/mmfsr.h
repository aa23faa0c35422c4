/*
 * memprot/arm/mmfsr.h: the MemManage Fault Status Register (CFSR bits 7:0), decoded; pure.
 * The same bits on ARMv7-M and ARMv8-M:
 *   0 IACCVIOL   an instruction fetch the MPU refused (XN, or no execute access); MMFAR
 *                is not valid, the stacked PC is the address
 *   1 DACCVIOL   a load or store the MPU refused; MMFAR holds the address
 *   3 MUNSTKERR  unstacking on exception return faulted
 *   4 MSTKERR    stacking on exception entry faulted
 *   5 MLSPERR    lazy floating-point state preservation faulted (cores with an FPU)
 *   7 MMARVALID  MMFAR holds the faulting address
 */
#ifndef MEMPROT_ARM_MMFSR_H
#define MEMPROT_ARM_MMFSR_H

#include <stddef.h>
#include <stdint.h>

#define MMFSR_IACCVIOL  (1u << 0)
#define MMFSR_DACCVIOL  (1u << 1)
#define MMFSR_MUNSTKERR (1u << 3)
#define MMFSR_MSTKERR   (1u << 4)
#define MMFSR_MLSPERR   (1u << 5)
#define MMFSR_MMARVALID (1u << 7)

/* The names of the set bits, space-separated ("DACCVIOL MMARVALID"), an unnamed bit as
 * "bit2"; "none" for 0. Returns the length the names needed (as fmt). */
size_t mmfsr_names(uint32_t mmfsr, char *buf, size_t size);

#endif
