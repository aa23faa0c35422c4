/*
 * loader/errstr.c: the glibc strerror() texts for the errno values exec can produce, so
 * that "loader: PROG: Exec format error" reads exactly like a shell's or env(1)'s message.
 * The unit tests compare every entry with the running glibc's strerror().
 * The texts are stored in place (not as pointers) so the table needs no relocation:
 * the loader's self-relocation then has nothing to write, which saves a page fault.
 */
#include <linux/errno.h>
#include <stddef.h>
#include "loader/errstr.h"

static const struct {
	unsigned short err;
	char text[40];
} messages[] = {
	{ EPERM, "Operation not permitted" },
	{ ENOENT, "No such file or directory" },
	{ EINTR, "Interrupted system call" },
	{ EIO, "Input/output error" },
	{ ENXIO, "No such device or address" },
	{ E2BIG, "Argument list too long" },
	{ ENOEXEC, "Exec format error" },
	{ EBADF, "Bad file descriptor" },
	{ EAGAIN, "Resource temporarily unavailable" },
	{ ENOMEM, "Cannot allocate memory" },
	{ EACCES, "Permission denied" },
	{ EFAULT, "Bad address" },
	{ EBUSY, "Device or resource busy" },
	{ EEXIST, "File exists" },
	{ ENODEV, "No such device" },
	{ ENOTDIR, "Not a directory" },
	{ EISDIR, "Is a directory" },
	{ EINVAL, "Invalid argument" },
	{ ENFILE, "Too many open files in system" },
	{ EMFILE, "Too many open files" },
	{ ETXTBSY, "Text file busy" },
	{ EFBIG, "File too large" },
	{ ENOSPC, "No space left on device" },
	{ ESPIPE, "Illegal seek" },
	{ EROFS, "Read-only file system" },
	{ ERANGE, "Numerical result out of range" },
	{ ENAMETOOLONG, "File name too long" },
	{ ENOSYS, "Function not implemented" },
	{ ELOOP, "Too many levels of symbolic links" },
	{ EOVERFLOW, "Value too large for defined data type" },
	{ ELIBBAD, "Accessing a corrupted shared library" },
	{ ESTALE, "Stale file handle" },
	{ ETIMEDOUT, "Connection timed out" },
	{ EOPNOTSUPP, "Operation not supported" },
};

const char *errno_string(int err)
{
	for (size_t i = 0; i < sizeof messages / sizeof messages[0]; i++)
		if (messages[i].err == err)
			return messages[i].text;
	return NULL;
}
