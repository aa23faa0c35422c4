/*
 * tests/trace/progs/int80.c: N i386 system calls from 64-bit code (int $0x80, getpid is
 * 20 in the i386 table): a tracer must name them with the i386 table, in their own -c
 * table, as strace does (strace issue #103). Usage: int80 N
 */
#include <stdlib.h>

int main(int argc, char **argv)
{
	int n = argc > 1 ? atoi(argv[1]) : 5;

	for (int i = 0; i < n; i++) {
		long r = 20;	/* __NR_getpid in arch/x86/entry/syscalls/syscall_32.tbl */

		__asm__ volatile("int $0x80" : "+a"(r) : : "memory");
		if (r <= 0)
			return 1;
	}
	return 0;
}
