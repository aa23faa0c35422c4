/*
 * memprot/arm/start.c: the vector table and the reset handler of the MPU demo.
 *
 * On reset a Cortex-M loads SP (MSP) from word 0 of the vector table and PC from word 1,
 * the reset vector, so the reset handler is an ordinary C function: the stack already
 * exists. What C still expects is done here before main: initialised data copied from
 * flash to RAM, .bss zeroed. Until then no code may read or write a global.
 */
#include <stdint.h>

#include "memprot/arm/kernel.h"

extern char _msp_top[];
extern uint32_t _data_start[], _data_end[], _data_load[];
extern uint32_t _secret_start[], _secret_data_end[], _secret_load[];
extern uint32_t _shared_start[], _shared_data_end[], _shared_load[];
extern uint32_t _bss_start[], _bss_end[];

int main(void);
__attribute__((noreturn)) void reset_handler(void);

/* The sections whose values the linker put in flash (mpu-sections.ld: AT > FLASH). */
static const struct {
	uint32_t *dst, *end;
	const uint32_t *src;
} copies[] = {
	{ _data_start, _data_end, _data_load },
	{ _secret_start, _secret_data_end, _secret_load },
	{ _shared_start, _shared_data_end, _shared_load },
};

/*
 * Exceptions 1..15 (the demo enables no interrupt, so no IRQ vectors follow). Bit 0 of
 * each handler address is set by the toolchain (Thumb functions), as the core requires.
 * 7 is SecureFault on the M33 and reserved on the M3; 8-10 and 13 are reserved.
 */
__attribute__((section(".vectors"), used))
static void (*const vectors[16])(void) = {
	(void (*)(void))_msp_top,
	reset_handler,
	fatal_exception,	/* NMI */
	fatal_exception,	/* HardFault */
	memmanage_entry,	/* MemManage */
	fatal_exception,	/* BusFault */
	fatal_exception,	/* UsageFault */
	fatal_exception,	/* SecureFault */
	0, 0, 0,
	svc_entry,		/* SVCall */
	fatal_exception,	/* DebugMonitor */
	0,
	fatal_exception,	/* PendSV */
	fatal_exception,	/* SysTick */
};

void reset_handler(void)
{
	for (unsigned i = 0; i < sizeof copies / sizeof copies[0]; i++) {
		const uint32_t *s = copies[i].src;
		for (uint32_t *d = copies[i].dst; d < copies[i].end; )
			*d++ = *s++;
	}
	for (uint32_t *d = _bss_start; d < _bss_end; )
		*d++ = 0;
	kernel_exit(main());
}
