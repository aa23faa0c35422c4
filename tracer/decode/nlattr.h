/*
 * tracer/decode/nlattr.h: netlink attributes (struct nlattr and its payload), printed as
 * strace prints them: "[{nla_len=8, nla_type=IFLA_MTU}, 65536]", a list of them in
 * brackets, nested lists inside. Internal to tracer/decode/ (nlattr.c, rtnl_*.c).
 */
#ifndef EXECLAB_DECODE_NLATTR_H
#define EXECLAB_DECODE_NLATTR_H

#include <stdint.h>
#include "tracer/decode/common.h"

/*
 * Prints the payload of one attribute (len bytes at addr) and returns 1, or returns 0
 * having printed nothing: the payload is then shown in hex, as strace does for a payload
 * its decoder does not accept (too short, unknown kind). ctx is the space's context (the
 * message's fixed header, for the attributes whose form depends on its family); for a
 * space of one decoder for every type (n == 0), the attribute's type instead.
 */
typedef int (*nla_decoder)(struct dctx *d, uint64_t addr, uint64_t len, const void *ctx);

/* The attributes of one kind: their names, the unknown name, a decoder per type. */
struct nla_space {
	const struct xlat *names;
	const char *unknown;		/* "IFLA_???" */
	const nla_decoder *decoders;	/* indexed by type; NULL entries: hex */
	size_t n;			/* entries of decoders; 0: decoders[0] decodes every type */
};

/* The attributes in len bytes at addr: one "[{hdr}, payload]", or a list of them. */
void print_nlattrs(struct dctx *d, uint64_t addr, uint64_t len, const struct nla_space *sp,
		   const void *ctx);

/* The payload in hex: "\x01\x02" (a payload no decoder took). */
void print_nla_hex(struct dctx *d, uint64_t addr, uint64_t len);

/* Payload decoders shared by the rtnetlink families (ctx unused). */
int nla_str(struct dctx *d, uint64_t addr, uint64_t len, const void *ctx);
int nla_u8(struct dctx *d, uint64_t addr, uint64_t len, const void *ctx);
int nla_u16(struct dctx *d, uint64_t addr, uint64_t len, const void *ctx);
int nla_u32(struct dctx *d, uint64_t addr, uint64_t len, const void *ctx);
int nla_u64(struct dctx *d, uint64_t addr, uint64_t len, const void *ctx);
int nla_s32(struct dctx *d, uint64_t addr, uint64_t len, const void *ctx);
int nla_x32(struct dctx *d, uint64_t addr, uint64_t len, const void *ctx);
int nla_fd(struct dctx *d, uint64_t addr, uint64_t len, const void *ctx);
int nla_ifindex(struct dctx *d, uint64_t addr, uint64_t len, const void *ctx);
int nla_in6_addr(struct dctx *d, uint64_t addr, uint64_t len, const void *ctx);

/*
 * An unsigned value of size bytes (1, 2, 4 or 8; the payload may be longer) by name in x,
 * or flags of x; unknown names the family. 0 when the payload is shorter or longer than 8.
 */
int nla_enum(struct dctx *d, uint64_t addr, uint64_t len, size_t size, const struct xlat *x,
	     const char *unknown);
int nla_flags(struct dctx *d, uint64_t addr, uint64_t len, size_t size, const struct xlat *x,
	      const char *unknown);

/*
 * An array of len / size elements (int32 signed, or uint64), each with its index named by
 * x: "[[DEVCONF_HOPLIMIT]=64, [58 /\* DEVCONF_??? *\/]=0]", at most -s elements unless -v.
 * 0 when len holds no element.
 */
int nla_indexed_array(struct dctx *d, uint64_t addr, uint64_t len, size_t size,
		      const struct xlat *x, const char *unknown);

/* An address of family af ("inet_addr(\"127.0.0.1\")", "inet_pton(AF_INET6, \"::1\")"),
 * or the bytes in hex when af is neither or the payload too short. */
void print_inet_addr_at(struct dctx *d, uint64_t addr, uint64_t len, int af);

/* A hardware address "00:11:22:33:44:55", at most the length strace gives the family
 * it takes for a device type (its ifinfomsg's family). 0 when longer than MAX_ADDR_LEN. */
int nla_hwaddr(struct dctx *d, uint64_t addr, uint64_t len, unsigned family);

/* An interface index: if_nametoindex("lo") when this namespace names it, else the number. */
void print_ifindex(struct strbuf *sb, uint32_t index);

/*
 * The start every rtnetlink fixed header shares: "{NAME=AF_..., ", then the size - off
 * bytes of the header after its family byte read into hdr + off. 0 when the caller goes
 * on printing the fields; -1 when the header is cut short or unreadable, and this has
 * closed the brace ("...}" or the address).
 */
int rtnl_header(struct dctx *d, uint64_t addr, uint64_t len, uint8_t family, const char *name,
		void *hdr, size_t size, size_t off);

/* The rtnetlink messages' fixed headers and attributes (rtnl_link.c, rtnl_addr.c,
 * rtnl_route.c); len is the payload's length, family its first byte. */
void print_ifinfomsg(struct dctx *d, uint64_t addr, uint64_t len, uint8_t family);
void print_ifaddrmsg(struct dctx *d, uint64_t addr, uint64_t len, uint8_t family);
void print_rtmsg(struct dctx *d, uint64_t addr, uint64_t len, uint8_t family);

#endif
