/*
 * tracer/decode/rtnl_addr.c: RTM_NEWADDR/DELADDR/GETADDR payloads as strace 6.1 prints
 * them: struct ifaddrmsg and its IFA_* attributes (addresses by the message's family,
 * the label, IFA_CACHEINFO, IFA_FLAGS).
 */
#include <inttypes.h>
#include <stddef.h>
#include <string.h>
#include <linux/if_addr.h>
#include <linux/netlink.h>
#include "tracer/decode/nlattr.h"

static int ifa_address(struct dctx *d, uint64_t addr, uint64_t len, const void *ctx)
{
	const struct ifaddrmsg *ifa = ctx;

	print_inet_addr_at(d, addr, len, ifa->ifa_family);
	return 1;
}

static int ifa_cacheinfo(struct dctx *d, uint64_t addr, uint64_t len, const void *ctx)
{
	struct ifa_cacheinfo ci;

	(void)ctx;
	if (len < sizeof ci)
		return 0;
	if (mem_read_full(d, addr, &ci, sizeof ci) < 0) {
		print_addr(d->sb, addr);
		return 1;
	}
	sb_printf(d->sb, "{ifa_prefered=%u, ifa_valid=%u, cstamp=%u, tstamp=%u}",
		  ci.ifa_prefered, ci.ifa_valid, ci.cstamp, ci.tstamp);
	return 1;
}

static int ifa_flags(struct dctx *d, uint64_t addr, uint64_t len, const void *ctx)
{
	(void)ctx;
	if (len < 4)
		return 0;
	return nla_flags(d, addr, 4, 4, xlat_ifa_flags, "IFA_F_???");
}

static const nla_decoder ifa_decoders[] = {
	[IFA_ADDRESS] = ifa_address,
	[IFA_LOCAL] = ifa_address,
	[IFA_LABEL] = nla_str,
	[IFA_BROADCAST] = ifa_address,
	[IFA_ANYCAST] = ifa_address,
	[IFA_CACHEINFO] = ifa_cacheinfo,
	[IFA_MULTICAST] = ifa_address,
	[IFA_FLAGS] = ifa_flags,
	[IFA_RT_PRIORITY] = nla_u32,
	[IFA_TARGET_NETNSID] = nla_s32,
};
static const struct nla_space ifa_space = {
	xlat_ifa_attrs, "IFA_???", ifa_decoders, sizeof ifa_decoders / sizeof ifa_decoders[0]
};

void print_ifaddrmsg(struct dctx *d, uint64_t addr, uint64_t len, uint8_t family)
{
	struct ifaddrmsg ifa;
	const size_t off = offsetof(struct ifaddrmsg, ifa_prefixlen);

	memset(&ifa, 0, sizeof ifa);
	ifa.ifa_family = family;
	if (rtnl_header(d, addr, len, family, "ifa_family", &ifa, sizeof ifa, off) < 0)
		return;
	sb_printf(d->sb, "ifa_prefixlen=%u, ifa_flags=", ifa.ifa_prefixlen);
	if (xlat_print_flags(d->sb, xlat_ifa_flags, ifa.ifa_flags, NULL) == 0 && ifa.ifa_flags)
		sb_puts(d->sb, " /* IFA_F_??? */");
	sb_puts(d->sb, ", ifa_scope=");
	xlat_print_enum(d->sb, xlat_rt_scopes, ifa.ifa_scope, NULL);
	sb_puts(d->sb, ", ifa_index=");
	print_ifindex(d->sb, ifa.ifa_index);
	sb_putc(d->sb, '}');
	if (len > NLMSG_ALIGN(sizeof ifa)) {
		sb_puts(d->sb, ", ");
		print_nlattrs(d, addr + NLMSG_ALIGN(sizeof ifa), len - NLMSG_ALIGN(sizeof ifa),
			      &ifa_space, &ifa);
	}
}
