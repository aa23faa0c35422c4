/*
 * memprot/arm/regs.h: the System Control Space registers the MPU demo touches. They sit at
 * the same addresses on ARMv7-M (Cortex-M3) and ARMv8-M (Cortex-M33); on the M33 a Secure
 * program sees the Secure bank of the banked ones (MPU, CFSR, MMFAR, SHCSR, CONTROL).
 */
#ifndef MEMPROT_ARM_REGS_H
#define MEMPROT_ARM_REGS_H

#include <stdint.h>

#define REG32(addr) (*(volatile uint32_t *)(uintptr_t)(addr))

#define SCB_ICSR   REG32(0xe000ed04u)
#define SCB_CCR    REG32(0xe000ed14u)
#define SCB_SHCSR  REG32(0xe000ed24u)
#define SCB_CFSR   REG32(0xe000ed28u)	/* MMFSR is its low byte, BFSR the next, UFSR the top half */
#define SCB_HFSR   REG32(0xe000ed2cu)
#define SCB_MMFAR  REG32(0xe000ed34u)
#define SCB_BFAR   REG32(0xe000ed38u)

#define SHCSR_SVCALLPENDED (1u << 15)
#define SHCSR_MEMFAULTENA  (1u << 16)
#define SHCSR_BUSFAULTENA  (1u << 17)
#define SHCSR_USGFAULTENA  (1u << 18)

#define MPU_TYPE   REG32(0xe000ed90u)
#define MPU_CTRL   REG32(0xe000ed94u)
#define MPU_RNR    REG32(0xe000ed98u)
#define MPU_RBAR   REG32(0xe000ed9cu)
#define MPU_RASR   REG32(0xe000eda0u)	/* PMSAv7: attributes and size */
#define MPU_RLAR   REG32(0xe000eda0u)	/* PMSAv8: the same address holds the limit */
#define MPU_MAIR0  REG32(0xe000edc0u)	/* PMSAv8 only */

#define MPU_CTRL_ENABLE     (1u << 0)
#define MPU_CTRL_HFNMIENA   (1u << 1)
#define MPU_CTRL_PRIVDEFENA (1u << 2)

#define CONTROL_NPRIV (1u << 0)
#define CONTROL_SPSEL (1u << 1)

static inline uint32_t control_read(void)
{
	uint32_t v;
	__asm__ volatile("mrs %0, control" : "=r"(v));
	return v;
}

/* Writing CONTROL changes the privilege or stack of the following instructions; the ISB
 * makes sure none of them was fetched under the old value (ARMv7-M B5.2.3). */
static inline void control_write(uint32_t v)
{
	__asm__ volatile("msr control, %0\n\tisb" : : "r"(v) : "memory");
}

static inline void psp_write(uint32_t v)
{
	__asm__ volatile("msr psp, %0" : : "r"(v) : "memory");
}

/* After reprogramming the MPU: DSB so the writes have completed, ISB so the next
 * instructions are fetched and executed under the new map. */
static inline void mpu_sync(void)
{
	__asm__ volatile("dsb\n\tisb" : : : "memory");
}

#endif
