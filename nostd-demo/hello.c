/*
 * nostd-demo/hello.c: the smallest useful program, built four ways (freestanding, glibc
 * dynamic, glibc static, musl static) so `trace -c` can show what each libc adds.
 * Freestanding, it makes exactly two system calls: write and exit.
 */
#include "nostd-demo/hello_compat.h"

static const char message[] = "hello, world\n";

int main(void)
{
	return write(1, message, sizeof message - 1) == sizeof message - 1 ? 0 : 1;
}
