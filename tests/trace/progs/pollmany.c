/*
 * tests/trace/progs/pollmany.c: one poll(2) of N entries (default 64), all on /dev/null and
 * all ready at once: a line of several thousand characters under trace.
 * Usage: pollmany [N]
 */
#include <fcntl.h>
#include <poll.h>
#include <stdlib.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	int n = argc > 1 ? atoi(argv[1]) : 64, fd = open("/dev/null", O_RDONLY);
	struct pollfd *f = calloc(n > 0 ? n : 1, sizeof(*f));

	if (fd < 0 || !f || n <= 0)
		return 2;
	for (int i = 0; i < n; i++)
		f[i] = (struct pollfd){ .fd = fd, .events = POLLIN | POLLOUT };
	return poll(f, n, 0) == n ? 0 : 1;
}
