/*
 * tracer/decode/nlattr.c: netlink attributes as strace prints them (tracer/decode/nlattr.h):
 * the walk over a list of attributes, nested lists, and the payload decoders the rtnetlink
 * families share (numbers, strings, names, flags, indexed arrays, addresses, interfaces).
 */
#include <arpa/inet.h>
#include <inttypes.h>
#include <net/if.h>
#include <net/if_arp.h>
#include <stdio.h>
#include <string.h>
#include <linux/netlink.h>
#include "tracer/decode/nlattr.h"

/* The longest hardware address the kernel reports (MAX_ADDR_LEN of <linux/netdevice.h>). */
#define HWADDR_MAX 32

void print_nla_hex(struct dctx *d, uint64_t addr, uint64_t len)
{
	print_tracee_str(d, addr, (int64_t)len, (uint64_t)d->o->strsize, 1);
}

static void print_nla_header(struct dctx *d, const struct nlattr *nla, const struct nla_space *sp)
{
	sb_printf(d->sb, "{nla_len=%u, nla_type=", nla->nla_len);
	if (nla->nla_type & NLA_F_NESTED)
		sb_puts(d->sb, "NLA_F_NESTED|");
	if (nla->nla_type & NLA_F_NET_BYTEORDER)
		sb_puts(d->sb, "NLA_F_NET_BYTEORDER|");
	xlat_print_enum(d->sb, sp->names, nla->nla_type & NLA_TYPE_MASK, sp->unknown);
	sb_putc(d->sb, '}');
}

/* One attribute: "{hdr}" alone, or "[{hdr}, payload]" when it has a payload within len. */
static void print_nlattr(struct dctx *d, const struct nlattr *nla, uint64_t addr, uint64_t len,
			 const struct nla_space *sp, const void *ctx)
{
	uint64_t nla_len = nla->nla_len < len ? nla->nla_len : len;
	unsigned type = nla->nla_type & NLA_TYPE_MASK;
	nla_decoder fn = NULL;

	if (nla_len <= NLA_HDRLEN) {
		print_nla_header(d, nla, sp);
		return;
	}
	sb_putc(d->sb, '[');
	print_nla_header(d, nla, sp);
	sb_puts(d->sb, ", ");
	if (sp->decoders && sp->n == 0) {
		fn = sp->decoders[0];
		/* a space of one decoder for every type gets the type as its context */
		ctx = (const void *)(uintptr_t)type;
	} else if (sp->decoders && type < sp->n) {
		fn = sp->decoders[type];
	}
	if (!fn || !fn(d, addr + NLA_HDRLEN, nla_len - NLA_HDRLEN, ctx))
		print_nla_hex(d, addr + NLA_HDRLEN, nla_len - NLA_HDRLEN);
	sb_putc(d->sb, ']');
}

void print_nlattrs(struct dctx *d, uint64_t addr, uint64_t len, const struct nla_space *sp,
		   const void *ctx)
{
	struct nlattr nla;
	int is_array = 0;
	uint64_t elt;

	for (elt = 0;; elt++) {
		uint64_t next_addr = 0, next_len = 0, aligned;

		if (len < sizeof nla) {
			print_nla_hex(d, addr, len);
			break;
		}
		if (mem_read_full(d, addr, &nla, sizeof nla) < 0) {
			if (is_array)
				sb_printf(d->sb, "... /* %#" PRIx64 " */", addr);
			else
				print_addr(d->sb, addr);
			break;
		}
		if (!d->o->verbose && d->o->strsize >= 0 && elt == (uint64_t)d->o->strsize) {
			sb_puts(d->sb, "...");
			break;
		}
		aligned = NLA_ALIGN((uint64_t)nla.nla_len);
		if (nla.nla_len >= NLA_HDRLEN) {
			next_len = len >= aligned ? len - aligned : 0;
			/* (an address that wraps ends the list, as in strace) */
			if (next_len && addr + aligned > addr)
				next_addr = addr + aligned;
		}
		if (!is_array && next_addr) {
			sb_putc(d->sb, '[');
			is_array = 1;
		}
		print_nlattr(d, &nla, addr, len, sp, ctx);
		if (!next_addr)
			break;
		sb_puts(d->sb, ", ");
		addr = next_addr;
		len = next_len;
	}
	if (is_array)
		sb_putc(d->sb, ']');
}

/* A string attribute: its bytes, without the NUL that ends it. */
int nla_str(struct dctx *d, uint64_t addr, uint64_t len, const void *ctx)
{
	unsigned char last;

	(void)ctx;
	if (mem_read_full(d, addr + len - 1, &last, 1) == 0 && last == '\0')
		len--;
	print_tracee_str(d, addr, (int64_t)len, (uint64_t)d->o->strsize, 0);
	return 1;
}

/* Reads size bytes of a payload of at least size bytes; -1 (nothing printed) if shorter,
 * 1 (the address printed) if unreadable, 0 when read. */
static int nla_read(struct dctx *d, uint64_t addr, uint64_t len, void *buf, size_t size)
{
	if (len < size)
		return -1;
	if (mem_read_full(d, addr, buf, size) < 0) {
		print_addr(d->sb, addr);
		return 1;
	}
	return 0;
}

#define NLA_NUMBER(name, type, fmt)						\
int name(struct dctx *d, uint64_t addr, uint64_t len, const void *ctx)		\
{										\
	type v;									\
	int r = nla_read(d, addr, len, &v, sizeof v);				\
										\
	(void)ctx;								\
	if (r == 0)								\
		sb_printf(d->sb, fmt, v);					\
	return r >= 0;								\
}
NLA_NUMBER(nla_u8, uint8_t, "%" PRIu8)
NLA_NUMBER(nla_u16, uint16_t, "%" PRIu16)
NLA_NUMBER(nla_u32, uint32_t, "%" PRIu32)
NLA_NUMBER(nla_u64, uint64_t, "%" PRIu64)
NLA_NUMBER(nla_s32, int32_t, "%" PRId32)
NLA_NUMBER(nla_x32, uint32_t, "%#" PRIx32)

int nla_fd(struct dctx *d, uint64_t addr, uint64_t len, const void *ctx)
{
	int32_t fd;
	int r = nla_read(d, addr, len, &fd, sizeof fd);

	(void)ctx;
	if (r == 0)
		print_fd(d, fd);
	return r >= 0;
}

void print_ifindex(struct strbuf *sb, uint32_t index)
{
	char name[IF_NAMESIZE];

	if (index && if_indextoname(index, name)) {
		sb_puts(sb, "if_nametoindex(\"");
		print_escaped(sb, (const unsigned char *)name, strnlen(name, sizeof name), 0);
		sb_puts(sb, "\")");
	} else {
		sb_printf(sb, "%" PRIu32, index);
	}
}

int nla_ifindex(struct dctx *d, uint64_t addr, uint64_t len, const void *ctx)
{
	uint32_t index;
	int r = nla_read(d, addr, len, &index, sizeof index);

	(void)ctx;
	if (r == 0)
		print_ifindex(d->sb, index);
	return r >= 0;
}

/* Reads a little-endian value of size bytes (1, 2, 4, 8) into v. */
static int nla_read_uint(struct dctx *d, uint64_t addr, uint64_t len, size_t size, uint64_t *v)
{
	unsigned char buf[8];
	uint8_t u8;
	uint16_t u16;
	uint32_t u32;

	if (len > sizeof buf || len < size)
		return -1;
	if (size)
		len = size;
	if (mem_read_full(d, addr, buf, len) < 0) {
		print_addr(d->sb, addr);
		return 1;
	}
	switch (len) {
	case 1: memcpy(&u8, buf, 1); *v = u8; break;
	case 2: memcpy(&u16, buf, 2); *v = u16; break;
	case 4: memcpy(&u32, buf, 4); *v = u32; break;
	case 8: memcpy(v, buf, 8); break;
	default:
		/* strace reads an odd length into the low bytes of a zeroed 64-bit value */
		*v = 0;
		memcpy(v, buf, len);
	}
	return 0;
}

int nla_enum(struct dctx *d, uint64_t addr, uint64_t len, size_t size, const struct xlat *x,
	     const char *unknown)
{
	uint64_t v;
	int r = nla_read_uint(d, addr, len, size, &v);

	if (r == 0)
		xlat_print_enum(d->sb, x, v, unknown);
	return r >= 0;
}

int nla_flags(struct dctx *d, uint64_t addr, uint64_t len, size_t size, const struct xlat *x,
	      const char *unknown)
{
	uint64_t v;
	int r = nla_read_uint(d, addr, len, size, &v);

	if (r == 0 && xlat_print_flags(d->sb, x, v, NULL) == 0 && v)
		sb_printf(d->sb, " /* %s */", unknown);
	return r >= 0;
}

int nla_indexed_array(struct dctx *d, uint64_t addr, uint64_t len, size_t size,
		      const struct xlat *x, const char *unknown)
{
	uint64_t count = len / size, i;
	unsigned char elem[8];

	if (!count)
		return 0;
	for (i = 0; i < count; i++) {
		const char *name;

		if (mem_read_full(d, addr + i * size, elem, size) < 0) {
			if (i == 0) {
				print_addr(d->sb, addr);
				return 1;
			}
			sb_printf(d->sb, ", ... /* %#" PRIx64 " */", addr + i * size);
			break;
		}
		sb_puts(d->sb, i ? ", " : "[");
		if (!d->o->verbose && d->o->strsize >= 0 && i >= (uint64_t)d->o->strsize) {
			sb_puts(d->sb, "...");
			break;
		}
		name = xlat_name(x, i);
		if (name)
			sb_printf(d->sb, "[%s]=", name);
		else
			sb_printf(d->sb, "[%" PRIu64 " /* %s */]=", i, unknown);
		if (size == 4) {
			int32_t v;

			memcpy(&v, elem, sizeof v);
			sb_printf(d->sb, "%" PRId32, v);
		} else {
			uint64_t v;

			memcpy(&v, elem, sizeof v);
			sb_printf(d->sb, "%" PRIu64, v);
		}
	}
	sb_putc(d->sb, ']');
	return 1;
}

void print_inet_addr_at(struct dctx *d, uint64_t addr, uint64_t len, int af)
{
	unsigned char raw[16];
	char text[INET6_ADDRSTRLEN];
	size_t size = af == AF_INET ? 4 : af == AF_INET6 ? 16 : 0;

	if (!size || len < size) {
		print_nla_hex(d, addr, len);
		return;
	}
	if (mem_read_full(d, addr, raw, size) < 0) {
		print_addr(d->sb, addr);
		return;
	}
	if (!inet_ntop(af, raw, text, sizeof text)) {
		print_nla_hex(d, addr, len);
		return;
	}
	if (af == AF_INET)
		sb_printf(d->sb, "inet_addr(\"%s\")", text);
	else
		sb_printf(d->sb, "inet_pton(AF_INET6, \"%s\")", text);
}

int nla_in6_addr(struct dctx *d, uint64_t addr, uint64_t len, const void *ctx)
{
	(void)ctx;
	if (len < 16)
		return 0;
	print_inet_addr_at(d, addr, len, AF_INET6);
	return 1;
}

/*
 * strace sizes a hardware address by a device type (ARPHRD_*) but is given the message's
 * address family: so the length shown is that of the ARPHRD_* whose number is the family.
 * These are the types below 256 (every family) with a length of their own; the others show
 * the whole payload.
 */
static const struct { uint8_t type, size; } hwaddr_sizes[] = {
	{ ARPHRD_NETROM, 7 }, { ARPHRD_ETHER, 6 }, { ARPHRD_AX25, 7 }, { ARPHRD_IEEE802, 6 },
	{ ARPHRD_ARCNET, 1 }, { ARPHRD_DLCI, 2 }, { ARPHRD_IEEE1394, 16 }, { ARPHRD_EUI64, 8 },
	{ ARPHRD_INFINIBAND, 20 },
};

int nla_hwaddr(struct dctx *d, uint64_t addr, uint64_t len, unsigned family)
{
	unsigned char buf[HWADDR_MAX];
	uint64_t shown = len, i;

	if (len > HWADDR_MAX)
		return 0;
	if (mem_read_full(d, addr, buf, len) < 0) {
		print_addr(d->sb, addr);
		return 1;
	}
	for (i = 0; i < sizeof hwaddr_sizes / sizeof hwaddr_sizes[0]; i++)
		if (hwaddr_sizes[i].type == family && hwaddr_sizes[i].size < shown)
			shown = hwaddr_sizes[i].size;
	for (i = 0; i < shown; i++)
		sb_printf(d->sb, "%s%02x", i ? ":" : "", buf[i]);
	return 1;
}

int rtnl_header(struct dctx *d, uint64_t addr, uint64_t len, uint8_t family, const char *name,
		void *hdr, size_t size, size_t off)
{
	sb_printf(d->sb, "{%s=", name);
	xlat_print_enum(d->sb, xlat_address_families, family, "AF_???");
	sb_puts(d->sb, ", ");
	if (len < size) {
		sb_puts(d->sb, "...}");
		return -1;
	}
	if (mem_read_full(d, addr + off, (char *)hdr + off, size - off) < 0) {
		print_addr(d->sb, addr + off);
		sb_putc(d->sb, '}');
		return -1;
	}
	return 0;
}
