/*
 * tests/trace/progs/syscalls.c: N getppid and M failing openat, nothing else of its own.
 * Built static so the count is exactly the kernel's view of this loop plus libc start-up.
 * Usage: syscalls N M
 */
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	long n = argc > 1 ? atol(argv[1]) : 1000, m = argc > 2 ? atol(argv[2]) : 10;

	for (long i = 0; i < n; i++)
		getppid();
	for (long i = 0; i < m; i++)
		if (openat(AT_FDCWD, "/nonexistent/execlab", O_RDONLY) >= 0)
			return 1;
	return 0;
}
