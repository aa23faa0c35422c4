/* memprot/arm/semihost.c: see semihost.h. */
#include "memprot/arm/semihost.h"

#define SYS_EXIT_EXTENDED            0x20u
#define ADP_STOPPED_APPLICATIONEXIT  0x20026u

void semihost_exit(uint32_t status)
{
	/* SYS_EXIT (0x18) on 32-bit Arm takes the reason alone and QEMU exits 0 for
	 * ApplicationExit; SYS_EXIT_EXTENDED takes a block {reason, subcode} and the
	 * subcode becomes the exit status. */
	uint32_t block[2] = { ADP_STOPPED_APPLICATIONEXIT, status };
	register uint32_t r0 __asm__("r0") = SYS_EXIT_EXTENDED;
	register uint32_t *r1 __asm__("r1") = block;

	__asm__ volatile("bkpt 0xab" : : "r"(r0), "r"(r1) : "memory");
	/* Without a semihosting host BKPT escalates to HardFault instead; never come back. */
	for (;;)
		;
}
