/*
 * memprot/arm/layout.h: the RAM layout the linker script (mpu-sections.ld) fixes, as C
 * sees it. The addresses are fixed offsets from the board's RAM base, so what the demo
 * prints does not move when its code changes:
 *
 *   RAM + 0x0000  .data, .bss                 kernel only
 *   RAM + 0x4000  main stack (MSP), 4 KB      kernel only
 *   RAM + 0x5000  kernel_secret               kernel only
 *   RAM + 0x5100  shared: a word, and at +0x80 a copy of code   user may read it
 *   RAM + 0x5800  guard, 32 bytes             nobody
 *   RAM + 0x5820  task stack (PSP) up to RAM + 0x6000, 2016 bytes   user read-write
 *
 * Everything in RAM is execute-never. The board's script (mps2-*.ld) adds _uart0.
 */
#ifndef MEMPROT_ARM_LAYOUT_H
#define MEMPROT_ARM_LAYOUT_H

#include <stdint.h>

extern char _flash_start[], _flash_end[];
extern char _ram_start[], _ram_end[];		/* the whole RAM the demo uses */
extern char _kernel_end[];			/* end of .data, .bss and the main stack */
extern char _secret_start[], _secret_end[];
extern char _shared_start[], _shared_end[];
extern char _guard_start[], _guard_end[];
extern char _task_stack_start[], _task_stack_end[];
extern char _uart0[];				/* the board's UART0 (mps2-*.ld) */

extern uint32_t kernel_secret;		/* in _secret_start */
extern uint32_t shared_word;		/* at _shared_start */
extern const uint16_t ram_code[2];	/* at _shared_start + 0x80 */

#define ADDR(sym) ((uintptr_t)(sym))

#endif
