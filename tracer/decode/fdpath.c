/*
 * tracer/decode/fdpath.c: what -y and -yy print after an fd, as strace does: the target of
 * /proc/PID/fd/N in angle brackets ("3</etc/passwd>", "3<pipe:[12345]>",
 * "3<anon_inode:[eventfd]>"); with -yy, sockets by protocol and addresses
 * ("3<TCP:[127.0.0.1:41234->127.0.0.1:80]>", "3<UNIX-STREAM:[12345->12346]>", asked of
 * sock_diag by inode) and devices by number
 * ("3</dev/null<char 1:3>>"). Also the calls whose result is a new fd.
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <fcntl.h>
#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/socket.h>
#include <sys/sysmacros.h>
#include <sys/xattr.h>
#include <linux/inet_diag.h>
#include <linux/netlink.h>
#include <linux/netlink_diag.h>
#include <linux/rtnetlink.h>
#include <linux/sock_diag.h>
#include <linux/unix_diag.h>
#include <unistd.h>
#include "tracer/decode/common.h"

/* The characters strace escapes inside an fd's angle brackets. */
static const char brackets[] = "<>";

/* Calls whose successful result is a new fd. */
static const char *const fd_calls[] = {
	"open", "openat", "openat2", "creat", "open_by_handle_at", "dup", "dup2", "dup3",
	"socket", "accept", "accept4", "epoll_create", "epoll_create1", "eventfd", "eventfd2",
	"signalfd", "signalfd4", "timerfd_create", "inotify_init", "inotify_init1",
	"fanotify_init", "memfd_create", "memfd_secret", "pidfd_open", "pidfd_getfd",
	"perf_event_open", "userfaultfd", "io_uring_setup", "fsopen", "fspick", "fsmount",
	"open_tree", "mq_open", "landlock_create_ruleset",
};

int call_returns_fd(const struct call *c)
{
	const char *name = sysent_name(c->pers, c->nr);
	size_t i;

	for (i = 0; name && i < sizeof fd_calls / sizeof fd_calls[0]; i++)
		if (!strcmp(name, fd_calls[i]))
			return 1;
	return 0;
}

/*
 * Asks sock_diag (NETLINK_SOCK_DIAG) with req (a family's request struct, reqlen bytes) and
 * passes each answer's payload (and result_out) to found() until it returns 1. Returns 1 then,
 * else 0.
 */
static int diag_ask(const void *req, size_t reqlen, int dump,
		    int (*found)(const void *msg, size_t len, void *out, unsigned long inode),
		    void *result_out, unsigned long inode)
{
	struct {
		struct nlmsghdr nlh;
		unsigned char req[128];
	} request = { 0 };
	unsigned char in[8192] __attribute__((aligned(NLMSG_ALIGNTO)));
	struct sockaddr_nl kernel = { .nl_family = AF_NETLINK };
	int fd, done = 0, result = 0;

	if (reqlen > sizeof request.req)
		return 0;
	fd = socket(AF_NETLINK, SOCK_DGRAM | SOCK_CLOEXEC, NETLINK_SOCK_DIAG);
	if (fd < 0)
		return 0;
	request.nlh.nlmsg_len = NLMSG_LENGTH(reqlen);
	request.nlh.nlmsg_type = SOCK_DIAG_BY_FAMILY;
	request.nlh.nlmsg_flags = NLM_F_REQUEST | (dump ? NLM_F_DUMP : 0);
	memcpy(request.req, req, reqlen);
	if (sendto(fd, &request, request.nlh.nlmsg_len, 0, (struct sockaddr *)&kernel, sizeof kernel) < 0)
		done = 1;
	while (!done) {
		ssize_t n = recv(fd, in, sizeof in, 0);
		struct nlmsghdr *h = (struct nlmsghdr *)in;
		size_t left = n > 0 ? (size_t)n : 0;

		if (n <= 0)
			break;
		for (; NLMSG_OK(h, left); h = NLMSG_NEXT(h, left)) {
			if (h->nlmsg_type == NLMSG_DONE || h->nlmsg_type == NLMSG_ERROR) {
				done = 1;
				break;
			}
			if (!result && found(NLMSG_DATA(h), h->nlmsg_len - NLMSG_LENGTH(0), result_out, inode))
				result = 1;
		}
		if (!dump)
			done = 1;
	}
	close(fd);
	return result;
}

/* A unix socket's answer: "[inode->peer,\"path\"]" (peer and path when it has them). */
static int unix_found(const void *msg, size_t len, void *out, unsigned long inode)
{
	struct strbuf *sb = out;
	const struct unix_diag_msg *m = msg;
	const struct rtattr *rta = (const struct rtattr *)(m + 1);
	size_t left = len >= sizeof *m ? len - NLMSG_ALIGN(sizeof *m) : 0;
	const unsigned char *name = NULL;
	size_t namelen = 0;
	uint32_t peer = 0;

	if (len < sizeof *m || m->udiag_ino != inode)
		return 0;
	for (; RTA_OK(rta, left); rta = RTA_NEXT(rta, left)) {
		if (rta->rta_type == UNIX_DIAG_NAME) {
			name = RTA_DATA(rta);
			namelen = RTA_PAYLOAD(rta);
		} else if (rta->rta_type == UNIX_DIAG_PEER && RTA_PAYLOAD(rta) >= sizeof peer) {
			memcpy(&peer, RTA_DATA(rta), sizeof peer);
		}
	}
	sb_printf(sb, "[%lu", inode);
	if (peer)
		sb_printf(sb, "->%" PRIu32, peer);
	if (name && namelen) {
		sb_putc(sb, ',');
		if (name[0] == '\0') {
			sb_putc(sb, '@');
			name++;
			namelen--;
		}
		sb_putc(sb, '"');
		print_escaped(sb, name, strnlen((const char *)name, namelen), 0);
		sb_putc(sb, '"');
	}
	sb_putc(sb, ']');
	return 1;
}

static int unix_details(struct strbuf *sb, unsigned long inode)
{
	struct unix_diag_req req = {
		.sdiag_family = AF_UNIX,
		.udiag_states = ~0u,
		.udiag_ino = (uint32_t)inode,
		.udiag_show = UDIAG_SHOW_NAME | UDIAG_SHOW_PEER,
		.udiag_cookie = { INET_DIAG_NOCOOKIE, INET_DIAG_NOCOOKIE },
	};

	return diag_ask(&req, sizeof req, 0, unix_found, sb, inode);
}

/* An address and port: "127.0.0.1:80", "[::1]:80". */
static void print_inet_end(struct strbuf *sb, int family, const uint32_t addr[4], uint16_t port)
{
	char ip[INET6_ADDRSTRLEN];

	if (!inet_ntop(family, addr, ip, sizeof ip))
		ip[0] = '\0';
	sb_printf(sb, family == AF_INET6 ? "[%s]:%u" : "%s:%u", ip, ntohs(port));
}

/* A TCP or UDP socket's answer: "[src:port->dst:port]", "[src:port]" if not connected. */
static int inet_found(const void *msg, size_t len, void *out, unsigned long inode)
{
	struct strbuf *sb = out;
	static const uint32_t zero[4];
	const struct inet_diag_msg *m = msg;

	if (len < sizeof *m || m->idiag_inode != inode)
		return 0;
	sb_putc(sb, '[');
	print_inet_end(sb, m->idiag_family, m->id.idiag_src, m->id.idiag_sport);
	if (m->id.idiag_dport || memcmp(m->id.idiag_dst, zero, sizeof zero)) {
		sb_puts(sb, "->");
		print_inet_end(sb, m->idiag_family, m->id.idiag_dst, m->id.idiag_dport);
	}
	sb_putc(sb, ']');
	return 1;
}

static int inet_details(struct strbuf *sb, int family, int protocol, unsigned long inode)
{
	struct inet_diag_req_v2 req = {
		.sdiag_family = (uint8_t)family,
		.sdiag_protocol = (uint8_t)protocol,
		.idiag_states = ~0u,
		.id.idiag_cookie = { INET_DIAG_NOCOOKIE, INET_DIAG_NOCOOKIE },
	};

	return diag_ask(&req, sizeof req, 1, inet_found, sb, inode);
}

/* A bound netlink socket's answer: "[ROUTE:portid]". */
static int netlink_found(const void *msg, size_t len, void *out, unsigned long inode)
{
	struct strbuf *sb = out;
	const struct netlink_diag_msg *m = msg;
	const char *name;

	if (len < sizeof *m || m->ndiag_ino != inode)
		return 0;
	name = xlat_name(xlat_netlink_protocols, m->ndiag_protocol);
	if (name && !strncmp(name, "NETLINK_", strlen("NETLINK_")))
		sb_printf(sb, "[%s:%" PRIu32 "]", name + strlen("NETLINK_"), m->ndiag_portid);
	else
		sb_printf(sb, "[%u:%" PRIu32 "]", m->ndiag_protocol, m->ndiag_portid);
	return 1;
}

static int netlink_details(struct strbuf *sb, unsigned long inode)
{
	struct netlink_diag_req req = {
		.sdiag_family = AF_NETLINK,
		.sdiag_protocol = NDIAG_PROTO_ALL,
		.ndiag_ino = (uint32_t)inode,
		.ndiag_cookie = { INET_DIAG_NOCOOKIE, INET_DIAG_NOCOOKIE },
	};

	return diag_ask(&req, sizeof req, 1, netlink_found, sb, inode);
}

/* A netlink socket's protocol, from sock_diag's answer on its inode. */
static int netlink_protocol_found(const void *msg, size_t len, void *out, unsigned long inode)
{
	const struct netlink_diag_msg *m = msg;

	if (len < sizeof *m || m->ndiag_ino != inode)
		return 0;
	*(int *)out = m->ndiag_protocol;
	return 1;
}

int fd_netlink_protocol(const struct dctx *d, int fd)
{
	char link[64], target[64];
	struct netlink_diag_req req = {
		.sdiag_family = AF_NETLINK,
		.sdiag_protocol = NDIAG_PROTO_ALL,
		.ndiag_cookie = { INET_DIAG_NOCOOKIE, INET_DIAG_NOCOOKIE },
	};
	unsigned long inode;
	int protocol = -1;
	ssize_t n;

	if (!d->mem || d->mem->pid <= 0 || fd < 0)
		return -1;
	snprintf(link, sizeof link, "/proc/%d/fd/%d", d->mem->pid, fd);
	n = readlink(link, target, sizeof target - 1);
	if (n <= 0)
		return -1;
	target[n] = '\0';
	if (sscanf(target, "socket:[%lu]", &inode) != 1)
		return -1;
	req.ndiag_ino = (uint32_t)inode;
	if (!diag_ask(&req, sizeof req, 1, netlink_protocol_found, &protocol, inode))
		return -1;
	return protocol;
}

/* The kernel's protocol names (the socket's "system.sockprotoname") sock_diag can detail. */
static const struct {
	const char *name;
	int family, protocol;	/* AF_UNIX, AF_NETLINK: any type and protocol */
} diag_protos[] = {
	{ "TCP", AF_INET, IPPROTO_TCP }, { "UDP", AF_INET, IPPROTO_UDP },
	{ "TCPv6", AF_INET6, IPPROTO_TCP }, { "UDPv6", AF_INET6, IPPROTO_UDP },
	{ "UNIX", AF_UNIX, 0 }, { "UNIX-STREAM", AF_UNIX, 0 }, { "NETLINK", AF_NETLINK, 0 },
};

/*
 * -yy's socket: "<PROTO:[details]>" with PROTO the kernel's name for it, "<PROTO:[inode]>"
 * when sock_diag has nothing on it, "<socket:[inode]>" when the name is unknown too.
 */
static int print_socket(struct dctx *d, const char *link, const char *target)
{
	char proto[64];
	unsigned long inode;
	ssize_t n;
	size_t i;

	if (sscanf(target, "socket:[%lu]", &inode) != 1)
		return 0;
	n = getxattr(link, "system.sockprotoname", proto, sizeof proto - 1);
	if (n <= 0) {
		sb_printf(d->sb, "<%s>", target);
		return 1;
	}
	proto[n] = '\0';
	sb_printf(d->sb, "<%s:", proto);
	for (i = 0; i < sizeof diag_protos / sizeof diag_protos[0]; i++) {
		if (strcmp(proto, diag_protos[i].name))
			continue;
		if (diag_protos[i].family == AF_UNIX ? unix_details(d->sb, inode) :
		    diag_protos[i].family == AF_NETLINK ? netlink_details(d->sb, inode) :
		    inet_details(d->sb, diag_protos[i].family, diag_protos[i].protocol, inode))
			goto done;
	}
	sb_printf(d->sb, "[%lu]", inode);
done:
	sb_putc(d->sb, '>');
	return 1;
}

/* -yy's device: "</dev/null<char 1:3>>". */
static int print_dev(struct strbuf *sb, const char *target)
{
	struct stat st;

	if (target[0] != '/' || stat(target, &st) < 0 ||
	    !(S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode)))
		return 0;
	sb_putc(sb, '<');
	print_escaped_ex(sb, (const unsigned char *)target, strlen(target), 0, brackets);
	sb_printf(sb, "<%s %u:%u>>", S_ISBLK(st.st_mode) ? "block" : "char",
		  major(st.st_rdev), minor(st.st_rdev));
	return 1;
}

/* Appends what -y/-yy print for the /proc/PID/NAME link ("fd/3", "cwd"), if readable. */
static void print_link(struct dctx *d, const char *name)
{
	char link[64], target[PATH_MAX + 1];
	ssize_t n;

	if (!d->o->decode_fds || !d->mem || d->mem->pid <= 0)
		return;
	snprintf(link, sizeof link, "/proc/%d/%s", d->mem->pid, name);
	n = readlink(link, target, sizeof target - 1);
	if (n < 0)
		return;
	target[n] = '\0';
	if (d->o->decode_fds >= 2 && (print_socket(d, link, target) || print_dev(d->sb, target)))
		return;
	sb_putc(d->sb, '<');
	print_escaped_ex(d->sb, (const unsigned char *)target, (size_t)n, 0, brackets);
	sb_putc(d->sb, '>');
}

void print_fd(struct dctx *d, int fd)
{
	char name[32];

	sb_printf(d->sb, "%d", fd);
	if (fd < 0)
		return;
	snprintf(name, sizeof name, "fd/%d", fd);
	print_link(d, name);
}

void print_at_fdcwd(struct dctx *d)
{
	print_dirfd(d->sb, AT_FDCWD);
	print_link(d, "cwd");
}

void print_fd_array2(struct dctx *d, const int fds[2])
{
	sb_putc(d->sb, '[');
	print_fd(d, fds[0]);
	sb_puts(d->sb, ", ");
	print_fd(d, fds[1]);
	sb_putc(d->sb, ']');
}
