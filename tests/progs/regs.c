/*
 * tests/progs/regs.c: print the CPU state tests/progs/regs-start.S saved at the first
 * instruction, one "name value" per line, no addresses: natively this is what the kernel's
 * start_thread leaves (the x86_64 start_thread()); under loader/loader it must be the same.
 * Freestanding: raw system calls only, so nothing runs before the registers are saved.
 * rflags is split: DF and IF, which matter, and the status bits, which the test reports
 * without requiring them.
 */
#include <stdint.h>

static long sys3(long n, long a, long b, long c)
{
	long r;

	__asm__ volatile("syscall" : "=a"(r) : "a"(n), "D"(a), "S"(b), "d"(c)
			 : "rcx", "r11", "memory");
	return r;
}

static char out[4096];
static int len;

static void put(const char *s)
{
	while (*s && len < (int)sizeof out)
		out[len++] = *s++;
}

static void put_hex(uint64_t v)
{
	char b[19];
	int i = 18;

	b[i] = 0;
	do {
		b[--i] = "0123456789abcdef"[v & 15];
		v >>= 4;
	} while (v);
	b[--i] = 'x';
	b[--i] = '0';
	put(b + i);
}

static void line(const char *name, uint64_t v)
{
	put(name);
	put(" ");
	put_hex(v);
	put("\n");
}

void regs_main(const uint64_t *saved, const uint64_t *sp) __attribute__((noreturn));
void regs_main(const uint64_t *saved, const uint64_t *sp)
{
	static const char *const names[] = { "rax", "rbx", "rcx", "rdx", "rsi", "rdi", "rbp",
		"r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15" };
	uint64_t fsbase = 1, gsbase = 1;

	for (int i = 0; i < 15; i++)
		line(names[i], saved[i]);
	line("rflags.DF", saved[15] >> 10 & 1);
	line("rflags.IF", saved[15] >> 9 & 1);
	line("rflags.status(info)", saved[15] & 0x8d5);
	line("rsp%16", saved[16] % 16);
	line("rsp==&argc", saved[16] == (uint64_t)sp);
	line("argc", sp[0]);
	line("mxcsr", saved[17] & 0xffffffff);
	line("fpucw", saved[18] & 0xffff);
	line("ds", saved[19] & 0xffff);
	line("es", saved[20] & 0xffff);
	line("fs", saved[21] & 0xffff);
	line("gs", saved[22] & 0xffff);
	sys3(158, 0x1003, (long)&fsbase, 0);	/* arch_prctl(ARCH_GET_FS) */
	sys3(158, 0x1004, (long)&gsbase, 0);	/* arch_prctl(ARCH_GET_GS) */
	line("fsbase", fsbase);
	line("gsbase", gsbase);
	sys3(1, 1, (long)out, len);
	for (;;)
		sys3(231, 0, 0, 0);
}
