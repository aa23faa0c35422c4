/* memprot/arm/console.c: see console.h. */
#include "memprot/arm/console.h"

#include "memprot/arm/fmt.h"
#include "memprot/arm/regs.h"

#define UART_DATA(b)    REG32((b) + 0x0)
#define UART_STATE(b)   REG32((b) + 0x4)
#define UART_CTRL(b)    REG32((b) + 0x8)
#define UART_BAUDDIV(b) REG32((b) + 0x10)
#define UART_STATE_TXFULL 1u
#define UART_CTRL_TXEN    1u

static uintptr_t uart;

void console_init(uintptr_t uart_base)
{
	uart = uart_base;
	/* 16 is the smallest divider the CMSDK UART accepts; the baud rate means nothing to
	 * QEMU, but a real board would need the right one for its clock. */
	UART_BAUDDIV(uart) = 16;
	UART_CTRL(uart) = UART_CTRL_TXEN;
}

static void put(char c)
{
	while (UART_STATE(uart) & UART_STATE_TXFULL)
		;
	UART_DATA(uart) = (uint8_t)c;
}

void say(const char *f, ...)
{
	char line[160];
	va_list ap;

	va_start(ap, f);
	fmt_v(line, sizeof line, f, ap);
	va_end(ap);
	for (const char *p = line; *p; p++) {
		if (*p == '\n')
			put('\r');
		put(*p);
	}
}
