/*
 * tests/trace/progs/fdnames.c: a tracee whose fds are of every kind -y and -yy name (a
 * file (also mapped and duplicated), a device, a pipe, an eventfd, unix, TCP, UDP and netlink sockets), each written to once,
 * and strings that -x and -xx print in hex (non-ASCII bytes, control bytes, plain text).
 * Run in an empty directory: it binds the unix socket "sock" there. It closes every fd above 2
 * first, so the fd numbers the tests expect do not depend on what its caller left open.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <fcntl.h>
#include <linux/netlink.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

static void put(int fd, const char *s, size_t n)
{
	if (write(fd, s, n) < 0)
		perror("write");
}

int main(void)
{
	static const char utf8[] = "caf\xc3\xa9\n", ctrl[] = "bell\a\n", text[] = "tab\there\n";
	struct sockaddr_in in = { .sin_family = AF_INET };
	struct sockaddr_un un = { .sun_family = AF_UNIX };
	struct sockaddr_nl nl = { .nl_family = AF_NETLINK };
	socklen_t len = sizeof in;
	int file, null, pfd[2], efd, pair[2], named, lis, cli, acc, udp, route;
	char buf[4];
	void *map;

	/* close_range is Linux 5.9; older kernels get the same result one close at a time. */
	if (close_range(3, ~0U, 0) < 0)
		for (int fd = 3; fd < 1024; fd++)
			close(fd);
	file = openat(AT_FDCWD, "/etc/passwd", O_RDONLY);
	if (file < 0 || read(file, buf, sizeof buf) < 0)
		return 1;
	map = mmap(NULL, sizeof buf, PROT_READ, MAP_PRIVATE, file, 0);
	if (map == MAP_FAILED || fcntl(file, F_DUPFD_CLOEXEC, 20) < 0)
		return 1;
	null = open("/dev/null", O_WRONLY);
	put(null, utf8, sizeof utf8 - 1);
	put(null, ctrl, sizeof ctrl - 1);
	put(null, text, sizeof text - 1);
	if (pipe(pfd) < 0)
		return 1;
	put(pfd[1], "p", 1);
	efd = eventfd(0, 0);
	put(efd, "\1\0\0\0\0\0\0\0", 8);
	if (socketpair(AF_UNIX, SOCK_STREAM, 0, pair) < 0)
		return 1;
	put(pair[0], "u", 1);
	named = socket(AF_UNIX, SOCK_DGRAM, 0);
	strcpy(un.sun_path, "sock");
	if (bind(named, (struct sockaddr *)&un, sizeof un) < 0)
		return 1;
	lis = socket(AF_INET, SOCK_STREAM, 0);
	in.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (bind(lis, (struct sockaddr *)&in, sizeof in) < 0 || listen(lis, 1) < 0 ||
	    getsockname(lis, (struct sockaddr *)&in, &len) < 0)
		return 1;
	cli = socket(AF_INET, SOCK_STREAM, 0);
	if (connect(cli, (struct sockaddr *)&in, sizeof in) < 0)
		return 1;
	acc = accept(lis, NULL, NULL);
	put(cli, "t", 1);
	udp = socket(AF_INET, SOCK_DGRAM, 0);
	if (connect(udp, (struct sockaddr *)&in, sizeof in) < 0)
		return 1;
	put(udp, "d", 1);
	route = socket(AF_NETLINK, SOCK_RAW, NETLINK_ROUTE);
	len = sizeof nl;
	if (bind(route, (struct sockaddr *)&nl, sizeof nl) < 0 ||
	    getsockname(route, (struct sockaddr *)&nl, &len) < 0)
		return 1;
	close(acc);
	close(file);
	unlink("sock");
	return 0;
}
