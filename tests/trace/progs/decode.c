/*
 * tests/trace/progs/decode.c: makes the calls whose arguments trace decodes as strace 6.1
 * does, one family per mode, so that tests/trace/decode-*.sh can trace it with both and
 * compare the lines. Every call is harmless: locks on a file of its own, capability
 * queries, ioctls on that file's descriptor, options on sockets of its own, calls that
 * fail on bad arguments.
 * Usage: decode fcntl|prctl|ioctl|sockopt|file|mount (run in a scratch directory;
 * mount only as root in a mount namespace of its own).
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <time.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <signal.h>
#include <sys/sysmacros.h>
#include <linux/capability.h>
#include <linux/netlink.h>
#include <netinet/in.h>
#include <netinet/ip.h>
#include <netinet/tcp.h>
#include <netinet/udp.h>
#include <sched.h>

static int scratch_file(void)
{
	int fd = open("decode.tmp", O_RDWR | O_CREAT | O_TRUNC, 0600);

	if (fd < 0)
		perror("decode.tmp");
	return fd;
}

static int do_fcntl(void)
{
	struct flock fl = { .l_type = F_RDLCK, .l_whence = SEEK_SET, .l_start = 1L << 30,
			    .l_len = 1 };
	int fd = scratch_file();

	if (fd < 0)
		return 1;
	fcntl(fd, F_SETLK, &fl);
	fl.l_type = F_UNLCK;
	fcntl(fd, F_SETLKW, &fl);
	fl = (struct flock){ .l_type = F_RDLCK, .l_whence = SEEK_CUR, .l_start = 128, .l_len = 1 };
	fcntl(fd, F_GETLK, &fl);
	fl = (struct flock){ .l_type = F_WRLCK, .l_whence = SEEK_END, .l_start = -1, .l_len = 0 };
	fcntl(fd, F_OFD_SETLK, &fl);
	fl.l_type = F_UNLCK;
	fcntl(fd, F_OFD_SETLKW, &fl);
	fl = (struct flock){ .l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 0, .l_len = 10 };
	fcntl(fd, F_OFD_GETLK, &fl);
	fl.l_type = 7;		/* no such lock type */
	fcntl(fd, F_SETLK, &fl);
	fcntl(-1, F_SETLK, &fl);		/* EBADF: the struct is still shown */
	fcntl(-1, F_GETLK, &fl);		/* failed: only its address */
	fcntl(fd, F_SETLK, (void *)8);		/* unreadable */
	close(fd);
	return 0;
}

static int do_prctl(void)
{
	prctl(PR_CAPBSET_READ, CAP_MAC_OVERRIDE, 0, 0, 0);
	prctl(PR_CAPBSET_READ, CAP_CHOWN, 0, 0, 0);
	prctl(PR_CAPBSET_READ, 0x30, 0, 0, 0);
	prctl(PR_CAPBSET_DROP, 0x30, 0, 0, 0);	/* EINVAL */
	prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_IS_SET, CAP_NET_RAW, 0, 0);
	prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_LOWER, CAP_SYS_ADMIN, 0, 0);
	prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_RAISE, 0x30, 0, 0);	/* EINVAL */
	prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0);
	prctl(PR_CAP_AMBIENT, 9, 1, 2, 3);	/* EINVAL */
	return 0;
}

static int do_ioctl(void)
{
	int fd = scratch_file();

	if (fd < 0)
		return 1;
	ioctl(fd, FIOCLEX);
	ioctl(fd, FIONCLEX);
	ioctl(fd, TIOCEXCL);		/* ENOTTY, as the rest */
	ioctl(fd, TIOCNXCL);
	ioctl(fd, TIOCNOTTY);
	ioctl(fd, TIOCCONS);
	ioctl(fd, TIOCSBRK);
	ioctl(fd, TIOCCBRK);
	ioctl(fd, TIOCVHANGUP);
	ioctl(fd, TIOCSCTTY, 1);
	ioctl(fd, TIOCSCTTY, -1);
	ioctl(fd, TCSBRK, 0);
	ioctl(fd, TCSBRKP, 5);
	close(fd);
	return 0;
}

static void sockopt_int(int fd, int level, int name, int value)
{
	socklen_t len = sizeof value;

	setsockopt(fd, level, name, &value, sizeof value);
	getsockopt(fd, level, name, &value, &len);
}

static int do_sockopt(void)
{
	struct sockaddr_nl nl = { .nl_family = AF_NETLINK };
	socklen_t len = sizeof nl;
	int tcp = socket(AF_INET, SOCK_STREAM, 0);
	int udp = socket(AF_INET6, SOCK_DGRAM, 0);
	int nls = socket(AF_NETLINK, SOCK_RAW, NETLINK_ROUTE);

	if (tcp < 0 || nls < 0)
		return 1;
	sockopt_int(tcp, SOL_TCP, TCP_NODELAY, 1);
	sockopt_int(tcp, SOL_TCP, TCP_KEEPIDLE, 60);
	sockopt_int(tcp, SOL_TCP, TCP_USER_TIMEOUT, 1000);
	sockopt_int(tcp, SOL_TCP, 99, 1);		/* ENOPROTOOPT */
	sockopt_int(tcp, SOL_IP, IP_TOS, 0x10);
	sockopt_int(tcp, SOL_IP, IP_TTL, 64);
	sockopt_int(tcp, SOL_IP, IP_BIND_ADDRESS_NO_PORT, 1);
	if (udp >= 0) {
		sockopt_int(udp, SOL_IPV6, IPV6_V6ONLY, 1);
		sockopt_int(udp, SOL_IPV6, IPV6_RECVPKTINFO, 1);
		sockopt_int(udp, SOL_UDP, UDP_CORK, 0);
		sockopt_int(udp, SOL_UDP, UDP_GRO, 1);
	}
	sockopt_int(nls, SOL_NETLINK, NETLINK_EXT_ACK, 1);
	sockopt_int(nls, SOL_NETLINK, NETLINK_GET_STRICT_CHK, 1);
	sockopt_int(nls, SOL_NETLINK, NETLINK_NO_ENOBUFS, 1);
	sockopt_int(nls, SOL_NETLINK, NETLINK_PKTINFO, 0);
	sockopt_int(nls, SOL_NETLINK, 99, 0);		/* ENOPROTOOPT */
	sockopt_int(tcp, 999, 1, 0);			/* no such level */
	/*
	 * Autobound netlink port ids: the first is the process id, the next the kernel's
	 * negative numbers, printed signed as strace does.
	 */
	if (bind(nls, (struct sockaddr *)&nl, sizeof nl) == 0)
		getsockname(nls, (struct sockaddr *)&nl, &len);
	nls = socket(AF_NETLINK, SOCK_RAW, NETLINK_ROUTE);
	nl.nl_pid = 0;
	if (nls >= 0 && bind(nls, (struct sockaddr *)&nl, sizeof nl) == 0)
		getsockname(nls, (struct sockaddr *)&nl, &len);
	return 0;
}

static int do_file(void)
{
	struct timespec ts[2] = { { .tv_nsec = UTIME_OMIT }, { 0, 0 } };
	int fd = scratch_file();
	mode_t old;

	if (fd < 0)
		return 1;
	old = umask(022);
	umask(old);
	umask(0);
	umask(old);
	syscall(SYS_utimensat, fd, NULL, ts, 0);	/* glibc refuses a NULL path */
	ts[0].tv_nsec = UTIME_NOW;
	ts[1].tv_nsec = UTIME_OMIT;
	utimensat(AT_FDCWD, "decode.tmp", ts, AT_SYMLINK_NOFOLLOW);
	ts[0] = (struct timespec){ 1, 2 };
	ts[1].tv_nsec = UTIME_NOW;
	utimensat(AT_FDCWD, "decode.tmp", ts, 0);
	ts[0] = (struct timespec){ 86400, 0 };
	utimensat(AT_FDCWD, "decode.tmp", ts, 0);
	utimensat(AT_FDCWD, "decode.tmp", NULL, 0);
	mknodat(AT_FDCWD, "decode.fifo", S_IFIFO | 0600, 0);
	mknodat(AT_FDCWD, "decode.chr", S_IFCHR | 0600, makedev(1, 3));	/* EPERM unless root */
	mknodat(fd, "decode.blk", S_IFBLK | 04755, makedev(259, 70000));	/* ENOTDIR */
	mknodat(AT_FDCWD, "decode.reg", S_IFREG, 0);
	mknodat(AT_FDCWD, "decode.sock", 0777, 0);	/* no type: a regular file */
	unlink("decode.fifo");
	unlink("decode.chr");
	unlink("decode.reg");
	unlink("decode.sock");
	close(fd);
	return 0;
}

static int do_mount(void)
{
	/* Never a mount outside a namespace of its own. */
	if (unshare(CLONE_NEWNS | CLONE_NEWUTS) < 0)
		return 1;
	unshare(0x4);				/* EINVAL: no such flag */
	mount("none", "/", NULL, MS_REC | MS_PRIVATE, NULL);
	mkdir("decode.mnt", 0700);
	mount("proc", "decode.mnt", "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC, NULL);
	umount2("decode.mnt", 0);
	mount("tmpfs", "decode.mnt", "tmpfs", MS_RDONLY | MS_NOATIME, "size=1m,mode=700");
	mount(NULL, "decode.mnt", NULL, MS_REMOUNT | MS_BIND | MS_RDONLY, NULL);
	umount2("decode.mnt", MNT_DETACH | UMOUNT_NOFOLLOW);
	umount2("decode.mnt", MNT_FORCE | MNT_EXPIRE);	/* EINVAL */
	umount2("decode.mnt", 0x100);		/* EINVAL: no such flag */
	mount("decode.tmp", "decode.mnt", NULL, MS_BIND, NULL);
	mount(NULL, "decode.mnt", NULL, MS_MGC_VAL | MS_SHARED, NULL);
	mount("none", "decode.mnt", "tmpfs", MS_MGC_VAL, NULL);
	mount(NULL, "decode.mnt", NULL, MS_MGC_VAL | MS_REMOUNT | MS_RDONLY, NULL);
	umount2("decode.mnt", 0);
	rmdir("decode.mnt");
	return 0;
}

/*
 * waitid with each id type (P_PID, P_ALL, P_PGID, P_PIDFD), a child that exited and one
 * killed, WNOHANG finding nothing ("{}"), rusage, and bad arguments. The raw syscall: the
 * kernel's fifth argument (rusage) is not glibc's.
 */
static int do_waitid(void)
{
	siginfo_t si;
	struct rusage ru;
	pid_t pid;
	int fd;

	pid = fork();
	if (pid == 0)
		_exit(3);
	if (pid < 0)
		return 1;
	syscall(SYS_waitid, P_PID, pid, &si, WEXITED | WNOWAIT, NULL);
	syscall(SYS_waitid, P_PID, pid, &si, WEXITED, &ru);
	syscall(SYS_waitid, P_ALL, 0, &si, WEXITED | WNOHANG, NULL);
	pid = fork();
	if (pid == 0) {
		pause();
		_exit(0);
	}
	if (pid < 0)
		return 1;
	syscall(SYS_waitid, P_ALL, 0, &si, WEXITED | WSTOPPED | WCONTINUED | WNOHANG, NULL);
	fd = (int)syscall(SYS_pidfd_open, pid, 0);
	kill(pid, SIGKILL);
	if (fd >= 0)
		syscall(SYS_waitid, P_PIDFD, fd, &si, WEXITED | __WALL, &ru);
	else
		waitpid(pid, NULL, 0);
	syscall(SYS_waitid, P_PGID, 0, &si, WEXITED, NULL);
	syscall(SYS_waitid, 77, 0, NULL, __WCLONE, NULL);
	syscall(SYS_waitid, P_PID, 1, (void *)1, WEXITED, (void *)1);
	return 0;
}

/*
 * sendmmsg and recvmmsg: two datagrams sent, read into three messages with a timeout (the
 * time left as the result's comment), then none left (EAGAIN); an empty vector, an
 * unreadable one, a bad fd (the messages printed as sent).
 */
static int do_mmsg(void)
{
	struct mmsghdr mm[3];
	struct iovec iov[3];
	struct timespec ts = { 1, 500 };
	char a[8], b[8], c[8];
	int s[2];

	if (socketpair(AF_UNIX, SOCK_DGRAM, 0, s))
		return 1;
	memset(mm, 0, sizeof mm);
	iov[0] = (struct iovec){ "one", 3 };
	iov[1] = (struct iovec){ "two!", 4 };
	mm[0].msg_hdr.msg_iov = &iov[0];
	mm[0].msg_hdr.msg_iovlen = 1;
	mm[1].msg_hdr.msg_iov = &iov[1];
	mm[1].msg_hdr.msg_iovlen = 1;
	if (sendmmsg(s[0], mm, 2, MSG_DONTWAIT) != 2)
		return 1;
	memset(mm, 0, sizeof mm);
	iov[0] = (struct iovec){ a, sizeof a };
	iov[1] = (struct iovec){ b, sizeof b };
	iov[2] = (struct iovec){ c, sizeof c };
	for (int i = 0; i < 3; i++) {
		mm[i].msg_hdr.msg_iov = &iov[i];
		mm[i].msg_hdr.msg_iovlen = 1;
	}
	if (recvmmsg(s[1], mm, 3, MSG_DONTWAIT, &ts) != 2)
		return 1;
	recvmmsg(s[1], mm, 3, MSG_DONTWAIT, NULL);
	sendmmsg(s[0], mm, 0, 0);
	sendmmsg(s[0], (void *)1, 2, 0);
	recvmmsg(s[1], (void *)1, 2, 0, (void *)1);
	memcpy(a, "bad fd\0", 8);
	sendmmsg(99, mm, 1, MSG_NOSIGNAL);
	return 0;
}

int main(int argc, char **argv)
{
	static const struct { const char *name; int (*run)(void); } modes[] = {
		{ "fcntl", do_fcntl }, { "prctl", do_prctl }, { "ioctl", do_ioctl },
		{ "sockopt", do_sockopt }, { "file", do_file }, { "mount", do_mount },
		{ "waitid", do_waitid }, { "mmsg", do_mmsg },
	};

	for (size_t i = 0; argc == 2 && i < sizeof modes / sizeof modes[0]; i++)
		if (strcmp(argv[1], modes[i].name) == 0)
			return modes[i].run();
	fprintf(stderr, "usage: decode fcntl|prctl|ioctl|sockopt|file|mount|waitid|mmsg\n");
	return 2;
}
