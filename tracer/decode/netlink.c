/*
 * tracer/decode/netlink.c: netlink messages in the buffers of sendto, recvfrom, sendmsg and
 * recvmsg, as strace prints them: each message's header, NLMSG_ERROR's error and the
 * message it answers, NLMSG_DONE's number; on a NETLINK_ROUTE socket (its protocol asked
 * of sock_diag, as strace does) the RTM_* types, their request flags and the link, address
 * and route payloads (tracer/decode/rtnl_*.c); other payloads in hex.
 */
#include <limits.h>
#include <inttypes.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <sys/xattr.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include "tracer/decode/nlattr.h"

/* The longest name the kernel gives a socket's protocol ("NETLINK", "UNIX", "TCPv6"). */
#define PROTO_NAME_MAX 32

int fd_is_netlink(const struct dctx *d, int fd)
{
	char path[64], proto[PROTO_NAME_MAX];
	ssize_t n;

	if (!d->mem || d->mem->pid <= 0 || fd < 0)
		return 0;
	snprintf(path, sizeof path, "/proc/%d/fd/%d", d->mem->pid, fd);
	n = getxattr(path, "system.sockprotoname", proto, sizeof proto - 1);
	if (n <= 0)
		return 0;
	proto[n] = '\0';
	return strcmp(proto, "NETLINK") == 0;
}

/* The request flags a NETLINK_ROUTE message type takes beyond every message's, or NULL. */
static const struct xlat *route_flags(uint16_t type)
{
	static const struct xlat *const by_kind[] = {
		xlat_nlm_new_flags, xlat_nlm_delete_flags, xlat_nlm_get_flags, NULL
	};

	/* RTM_DELACTION takes a GET's flags; the others NEW, DEL, GET by type & 3 */
	if (type == RTM_DELACTION)
		return xlat_nlm_get_flags;
	return by_kind[type & 3];
}

/* The header's flags: every message's, then an acknowledgement's for NLMSG_ERROR, or the
 * request's on a NETLINK_ROUTE socket. */
static void print_nlmsg_flags(struct strbuf *sb, uint16_t flags, uint16_t type, int proto)
{
	struct xlat both[24];
	const struct xlat *more = NULL;
	size_t n = 0, i;

	for (i = 0; xlat_nlmsg_flags[i].name && n < sizeof both / sizeof both[0] - 1; i++)
		both[n++] = xlat_nlmsg_flags[i];
	if (type == NLMSG_ERROR)
		more = xlat_nlmsg_ack_flags;
	else if (type >= NLMSG_MIN_TYPE && proto == NETLINK_ROUTE)
		more = route_flags(type);
	for (i = 0; more && more[i].name && n < sizeof both / sizeof both[0] - 1; i++)
		both[n++] = more[i];
	both[n].val = 0;
	both[n].name = NULL;
	if (xlat_print_flags(sb, both, flags, NULL) == 0 && flags)
		sb_puts(sb, " /* NLM_F_??? */");
}

static void print_nlmsghdr(struct dctx *d, const struct nlmsghdr *h, int proto)
{
	sb_printf(d->sb, "{nlmsg_len=%u, nlmsg_type=", h->nlmsg_len);
	if (h->nlmsg_type >= NLMSG_MIN_TYPE && proto == NETLINK_ROUTE)
		xlat_print_enum(d->sb, xlat_rtm_types, h->nlmsg_type, "RTM_???");
	else
		xlat_print_enum(d->sb, xlat_nlmsg_types, h->nlmsg_type, "NLMSG_???");
	sb_puts(d->sb, ", nlmsg_flags=");
	print_nlmsg_flags(d->sb, h->nlmsg_flags, h->nlmsg_type, proto);
	sb_printf(d->sb, ", nlmsg_seq=%u, nlmsg_pid=%d}", h->nlmsg_seq, (int)h->nlmsg_pid);
}

static void print_hex_bytes(struct dctx *d, uint64_t addr, uint64_t len)
{
	print_tracee_str(d, addr, (int64_t)len, (uint64_t)d->o->strsize, 1);
}

static void print_nlmsg(struct dctx *d, const struct nlmsghdr *h, uint64_t addr, uint64_t len,
			int proto);

/* An NLMSG_ERROR's payload: the error and the header (capped: only the header) it answers. */
static void print_nlmsgerr(struct dctx *d, uint64_t addr, uint64_t len, int capped, int proto)
{
	struct nlmsgerr err;
	uint64_t msg_len, payload;
	const char *name;

	if (len < sizeof err) {
		print_hex_bytes(d, addr, len);
		return;
	}
	if (mem_read_full(d, addr, &err, sizeof err) < 0) {
		print_addr(d->sb, addr);
		return;
	}
	addr += offsetof(struct nlmsgerr, msg);
	len -= offsetof(struct nlmsgerr, msg);
	msg_len = err.msg.nlmsg_len > sizeof err.msg ? err.msg.nlmsg_len : sizeof err.msg;
	payload = capped ? sizeof err.msg : msg_len;
	if (payload > len)
		payload = len;
	if (len > payload)
		sb_putc(d->sb, '[');
	sb_puts(d->sb, "{error=");
	/* (INT_MIN, from the tracee, has no positive errno: printed as a number) */
	name = err.error < 0 && err.error != INT_MIN ? errno_name(-err.error) : NULL;
	if (name)
		sb_printf(d->sb, "-%s", name);
	else
		sb_printf(d->sb, "%d", err.error);
	sb_puts(d->sb, ", msg=");
	print_nlmsg(d, &err.msg, addr, payload, proto);
	sb_putc(d->sb, '}');
	if (len > payload) {
		sb_puts(d->sb, ", ");
		print_hex_bytes(d, addr + payload, len - payload);
		sb_putc(d->sb, ']');
	}
}

/* The fixed header and attributes of each NETLINK_ROUTE type decoded here. */
static const struct {
	uint16_t type;
	void (*print)(struct dctx *d, uint64_t addr, uint64_t len, uint8_t family);
} route_payloads[] = {
	{ RTM_NEWLINK, print_ifinfomsg }, { RTM_DELLINK, print_ifinfomsg },
	{ RTM_GETLINK, print_ifinfomsg }, { RTM_SETLINK, print_ifinfomsg },
	{ RTM_NEWADDR, print_ifaddrmsg }, { RTM_DELADDR, print_ifaddrmsg },
	{ RTM_GETADDR, print_ifaddrmsg }, { RTM_GETMULTICAST, print_ifaddrmsg },
	{ RTM_GETANYCAST, print_ifaddrmsg },
	{ RTM_NEWROUTE, print_rtmsg }, { RTM_DELROUTE, print_rtmsg }, { RTM_GETROUTE, print_rtmsg },
};

/*
 * The types strace 6.1 decodes with a struct of their own, which trace does not: their
 * payloads stay in hex. The types strace has no decoder for print as {family=, data=}.
 */
static const uint16_t route_undecoded[] = {
	RTM_NEWNEIGH, RTM_DELNEIGH, RTM_GETNEIGH, RTM_NEWRULE, RTM_DELRULE, RTM_GETRULE,
	RTM_NEWQDISC, RTM_DELQDISC, RTM_GETQDISC, RTM_NEWTCLASS, RTM_DELTCLASS, RTM_GETTCLASS,
	RTM_NEWTFILTER, RTM_DELTFILTER, RTM_GETTFILTER, RTM_NEWACTION, RTM_DELACTION,
	RTM_GETACTION, RTM_NEWNEIGHTBL, RTM_GETNEIGHTBL, RTM_SETNEIGHTBL, RTM_NEWADDRLABEL,
	RTM_DELADDRLABEL, RTM_GETADDRLABEL, RTM_GETDCB, RTM_SETDCB, RTM_NEWNETCONF,
	RTM_DELNETCONF, RTM_GETNETCONF, RTM_NEWMDB, RTM_DELMDB, RTM_GETMDB, RTM_NEWNSID,
	RTM_DELNSID, RTM_GETNSID, RTM_NEWSTATS, RTM_GETSTATS, RTM_NEWCACHEREPORT, RTM_NEWCHAIN,
	RTM_DELCHAIN, RTM_GETCHAIN, RTM_NEWNEXTHOP, RTM_DELNEXTHOP, RTM_GETNEXTHOP,
};

/* A NETLINK_ROUTE payload (type >= NLMSG_MIN_TYPE); 0 when it stays in hex. */
static int print_route_payload(struct dctx *d, uint16_t type, uint64_t addr, uint64_t len)
{
	uint8_t family;
	size_t i;

	for (i = 0; i < sizeof route_undecoded / sizeof route_undecoded[0]; i++)
		if (route_undecoded[i] == type)
			return 0;
	if (mem_read_full(d, addr, &family, 1) < 0) {
		print_addr(d->sb, addr);
		return 1;
	}
	for (i = 0; i < sizeof route_payloads / sizeof route_payloads[0]; i++) {
		if (route_payloads[i].type == type) {
			route_payloads[i].print(d, addr, len, family);
			return 1;
		}
	}
	sb_puts(d->sb, "{family=");
	xlat_print_enum(d->sb, xlat_address_families, family, "AF_???");
	if (len > 1) {
		sb_puts(d->sb, ", data=");
		print_hex_bytes(d, addr + 1, len - 1);
	}
	sb_putc(d->sb, '}');
	return 1;
}

static void print_payload(struct dctx *d, const struct nlmsghdr *h, uint64_t addr, uint64_t len,
			  int proto)
{
	int num;

	if (h->nlmsg_type == NLMSG_ERROR) {
		print_nlmsgerr(d, addr, len, h->nlmsg_flags & NLM_F_CAPPED, proto);
	} else if (h->nlmsg_type >= NLMSG_MIN_TYPE && proto == NETLINK_ROUTE &&
		   print_route_payload(d, h->nlmsg_type, addr, len)) {
		return;
	} else if (h->nlmsg_type == NLMSG_DONE && len == sizeof num) {
		if (mem_read_full(d, addr, &num, sizeof num) == 0)
			sb_printf(d->sb, "%d", num);
		else
			print_addr(d->sb, addr);
	} else {
		print_hex_bytes(d, addr, len);
	}
}

/* One message: its header, and "[HEADER, PAYLOAD]" when it has a payload within len. */
static void print_nlmsg(struct dctx *d, const struct nlmsghdr *h, uint64_t addr, uint64_t len,
			int proto)
{
	uint64_t n = h->nlmsg_len < len ? h->nlmsg_len : len;

	if (n > NLMSG_HDRLEN)
		sb_putc(d->sb, '[');
	print_nlmsghdr(d, h, proto);
	if (n > NLMSG_HDRLEN) {
		sb_puts(d->sb, ", ");
		print_payload(d, h, addr + NLMSG_HDRLEN, n - NLMSG_HDRLEN, proto);
		sb_putc(d->sb, ']');
	}
}

void print_netlink(struct dctx *d, uint64_t addr, uint64_t len)
{
	struct nlmsghdr h;
	int is_array = 0;
	uint64_t elt;
	/* every call that carries netlink messages has the socket as its first argument */
	int proto = fd_netlink_protocol(d, arg_int(d, 0));

	for (elt = 0;; elt++) {
		uint64_t next_addr = 0, next_len = 0, aligned;

		if (len < sizeof h) {
			print_hex_bytes(d, addr, len);
			break;
		}
		if (mem_read_full(d, addr, &h, sizeof h) < 0) {
			if (is_array)
				sb_printf(d->sb, "... /* %#" PRIx64 " */", addr);
			else
				print_addr(d->sb, addr);
			break;
		}
		if (d->o->strsize >= 0 && elt == (uint64_t)d->o->strsize) {
			sb_puts(d->sb, "...");
			break;
		}
		aligned = NLMSG_ALIGN((uint64_t)h.nlmsg_len);
		if (h.nlmsg_len >= NLMSG_HDRLEN) {
			next_len = len >= aligned ? len - aligned : 0;
			if (next_len && addr + aligned > addr)
				next_addr = addr + aligned;
		}
		if (!is_array && next_addr) {
			sb_putc(d->sb, '[');
			is_array = 1;
		}
		print_nlmsg(d, &h, addr, len, proto);
		if (!next_addr)
			break;
		sb_puts(d->sb, ", ");
		addr = next_addr;
		len = next_len;
	}
	if (is_array)
		sb_putc(d->sb, ']');
}
