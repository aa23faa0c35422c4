/*
 * tracer/decode/netlink.c: netlink messages in the buffers of sendto, recvfrom, sendmsg and
 * recvmsg, as strace prints them for a socket whose netlink family it cannot tell: each
 * message's header, NLMSG_ERROR's error and the message it answers, NLMSG_DONE's number,
 * other payloads in hex.
 */
#include <inttypes.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <sys/xattr.h>
#include <linux/netlink.h>
#include "tracer/decode/common.h"

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

/* The header's flags: every message's, then an acknowledgement's for NLMSG_ERROR. */
static void print_nlmsg_flags(struct strbuf *sb, uint16_t flags, uint16_t type)
{
	struct xlat both[16];
	size_t n = 0, i;

	for (i = 0; xlat_nlmsg_flags[i].name && n < sizeof both / sizeof both[0] - 1; i++)
		both[n++] = xlat_nlmsg_flags[i];
	if (type == NLMSG_ERROR)
		for (i = 0; xlat_nlmsg_ack_flags[i].name && n < sizeof both / sizeof both[0] - 1; i++)
			both[n++] = xlat_nlmsg_ack_flags[i];
	both[n].val = 0;
	both[n].name = NULL;
	if (xlat_print_flags(sb, both, flags, NULL) == 0 && flags)
		sb_puts(sb, " /* NLM_F_??? */");
}

static void print_nlmsghdr(struct dctx *d, const struct nlmsghdr *h)
{
	sb_printf(d->sb, "{nlmsg_len=%u, nlmsg_type=", h->nlmsg_len);
	xlat_print_enum(d->sb, xlat_nlmsg_types, h->nlmsg_type, "NLMSG_???");
	sb_puts(d->sb, ", nlmsg_flags=");
	print_nlmsg_flags(d->sb, h->nlmsg_flags, h->nlmsg_type);
	sb_printf(d->sb, ", nlmsg_seq=%u, nlmsg_pid=%d}", h->nlmsg_seq, (int)h->nlmsg_pid);
}

static void print_hex_bytes(struct dctx *d, uint64_t addr, uint64_t len)
{
	print_tracee_str(d, addr, (int64_t)len, (uint64_t)d->o->strsize, 1);
}

static void print_nlmsg(struct dctx *d, const struct nlmsghdr *h, uint64_t addr, uint64_t len);

/* An NLMSG_ERROR's payload: the error and the header (capped: only the header) it answers. */
static void print_nlmsgerr(struct dctx *d, uint64_t addr, uint64_t len, int capped)
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
	name = err.error < 0 ? errno_name(-err.error) : NULL;
	if (name)
		sb_printf(d->sb, "-%s", name);
	else
		sb_printf(d->sb, "%d", err.error);
	sb_puts(d->sb, ", msg=");
	print_nlmsg(d, &err.msg, addr, payload);
	sb_putc(d->sb, '}');
	if (len > payload) {
		sb_puts(d->sb, ", ");
		print_hex_bytes(d, addr + payload, len - payload);
		sb_putc(d->sb, ']');
	}
}

static void print_payload(struct dctx *d, const struct nlmsghdr *h, uint64_t addr, uint64_t len)
{
	int num;

	if (h->nlmsg_type == NLMSG_ERROR) {
		print_nlmsgerr(d, addr, len, h->nlmsg_flags & NLM_F_CAPPED);
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
static void print_nlmsg(struct dctx *d, const struct nlmsghdr *h, uint64_t addr, uint64_t len)
{
	uint64_t n = h->nlmsg_len < len ? h->nlmsg_len : len;

	if (n > NLMSG_HDRLEN)
		sb_putc(d->sb, '[');
	print_nlmsghdr(d, h);
	if (n > NLMSG_HDRLEN) {
		sb_puts(d->sb, ", ");
		print_payload(d, h, addr + NLMSG_HDRLEN, n - NLMSG_HDRLEN);
		sb_putc(d->sb, ']');
	}
}

void print_netlink(struct dctx *d, uint64_t addr, uint64_t len)
{
	struct nlmsghdr h;
	int is_array = 0;
	uint64_t elt;

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
		print_nlmsg(d, &h, addr, len);
		if (!next_addr)
			break;
		sb_puts(d->sb, ", ");
		addr = next_addr;
		len = next_len;
	}
	if (is_array)
		sb_putc(d->sb, ']');
}
