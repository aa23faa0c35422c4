/*
 * tests/trace/progs/dumpio.c: data read and written on known fds through every call kind
 * -e read= and -e write= dump (write, pwrite64, sendto, writev, pwritev, sendmsg, sendmmsg;
 * read, pread64, recvfrom, readv, preadv, recvmsg, recvmmsg): every byte value, buffers
 * shorter and longer than 16 bytes, iovecs cut by the result, a dump longer than strace's
 * 64 KiB fetch, failed calls (a write-side one is dumped, a read-side one is not) and an
 * unreadable buffer. Its fds: 3 and 4 a pipe, 5 and 6 a datagram socketpair, 7 a file.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <unistd.h>

#define BIG 70000

int main(void)
{
	static char big[BIG], in[BIG];
	char bytes[256], a[8], b[32];
	struct iovec iov[3];
	struct msghdr msg = { 0 };
	struct mmsghdr mm[2];
	int p[2], s[2], f;

	for (int i = 0; i < 256; i++)
		bytes[i] = (char)i;
	for (int i = 0; i < BIG; i++)
		big[i] = (char)('a' + i % 26);
	if (pipe(p) || p[0] != 3 || socketpair(AF_UNIX, SOCK_DGRAM, 0, s) || s[0] != 5)
		return 1;
	if ((f = memfd_create("dumpio", 0)) != 7)
		return 1;

	/* write / read: every byte value, then a short read of part of it */
	if (write(4, bytes, sizeof bytes) != sizeof bytes || read(3, in, 100) != 100 ||
	    read(3, in, sizeof in) != 156)
		return 1;
	/* writev / readv: three buffers, read back into buffers of 8 and 32 (cut at 40) */
	iov[0] = (struct iovec){ "hello, ", 7 };
	iov[1] = (struct iovec){ "", 0 };
	iov[2] = (struct iovec){ "world and some more text\n", 25 };
	if (writev(4, iov, 3) != 32)
		return 1;
	iov[0] = (struct iovec){ a, sizeof a };
	iov[1] = (struct iovec){ b, sizeof b };
	if (readv(3, iov, 2) != 32)
		return 1;
	/* sendto / recvfrom, sendmsg / recvmsg on the socketpair */
	if (sendto(5, "datagram\0with a NUL", 19, 0, NULL, 0) != 19 ||
	    recvfrom(6, in, sizeof in, 0, NULL, NULL) != 19)
		return 1;
	iov[0] = (struct iovec){ "first ", 6 };
	iov[1] = (struct iovec){ "second", 6 };
	msg.msg_iov = iov;
	msg.msg_iovlen = 2;
	if (sendmsg(5, &msg, 0) != 12)
		return 1;
	iov[0] = (struct iovec){ a, sizeof a };
	iov[1] = (struct iovec){ b, sizeof b };
	if (recvmsg(6, &msg, 0) != 12)
		return 1;
	/* sendmmsg / recvmmsg: two messages */
	memset(mm, 0, sizeof mm);
	iov[0] = (struct iovec){ "one", 3 };
	iov[1] = (struct iovec){ "two!", 4 };
	mm[0].msg_hdr.msg_iov = &iov[0];
	mm[0].msg_hdr.msg_iovlen = 1;
	mm[1].msg_hdr.msg_iov = &iov[1];
	mm[1].msg_hdr.msg_iovlen = 1;
	if (sendmmsg(5, mm, 2, 0) != 2)
		return 1;
	iov[0] = (struct iovec){ a, sizeof a };
	iov[1] = (struct iovec){ b, sizeof b };
	if (recvmmsg(6, mm, 2, MSG_DONTWAIT, NULL) != 2)
		return 1;
	/* pwrite64 / pread64 past one 64 KiB fetch; pwritev / preadv */
	if (pwrite(7, big, BIG, 0) != BIG || pread(7, in, BIG, 0) != BIG)
		return 1;
	iov[0] = (struct iovec){ "at offset 3", 11 };
	iov[1] = (struct iovec){ b, 2 };
	if (pwritev(7, iov, 1, 3) != 11 || preadv(7, iov + 1, 1, 0) != 2)
		return 1;
	/* failures: written bytes are dumped anyway, a failed read's are not */
	if (write(3, "to the read end", 15) != -1 || read(4, in, 10) != -1)
		return 1;
	/* an unreadable buffer: nothing to dump */
	if (syscall(SYS_write, 4, (void *)8, 5) != -1)
		return 1;
	/* fd 1 (the test's /dev/null): on the default sets of neither */
	if (write(1, "to stdout\n", 10) != 10)
		return 1;
	return 0;
}
