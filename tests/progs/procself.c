/*
 * tests/progs/procself.c: what /proc says about this process, as the kernel's exec left
 * it: /proc/self/cmdline (NULs shown as |), /proc/self/comm, and whether brk grows.
 * Run natively and under loader/loader; the two must print the same.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static void show(const char *path)
{
	char buf[4096];
	int fd = open(path, O_RDONLY);
	ssize_t n = fd < 0 ? -1 : read(fd, buf, sizeof buf - 1);

	if (fd >= 0)
		close(fd);
	if (n < 0)
		n = 0;
	for (ssize_t i = 0; i < n; i++)
		if (buf[i] == '\0')
			buf[i] = '|';
	buf[n] = '\0';
	if (n > 0 && buf[n - 1] == '\n')
		buf[n - 1] = '\0';
	printf("%s: %s\n", path, buf);
}

int main(void)
{
	void *start = sbrk(0);

	show("/proc/self/cmdline");
	show("/proc/self/comm");
	printf("brk grows: %s\n", sbrk(65536) == start && sbrk(0) == (char *)start + 65536 ?
	       "yes" : "no");
	return 0;
}
