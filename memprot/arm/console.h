/*
 * memprot/arm/console.h: the demo's output, over the board's UART0 (an Arm CMSDK APB UART:
 * DATA at +0, STATE at +4 with TXFULL in bit 0, CTRL at +8 with TXEN in bit 0, BAUDDIV at
 * +0x10). QEMU connects UART0 to its first serial port, which -nographic puts on stdout.
 */
#ifndef MEMPROT_ARM_CONSOLE_H
#define MEMPROT_ARM_CONSOLE_H

#include <stdint.h>

void console_init(uintptr_t uart_base);
/* One formatted line or part of one (fmt.h's conversions); '\n' is sent as "\r\n". */
void say(const char *f, ...);

#endif
