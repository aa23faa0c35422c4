/*
 * tests/progs-k/kstack.c: the tracee of the -k test (tests/progs-k/kstack.sh). Built with
 * -g -O0 -fno-omit-frame-pointer: main() -> kstack_write_hello() -> write(). `trace -k`
 * must name both functions in the stack of that write.
 */
#include <string.h>
#include <unistd.h>

/* noinline and a use of the result: a frame of its own, not a tail call */
__attribute__((noinline)) long kstack_write_hello(void);

__attribute__((noinline)) long kstack_write_hello(void)
{
	static const char msg[] = "hello from kstack\n";
	long n = write(1, msg, strlen(msg));

	return n == (long)strlen(msg) ? 0 : 1;
}

int main(void)
{
	return (int)kstack_write_hello();
}
