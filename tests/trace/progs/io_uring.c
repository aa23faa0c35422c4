/*
 * tests/trace/progs/io_uring.c: io_uring calls whose lines trace must print as strace does:
 * io_uring_setup's parameters and what the kernel fills in, io_uring_enter, and
 * io_uring_register's opcodes with the arguments strace decodes. Exits 77 when the kernel
 * refuses io_uring_setup (io_uring disabled).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <unistd.h>
#include <linux/io_uring.h>

/* (an opcode and a setup flag no kernel defines) */
#define REGISTER_UNKNOWN 200
#define SETUP_UNKNOWN (1U << 31)

int main(void)
{
	struct io_uring_params p;
	struct io_uring_files_update up;
	struct iovec iov;
	char buf[64];
	sigset_t mask;
	int fd, files[2], efd;

	memset(&p, 0, sizeof p);
	fd = syscall(SYS_io_uring_setup, 4, &p);
	if (fd < 0)
		return errno == ENOSYS || errno == EPERM ? 77 : 1;
	memset(&p, 0, sizeof p);
	p.flags = SETUP_UNKNOWN;
	syscall(SYS_io_uring_setup, 4, &p);			/* EINVAL */
	memset(&p, 0, sizeof p);
	p.resv[1] = 1;
	syscall(SYS_io_uring_setup, 4, &p);			/* EINVAL */
	syscall(SYS_io_uring_setup, 4, NULL);			/* EFAULT */

	syscall(SYS_io_uring_enter, fd, 0, 0, 0, NULL, 0);
	sigemptyset(&mask);
	sigaddset(&mask, SIGUSR2);
	syscall(SYS_io_uring_enter, fd, 0, 0, IORING_ENTER_GETEVENTS, &mask, 8);
	syscall(SYS_io_uring_enter, fd, 1, 0, 0, NULL, 0);

	iov.iov_base = buf;
	iov.iov_len = sizeof buf;
	syscall(SYS_io_uring_register, fd, IORING_REGISTER_BUFFERS, &iov, 1);
	syscall(SYS_io_uring_register, fd, IORING_UNREGISTER_BUFFERS, NULL, 0);
	files[0] = 0;
	files[1] = -1;
	syscall(SYS_io_uring_register, fd, IORING_REGISTER_FILES, files, 2);
	files[0] = IORING_REGISTER_FILES_SKIP;
	files[1] = 1;
	memset(&up, 0, sizeof up);
	up.fds = (unsigned long)files;
	syscall(SYS_io_uring_register, fd, IORING_REGISTER_FILES_UPDATE, &up, 2);
	syscall(SYS_io_uring_register, fd, IORING_UNREGISTER_FILES, NULL, 0);
	efd = eventfd(0, 0);
	syscall(SYS_io_uring_register, fd, IORING_REGISTER_EVENTFD, &efd, 1);
	syscall(SYS_io_uring_register, fd, IORING_UNREGISTER_EVENTFD, NULL, 0);
	syscall(SYS_io_uring_register, fd, IORING_REGISTER_EVENTFD_ASYNC, &efd, 1);
	syscall(SYS_io_uring_register, fd, REGISTER_UNKNOWN, NULL, 0);	/* EINVAL */
	close(fd);
	return 0;
}
