/*
 * tracer/decode/net.c: decoders for socket calls: socket, connect/bind, accept*,
 * getsockname/getpeername, socketpair, sendto/recvfrom, sendmsg/recvmsg, sendmmsg/recvmmsg,
 * shutdown, setsockopt/getsockopt. Socket addresses of AF_UNIX, AF_INET, AF_INET6 and AF_NETLINK are
 * decoded; others show their family and raw bytes.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <inttypes.h>
#include <string.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <netinet/udp.h>
#include "tracer/decode/common.h"


DECODER(socket)
{
	int family = arg_int(d, 0);
	uint64_t type = arg(d, 1);

	p_enum(d, 0, xlat_address_families, "AF_???");
	arg_sep(d);
	xlat_print_enum(d->sb, xlat_socket_types, type & 0xf, "SOCK_???");
	if (type & ~(uint64_t)0xf) {
		sb_putc(d->sb, '|');
		xlat_print_flags(d->sb, xlat_socket_flags, type & ~(uint64_t)0xf, NULL);
	}
	if (family == AF_INET || family == AF_INET6)
		p_enum(d, 2, xlat_ip_protocols, "IPPROTO_???");
	else if (family == AF_NETLINK)
		p_enum(d, 2, xlat_netlink_protocols, "NETLINK_???");
	else
		p_int(d, 2);
	return RV_DONE;
}

/* Appends a struct sockaddr of len bytes at addr. */
static void print_sockaddr_at(struct dctx *d, uint64_t addr, int64_t len)
{
	unsigned char sa[128];
	uint16_t family;

	if (!addr) {
		sb_puts(d->sb, "NULL");
		return;
	}
	if (len < 2) {
		print_addr(d->sb, addr);
		return;
	}
	if ((uint64_t)len > sizeof sa)
		len = sizeof sa;
	memset(sa, 0, sizeof sa);
	if (mem_read_full(d, addr, sa, (size_t)len) < 0) {
		print_addr(d->sb, addr);
		return;
	}
	memcpy(&family, sa, sizeof family);
	sb_puts(d->sb, "{sa_family=");
	xlat_print_enum(d->sb, xlat_address_families, family, "AF_???");
	switch (family) {
	case AF_UNIX: {
		size_t plen = (size_t)len - 2;
		const unsigned char *path = sa + 2;

		if (plen == 0)
			break;
		sb_puts(d->sb, ", sun_path=");
		if (path[0] == '\0' && plen > 1) {
			/* Abstract socket: strace prints @ then the rest, NULs included. */
			sb_puts(d->sb, "@\"");
			print_escaped(d->sb, path + 1, plen - 1, 0);
		} else {
			sb_putc(d->sb, '"');
			print_escaped(d->sb, path, strnlen((const char *)path, plen), 0);
		}
		sb_putc(d->sb, '"');
		break;
	}
	case AF_INET: {
		char ip[INET_ADDRSTRLEN];
		uint16_t port;

		memcpy(&port, sa + 2, sizeof port);
		inet_ntop(AF_INET, sa + 4, ip, sizeof ip);
		sb_printf(d->sb, ", sin_port=htons(%u), sin_addr=inet_addr(\"", ntohs(port));
		print_escaped(d->sb, (const unsigned char *)ip, strlen(ip), 0);
		sb_puts(d->sb, "\")");
		break;
	}
	case AF_INET6: {
		char ip[INET6_ADDRSTRLEN];
		uint16_t port;
		uint32_t flow, scope;

		memcpy(&port, sa + 2, sizeof port);
		memcpy(&flow, sa + 4, sizeof flow);
		memcpy(&scope, sa + 24, sizeof scope);
		inet_ntop(AF_INET6, sa + 8, ip, sizeof ip);
		sb_printf(d->sb, ", sin6_port=htons(%u), sin6_flowinfo=htonl(%u), "
			  "inet_pton(AF_INET6, \"", ntohs(port), ntohl(flow));
		print_escaped(d->sb, (const unsigned char *)ip, strlen(ip), 0);
		sb_printf(d->sb, "\", &sin6_addr), sin6_scope_id=%u", scope);
		break;
	}
	case AF_NETLINK: {
		uint32_t pid, groups;

		memcpy(&pid, sa + 4, sizeof pid);
		memcpy(&groups, sa + 8, sizeof groups);
		/* The port id, signed: the kernel's autobound ids are negative. */
		sb_printf(d->sb, ", nl_pid=%d, nl_groups=%08x", (int32_t)pid, groups);
		break;
	}
	default:
		sb_puts(d->sb, ", sa_data=\"");
		print_escaped(d->sb, sa + 2, (size_t)len - 2, 0);
		sb_putc(d->sb, '"');
		break;
	}
	sb_putc(d->sb, '}');
}

/* The family of the socket address at addr (len bytes), or -1: none or unreadable. */
static int sockaddr_family(struct dctx *d, uint64_t addr, uint32_t len)
{
	uint16_t family;

	if (!addr || len < sizeof family || mem_read_full(d, addr, &family, sizeof family) < 0)
		return -1;
	return family;
}

/* connect/bind(fd, addr, len) */
DECODER(connect)
{
	p_fd(d, 0);
	arg_sep(d);
	print_sockaddr_at(d, arg(d, 1), (int64_t)(uint32_t)arg(d, 2));
	p_ulong(d, 2);
	return RV_DONE;
}

static int read_len(struct dctx *d, uint64_t addr, uint32_t *len)
{
	return addr ? mem_read_full(d, addr, len, sizeof *len) : -1;
}

/*
 * The (addr, addrlen) pair of calls that return an address: "{...}, [16]", or
 * "{...}, [128 => 16]" when the kernel changed the length (strace's notation). The length
 * before the call is read at entry and kept in d->saved.
 */
static void print_sockaddr_result(struct dctx *d, int ai, int li, uint32_t len_in)
{
	uint32_t len_out = 0;
	int have_out = read_len(d, arg(d, li), &len_out) == 0;

	arg_sep(d);
	if (failed(d) || !have_out)
		print_addr(d->sb, arg(d, ai));
	else
		print_sockaddr_at(d, arg(d, ai), len_out < len_in ? len_out : len_in);
	arg_sep(d);
	if (!arg(d, li))
		sb_puts(d->sb, "NULL");
	else if (!have_out)
		print_addr(d->sb, arg(d, li));
	else if (failed(d) || len_out == len_in)
		sb_printf(d->sb, "[%u]", len_in);
	else
		sb_printf(d->sb, "[%u => %u]", len_in, len_out);
}

/* getsockname/getpeername/accept(fd, addr, addrlen) */
static int sockname(struct dctx *d)
{
	uint32_t len = 0;

	if (!d->exiting) {
		p_fd(d, 0);
		if (read_len(d, arg(d, 2), &len) < 0)
			len = 0;
		d->saved = len;
		return 0;
	}
	print_sockaddr_result(d, 1, 2, d->saved);
	return 0;
}

DECODER(getsockname)
{
	return sockname(d);
}

DECODER(accept)
{
	return sockname(d);
}

DECODER(accept4)
{
	sockname(d);
	if (d->exiting)
		p_flags(d, 3, xlat_socket_flags, NULL);
	return 0;
}

DECODER(socketpair)
{
	int fds[2];

	if (!d->exiting) {
		p_enum(d, 0, xlat_address_families, "AF_???");
		arg_sep(d);
		xlat_print_enum(d->sb, xlat_socket_types, arg(d, 1) & 0xf, "SOCK_???");
		if (arg(d, 1) & ~(uint64_t)0xf) {
			sb_putc(d->sb, '|');
			xlat_print_flags(d->sb, xlat_socket_flags, arg(d, 1) & ~(uint64_t)0xf, NULL);
		}
		p_int(d, 2);
		return 0;
	}
	arg_sep(d);
	if (failed(d) || mem_read_full(d, arg(d, 3), fds, sizeof fds) < 0)
		print_addr(d->sb, arg(d, 3));
	else
		print_fd_array2(d, fds);
	return 0;
}

/* A socket's data buffer: netlink messages on a netlink socket, else a string. */
static void print_sockbuf(struct dctx *d, int i, uint64_t len)
{
	arg_sep(d);
	if (fd_is_netlink(d, arg_int(d, 0)))
		print_netlink(d, arg(d, i), len);
	else
		print_tracee_str(d, arg(d, i), (int64_t)len, (uint64_t)d->o->strsize, 0);
}

DECODER(sendto)
{
	p_fd(d, 0);
	print_sockbuf(d, 1, arg(d, 2));
	p_ulong(d, 2);
	p_flags(d, 3, xlat_msg_flags, NULL);
	arg_sep(d);
	print_sockaddr_at(d, arg(d, 4), (int64_t)(uint32_t)arg(d, 5));
	p_ulong(d, 5);
	return RV_DONE;
}

DECODER(recvfrom)
{
	uint32_t len = 0;

	if (!d->exiting) {
		p_fd(d, 0);
		if (read_len(d, arg(d, 5), &len) < 0)
			len = 0;
		d->saved = len;
		return 0;
	}
	if (failed(d))
		p_ptr(d, 1);
	else
		print_sockbuf(d, 1, (uint64_t)retval(d) < arg(d, 2) ? (uint64_t)retval(d) : arg(d, 2));
	p_ulong(d, 2);
	p_flags(d, 3, xlat_msg_flags, NULL);
	print_sockaddr_result(d, 4, 5, d->saved);
	return 0;
}

/* msg_control: "[{cmsg_len=20, cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS, cmsg_data=[3]}]" */
static void print_cmsgs_at(struct dctx *d, uint64_t addr, uint64_t len)
{
	unsigned char buf[1024];
	unsigned psz = ptr_size(d);
	size_t hdr = psz + 8, off = 0;
	int first = 1;

	if (len > sizeof buf)
		len = sizeof buf;
	if (mem_read_full(d, addr, buf, (size_t)len) < 0) {
		print_addr(d->sb, addr);
		return;
	}
	sb_putc(d->sb, '[');
	while (off + hdr <= len) {
		uint64_t clen = 0;
		int32_t level, type;
		size_t data, dlen, i;

		memcpy(&clen, buf + off, psz);
		memcpy(&level, buf + off + psz, 4);
		memcpy(&type, buf + off + psz + 4, 4);
		if (clen < hdr)
			break;
		data = off + hdr;
		dlen = clen - hdr;
		if (dlen > len - data)	/* (data + dlen could wrap: clen comes from the tracee) */
			dlen = len - data;
		sb_printf(d->sb, "%s{cmsg_len=%" PRIu64 ", cmsg_level=", first ? "" : ", ", clen);
		xlat_print_enum(d->sb, xlat_sock_levels, (uint32_t)level, "SOL_???");
		sb_puts(d->sb, ", cmsg_type=");
		if (level == SOL_SOCKET)
			xlat_print_enum(d->sb, xlat_scm_types, (uint32_t)type, "SCM_???");
		else
			sb_printf(d->sb, "%#x", (unsigned)type);
		sb_puts(d->sb, ", cmsg_data=");
		if (level == SOL_SOCKET && type == SCM_RIGHTS) {
			sb_putc(d->sb, '[');
			for (i = 0; i + 4 <= dlen; i += 4) {
				int fd;

				memcpy(&fd, buf + data + i, 4);
				sb_printf(d->sb, "%s%d", i ? ", " : "", fd);
			}
			sb_putc(d->sb, ']');
		} else if (level == SOL_SOCKET && type == SCM_CREDENTIALS && dlen >= 12) {
			uint32_t cred[3];

			memcpy(cred, buf + data, sizeof cred);
			sb_printf(d->sb, "{pid=%d, uid=%u, gid=%u}", (int)cred[0], cred[1], cred[2]);
		} else {
			sb_putc(d->sb, '"');
			print_escaped(d->sb, buf + data, dlen, 1);
			sb_putc(d->sb, '"');
		}
		sb_putc(d->sb, '}');
		first = 0;
		if (clen > len - off)
			break;	/* it ran past the buffer: the last one (and off + clen may wrap) */
		off += (clen + psz - 1) / psz * psz;
	}
	sb_putc(d->sb, ']');
}

/*
 * struct msghdr: {msg_name=.., msg_namelen=.., msg_iov=[..], msg_iovlen=.., [msg_control=[..],]
 * msg_controllen=.., msg_flags=..}; data limited to total bytes (recvmsg: the result). brief:
 * only {msg_namelen=..} (a failed recvmsg).
 */
static void print_msghdr(struct dctx *d, uint64_t addr, int64_t total, int brief)
{
	unsigned psz = ptr_size(d);
	unsigned char raw[56];
	uint64_t name = 0, iov = 0, iovlen = 0, control = 0, controllen = 0;
	uint32_t namelen;
	int32_t flags;

	if (!addr || mem_read_full(d, addr, raw, psz == 8 ? 56 : 28) < 0) {
		print_addr(d->sb, addr);
		return;
	}
	memcpy(&name, raw, psz);
	memcpy(&namelen, raw + psz, 4);
	memcpy(&iov, raw + 2 * psz, psz);
	memcpy(&iovlen, raw + 3 * psz, psz);
	memcpy(&control, raw + 4 * psz, psz);
	memcpy(&controllen, raw + 5 * psz, psz);
	memcpy(&flags, raw + 6 * psz, 4);
	if (brief) {
		sb_printf(d->sb, "{msg_namelen=%u}", namelen);
		return;
	}
	sb_puts(d->sb, "{msg_name=");
	print_sockaddr_at(d, name, namelen);
	sb_printf(d->sb, ", msg_namelen=%u, msg_iov=", namelen);
	print_iov_data(d, iov, iovlen, total, sockaddr_family(d, name, namelen) == AF_NETLINK ?
		       print_netlink : NULL);
	sb_printf(d->sb, ", msg_iovlen=%" PRIu64 ", ", iovlen);
	if (controllen) {
		sb_puts(d->sb, "msg_control=");
		print_cmsgs_at(d, control, controllen);
		sb_puts(d->sb, ", ");
	}
	sb_printf(d->sb, "msg_controllen=%" PRIu64 ", msg_flags=", controllen);
	xlat_print_flags(d->sb, xlat_msg_flags, (uint32_t)flags, NULL);
	sb_putc(d->sb, '}');
}

static void print_msghdr_at(struct dctx *d, uint64_t addr, int64_t total)
{
	print_msghdr(d, addr, total, failed(d));
}

DECODER(sendmsg)
{
	p_fd(d, 0);
	arg_sep(d);
	print_msghdr_at(d, arg(d, 1), INT64_MAX);
	p_flags(d, 2, xlat_msg_flags, NULL);
	return RV_DONE;
}

DECODER(recvmsg)
{
	if (!d->exiting) {
		p_fd(d, 0);
		return 0;
	}
	arg_sep(d);
	print_msghdr_at(d, arg(d, 1), retval(d));
	p_flags(d, 2, xlat_msg_flags, NULL);
	return 0;
}

/*
 * A struct mmsghdr array: "[{msg_hdr={...}, msg_len=3}, ...]", count entries, msg_len on the
 * first with_len of them; recv: each message's data cut at its msg_len. At most -s entries,
 * as print_array.
 */
static void print_mmsgvec(struct dctx *d, uint64_t addr, uint64_t count, uint64_t with_len,
			  int recv)
{
	/* struct mmsghdr: a msghdr (7 longs' room: 56 or 28 bytes), then an unsigned int. */
	size_t hdr = ptr_size(d) == 8 ? 56 : 28, size = ptr_size(d) == 8 ? 64 : 32;
	uint64_t i;

	if (!count) {
		sb_puts(d->sb, "[]");
		return;
	}
	if (count > UINT64_MAX / size || addr + count * size <= addr) {
		print_addr(d->sb, addr);
		return;
	}
	for (i = 0; i < count; i++) {
		uint64_t at = addr + i * size;
		uint32_t len;

		if (mem_read_full(d, at + hdr, &len, sizeof len) < 0) {
			if (i == 0) {
				print_addr(d->sb, addr);
				return;
			}
			sb_printf(d->sb, ", ... /* %#" PRIx64 " */", at);
			break;
		}
		sb_puts(d->sb, i ? ", " : "[");
		if (d->o->strsize >= 0 && i >= (uint64_t)d->o->strsize) {
			sb_puts(d->sb, "...");
			break;
		}
		sb_puts(d->sb, "{msg_hdr=");
		print_msghdr(d, at, recv ? (int64_t)len : INT64_MAX, 0);
		if (i < with_len)
			sb_printf(d->sb, ", msg_len=%u", len);
		sb_putc(d->sb, '}');
	}
	sb_putc(d->sb, ']');
}

/* sendmmsg(fd, msgvec, vlen, flags): all but fd at exit, msg_len of those sent. */
DECODER(sendmmsg)
{
	if (!d->exiting) {
		p_fd(d, 0);
		return 0;
	}
	arg_sep(d);
	/* The messages as sent even when the call failed (strace clears the error for them). */
	print_mmsgvec(d, arg(d, 1), (uint32_t)arg(d, 2), failed(d) ? 0 : (uint64_t)retval(d), 0);
	p_uint(d, 2);
	p_flags(d, 3, xlat_msg_flags, NULL);
	return 0;
}

/* The timeout's two fields, 32-bit ones for an i386 process: 0, or -1 if unreadable. */
static int read_timespec(struct dctx *d, uint64_t addr, int64_t ts[2])
{
	int32_t ts32[2];

	if (!is_compat(d))
		return mem_read_full(d, addr, ts, 2 * sizeof ts[0]);
	if (mem_read_full(d, addr, ts32, sizeof ts32) < 0)
		return -1;
	ts[0] = ts32[0];
	ts[1] = ts32[1];
	return 0;
}

/* recvmmsg's timeout as read at entry (the kernel overwrites it with the time left). */
enum { TIMEOUT_NULL, TIMEOUT_READ, TIMEOUT_UNREADABLE };

/*
 * recvmmsg(fd, msgvec, vlen, flags, timeout): the messages received at exit, the timeout
 * as it was at entry; the result's comment is the time left, or "Timeout" for none.
 */
DECODER(recvmmsg)
{
	int64_t *ts = d->c->entry_data, left[2];
	uint64_t timeout = arg(d, 4);

	if (!d->exiting) {
		p_fd(d, 0);
		d->saved = !timeout ? TIMEOUT_NULL :
			   read_timespec(d, timeout, ts) == 0 ? TIMEOUT_READ : TIMEOUT_UNREADABLE;
		return 0;
	}
	arg_sep(d);
	if (failed(d))
		print_addr(d->sb, arg(d, 1));
	else
		print_mmsgvec(d, arg(d, 1), (uint64_t)retval(d), (uint64_t)retval(d), 1);
	p_uint(d, 2);
	p_flags(d, 3, xlat_msg_flags, NULL);
	arg_sep(d);
	if (d->saved == TIMEOUT_READ)
		sb_printf(d->sb, "{tv_sec=%" PRId64 ", tv_nsec=%" PRId64 "}", ts[0], ts[1]);
	else
		print_addr(d->sb, timeout);
	if (failed(d))
		return 0;
	if (retval(d) == 0) {
		sb_puts(&d->aux, "Timeout");
	} else if (timeout) {
		sb_puts(&d->aux, "left ");
		if (read_timespec(d, timeout, left) == 0)
			sb_printf(&d->aux, "{tv_sec=%" PRId64 ", tv_nsec=%" PRId64 "}",
				  left[0], left[1]);
		else
			print_addr(&d->aux, timeout);
	}
	return 0;
}

DECODER(shutdown)
{
	p_fd(d, 0);
	p_enum(d, 1, xlat_shutdown_how, "SHUT_???");
	return RV_DONE;
}

/* The option names of each level strace names them for; other levels' options are numbers. */
static const struct {
	int level;
	const struct xlat *names;
	const char *unknown;
} sockopt_names[] = {
	{ SOL_SOCKET, xlat_sol_socket_options, "SO_???" },
	{ SOL_IP, xlat_sol_ip_options, "IP_???" },
	{ SOL_IPV6, xlat_sol_ipv6_options, "IPV6_???" },
	{ SOL_TCP, xlat_sol_tcp_options, "TCP_???" },
	{ SOL_UDP, xlat_sol_udp_options, "UDP_???" },
	{ SOL_NETLINK, xlat_sol_netlink_options, "NETLINK_???" },
};

static void print_sockopt_name(struct dctx *d)
{
	size_t i;

	p_enum(d, 1, xlat_sock_levels, "SOL_??");
	for (i = 0; i < sizeof sockopt_names / sizeof sockopt_names[0]; i++) {
		if (sockopt_names[i].level == arg_int(d, 1)) {
			p_enum(d, 2, sockopt_names[i].names, sockopt_names[i].unknown);
			return;
		}
	}
	p_int(d, 2);
}

/* An option value: "[1]" for an int, else the bytes. */
static void print_optval(struct dctx *d, uint64_t addr, uint32_t len)
{
	int v;

	if (len == sizeof v && mem_read_full(d, addr, &v, sizeof v) == 0)
		sb_printf(d->sb, "[%d]", v);
	else
		print_tracee_str(d, addr, len, (uint64_t)d->o->strsize, 0);
}

DECODER(setsockopt)
{
	p_fd(d, 0);
	print_sockopt_name(d);
	arg_sep(d);
	print_optval(d, arg(d, 3), (uint32_t)arg(d, 4));
	p_ulong(d, 4);
	return RV_DONE;
}

DECODER(getsockopt)
{
	uint32_t len = 0;

	if (!d->exiting) {
		p_fd(d, 0);
		print_sockopt_name(d);
		return 0;
	}
	arg_sep(d);
	if (failed(d) || read_len(d, arg(d, 4), &len) < 0) {
		/* The value is not shown; the length still is, if it can be read. */
		print_addr(d->sb, arg(d, 3));
		arg_sep(d);
		if (read_len(d, arg(d, 4), &len) == 0)
			sb_printf(d->sb, "[%u]", len);
		else
			print_addr(d->sb, arg(d, 4));
		return 0;
	}
	print_optval(d, arg(d, 3), len);
	arg_sep(d);
	sb_printf(d->sb, "[%u]", len);
	return 0;
}
