/* bench/open_close.c: N openat+close pairs of /dev/null (default 50000). */
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	long n = argc > 1 ? atol(argv[1]) : 50000;

	for (long i = 0; i < n; i++)
		close(open("/dev/null", O_RDONLY));
	return 0;
}
