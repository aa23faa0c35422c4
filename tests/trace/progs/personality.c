/*
 * tests/trace/progs/personality.c: personality(2) with every shape of argument strace names
 * differently: the query 0xffffffff, a type alone, a type with flags, an unknown type,
 * unknown flag bits, every bit, and a value above 32 bits (the kernel takes an unsigned
 * int). Each call returns the persona set by the one before; it ends where it started.
 */
#include <sys/personality.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(void)
{
	static const unsigned long personas[] = {
		0xffffffff, ADDR_NO_RANDOMIZE, PER_LINUX32,
		PER_LINUX32 | ADDR_NO_RANDOMIZE | READ_IMPLIES_EXEC, 0x55, 0x10000000 | UNAME26,
		0xffffffff, 0x7fffffff, PER_LINUX, 0x100000000ul | ADDR_NO_RANDOMIZE, 0xffffffff,
	};
	unsigned long start = (unsigned long)syscall(SYS_personality, 0xffffffffUL);

	for (unsigned i = 0; i < sizeof personas / sizeof *personas; i++)
		syscall(SYS_personality, personas[i]);
	syscall(SYS_personality, start);
	return 0;
}
