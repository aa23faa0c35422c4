/*
 * tests/probe/sockdiag.c: whether the kernel describes a TCP socket over NETLINK_SOCK_DIAG,
 * as `strace -yy` (and `trace -yy`) ask it to. The inet_diag module can be missing, or not
 * loadable from a container; then both tools print a TCP socket as "socket:[INODE]".
 */
#include <arpa/inet.h>
#include <errno.h>
#include <linux/inet_diag.h>
#include <linux/netlink.h>
#include <linux/sock_diag.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tests/probe/probe.h"

/* 0 if a dump of the IPv4 TCP sockets names inode ino, 1 if not, -errno on failure. */
static int dump_names(int nl, ino_t ino)
{
	struct {
		struct nlmsghdr nlh;
		struct inet_diag_req_v2 req;
	} msg = {
		.nlh = { .nlmsg_len = sizeof(msg), .nlmsg_type = SOCK_DIAG_BY_FAMILY,
			 .nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP },
		.req = { .sdiag_family = AF_INET, .sdiag_protocol = IPPROTO_TCP,
			 .idiag_states = ~0u },
	};
	struct sockaddr_nl kernel = { .nl_family = AF_NETLINK };
	long buf[8192 / sizeof(long)];

	if (sendto(nl, &msg, sizeof(msg), 0, (struct sockaddr *)&kernel, sizeof(kernel)) < 0)
		return -errno;
	for (;;) {
		ssize_t n = recv(nl, buf, sizeof(buf), 0);
		struct nlmsghdr *h = (struct nlmsghdr *)buf;

		if (n < 0)
			return -errno;
		for (; NLMSG_OK(h, (size_t)n); h = NLMSG_NEXT(h, n)) {
			if (h->nlmsg_type == NLMSG_DONE)
				return 1;
			if (h->nlmsg_type == NLMSG_ERROR) {
				const struct nlmsgerr *e = NLMSG_DATA(h);

				return e->error ? e->error : -EPROTO;
			}
			if (((const struct inet_diag_msg *)NLMSG_DATA(h))->idiag_inode == ino)
				return 0;
		}
	}
}

int probe_sock_diag_tcp(char *why, size_t len)
{
	struct sockaddr_in a = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	int tcp = socket(AF_INET, SOCK_STREAM, 0), nl, rc;
	struct stat st;

	if (tcp < 0 || bind(tcp, (struct sockaddr *)&a, sizeof(a)) != 0 || listen(tcp, 1) != 0 ||
	    fstat(tcp, &st) != 0) {
		snprintf(why, len, "a TCP socket listening on 127.0.0.1: %s", strerror(errno));
		return 1;
	}
	nl = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_SOCK_DIAG);
	if (nl < 0) {
		snprintf(why, len, "socket(AF_NETLINK, NETLINK_SOCK_DIAG): %s", strerror(errno));
		return 1;
	}
	rc = dump_names(nl, st.st_ino);
	if (rc == 0)
		snprintf(why, len, "sock_diag describes a TCP socket (inet_diag)");
	else if (rc > 0)
		snprintf(why, len, "a sock_diag dump of TCP sockets does not list ours");
	else
		snprintf(why, len, "sock_diag for TCP (inet_diag): %s", strerror(-rc));
	return rc == 0 ? 0 : 1;
}
