/*
 * loader/read_sysctl.c: the loader's own helper: read a number from a /proc/sys file (the
 * settings the kernel consults while it places an image: vm.mmap_min_addr,
 * vm.mmap_rnd_bits). Three system calls, so callers read one only when they need it.
 */
#include <linux/errno.h>
#include "loader/binprm.h"
#include "loader/sys.h"

int read_sysctl(const char *path, unsigned long *value)
{
	char buf[32];
	unsigned long v = 0;
	long fd, n, i;

	fd = sys_openat(AT_FDCWD, path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return (int)fd;
	n = sys_read((int)fd, buf, sizeof buf - 1);
	sys_close((int)fd);
	if (n < 0)
		return (int)n;
	for (i = 0; i < n && buf[i] >= '0' && buf[i] <= '9'; i++)
		v = v * 10 + (unsigned long)(buf[i] - '0');
	if (i == 0)
		return -EINVAL;
	*value = v;
	return 0;
}
