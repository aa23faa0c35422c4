/*
 * tests/progs/asan-frame.c: a heap-buffer-overflow in a function of the program's own,
 * for tests/loader/asan.sh (which builds it with -fsanitize=address when the compiler
 * can). AddressSanitizer's report must name asan_overflow() in frame #0, in the program's
 * own file: the sanitizer finds the program's file through /proc/self/exe.
 */
#include <stdlib.h>

__attribute__((noinline)) int asan_overflow(volatile char *p, int n)
{
	return p[n];	/* one byte past the end */
}

int main(void)
{
	char *p = malloc(8);

	return p ? asan_overflow(p, 8) : 1;
}
