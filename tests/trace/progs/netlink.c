/*
 * tests/trace/progs/netlink.c: netlink messages through sendto, recvfrom, sendmsg and
 * recvmsg, and the sockets' own addresses, whose lines trace must print as strace does:
 * requests, dumps of several messages, NLMSG_DONE, NLMSG_ERROR (whole and capped), buffers
 * too short for a header.
 * It works in a network namespace of its own (so the dump is the same every run, and
 * strace, outside it, cannot tell the socket's netlink family either); exits 77 when it
 * cannot make one.
 */
#define _GNU_SOURCE
#include <sched.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>

/* (an interface index no fresh namespace has) */
#define NO_SUCH_IFINDEX 999

struct req {
	struct nlmsghdr h;
	struct ifinfomsg ifi;
};

static void request(struct req *r, unsigned short type, unsigned short flags, unsigned seq,
		    int ifindex)
{
	memset(r, 0, sizeof *r);
	r->h.nlmsg_len = NLMSG_LENGTH(sizeof r->ifi);
	r->h.nlmsg_type = type;
	r->h.nlmsg_flags = flags;
	r->h.nlmsg_seq = seq;
	r->ifi.ifi_family = AF_UNSPEC;
	r->ifi.ifi_index = ifindex;
}

/* Receives until NLMSG_DONE or an NLMSG_ERROR, at most a few times. */
static void drain_recvfrom(int fd, char *buf, size_t size)
{
	int i;

	for (i = 0; i < 8; i++) {
		ssize_t n = recvfrom(fd, buf, size, 0, NULL, NULL);
		const struct nlmsghdr *h = (const void *)buf;

		if (n < (ssize_t)sizeof *h || h->nlmsg_type == NLMSG_DONE || h->nlmsg_type == NLMSG_ERROR)
			return;
	}
}

int main(void)
{
	static char buf[32768];
	struct sockaddr_nl nl = { .nl_family = AF_NETLINK };
	struct req two[2];
	struct iovec iov;
	struct msghdr msg;
	socklen_t namelen;
	int fd, fd2, one = 1, i;

	if (unshare(CLONE_NEWNET) < 0 && unshare(CLONE_NEWUSER | CLONE_NEWNET) < 0)
		return 77;
	fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
	if (fd < 0)
		return 1;

	request(&two[0], RTM_GETLINK, NLM_F_REQUEST | NLM_F_DUMP, 1, 0);
	sendto(fd, &two[0], two[0].h.nlmsg_len, 0, NULL, 0);
	drain_recvfrom(fd, buf, sizeof buf);

	request(&two[0], RTM_GETLINK, NLM_F_REQUEST | NLM_F_ACK, 2, NO_SUCH_IFINDEX);
	sendto(fd, &two[0], two[0].h.nlmsg_len, 0, (struct sockaddr *)&nl, sizeof nl);
	drain_recvfrom(fd, buf, sizeof buf);

	setsockopt(fd, SOL_NETLINK, NETLINK_CAP_ACK, &one, sizeof one);
	request(&two[0], RTM_GETLINK, NLM_F_REQUEST | NLM_F_ACK, 3, NO_SUCH_IFINDEX);
	iov.iov_base = &two[0];
	iov.iov_len = two[0].h.nlmsg_len;
	memset(&msg, 0, sizeof msg);
	msg.msg_name = &nl;
	msg.msg_namelen = sizeof nl;
	msg.msg_iov = &iov;
	msg.msg_iovlen = 1;
	sendmsg(fd, &msg, 0);
	iov.iov_base = buf;
	iov.iov_len = sizeof buf;
	recvmsg(fd, &msg, 0);

	/* two requests in one buffer, and a tail too short for a header */
	request(&two[0], RTM_GETADDR, NLM_F_REQUEST | NLM_F_DUMP, 4, 0);
	request(&two[1], RTM_GETLINK, NLM_F_REQUEST | NLM_F_ACK, 5, NO_SUCH_IFINDEX);
	iov.iov_base = two;
	iov.iov_len = sizeof two;
	sendmsg(fd, &msg, 0);
	for (i = 0; i < 2; i++) {
		iov.iov_base = buf;
		iov.iov_len = sizeof buf;
		recvmsg(fd, &msg, 0);
	}
	sendto(fd, two, sizeof two[0] + 8, MSG_DONTWAIT, NULL, 0);
	sendto(fd, two, 8, MSG_DONTWAIT, NULL, 0);
	/* the port ids the kernel chose: the first socket's is the pid, a second's negative */
	namelen = sizeof nl;
	getsockname(fd, (struct sockaddr *)&nl, &namelen);
	fd2 = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
	memset(&nl, 0, sizeof nl);
	nl.nl_family = AF_NETLINK;
	if (fd2 < 0 || bind(fd2, (struct sockaddr *)&nl, sizeof nl) < 0)
		return 1;
	namelen = sizeof nl;
	getsockname(fd2, (struct sockaddr *)&nl, &namelen);
	close(fd2);
	close(fd);
	return 0;
}
