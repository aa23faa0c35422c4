/*
 * tests/progs/linked-at.c: a freestanding program that tests link at an address chosen
 * at test time (-Wl,-Ttext-segment=ADDR, non-PIE, so an ET_EXEC that must sit exactly
 * there). It prints where it is, its argv, whether its .data and .bss are as linked, and
 * exits with N when argv[1] is --exit=N; natively and under loader/loader the two runs
 * must print the same and exit the same. Raw system calls only (no libc), and compiled
 * -fPIE, so nothing in it cares how high ADDR is.
 */
static long sys3(long n, long a, long b, long c)
{
	long r;

	__asm__ volatile("syscall" : "=a"(r) : "a"(n), "D"(a), "S"(b), "d"(c)
			 : "rcx", "r11", "memory");
	return r;
}

static char out[8192];
static unsigned long len;
static int data_word = 42;
static char bss[3 * 4096 + 17];

static void put(const char *s)
{
	while (*s && len < sizeof out)
		out[len++] = *s++;
}

static void put_num(unsigned long v, unsigned base)
{
	char b[24];
	int i = 23;

	b[i] = 0;
	do {
		b[--i] = "0123456789abcdef"[v % base];
		v /= base;
	} while (v);
	put(b + i);
}

void linked_at_main(long *sp) __attribute__((noreturn, used));
void linked_at_main(long *sp)
{
	long argc = sp[0];
	char **argv = (char **)(sp + 1);
	unsigned long nonzero = 0, status = 0;

	put("text at 0x");
	put_num((unsigned long)&linked_at_main, 16);
	put("\nargc ");
	put_num((unsigned long)argc, 10);
	put("\n");
	for (long i = 0; i < argc; i++) {
		put("argv[");
		put_num((unsigned long)i, 10);
		put("] ");
		put(argv[i]);
		put("\n");
	}
	for (unsigned long i = 0; i < sizeof bss; i++)
		nonzero += bss[i] != 0;
	put(data_word == 42 ? "data ok\n" : "data changed\n");
	put(nonzero ? "bss not zero\n" : "bss zero\n");
	if (argc > 1) {
		const char *a = argv[1], *p = "--exit=";

		while (*p && *a == *p)
			a++, p++;
		if (!*p)
			while (*a >= '0' && *a <= '9')
				status = status * 10 + (unsigned long)(*a++ - '0');
	}
	sys3(1 /* write */, 1, (long)out, (long)len);
	sys3(231 /* exit_group */, (long)status, 0, 0);
	__builtin_unreachable();
}

/* The kernel's %rsp points at argc; a C function wants %rsp % 16 == 8 on entry. */
__asm__(".text\n.globl _start\n.type _start, @function\n_start:\n"
	"\txor %ebp, %ebp\n\tmov %rsp, %rdi\n\tand $-16, %rsp\n\tcall linked_at_main\n\thlt\n");
