/*
 * tracer/decode/rtnl_route.c: RTM_NEWROUTE/DELROUTE/GETROUTE payloads as strace 6.1
 * prints them: struct rtmsg and its RTA_* attributes (addresses by the message's family,
 * interfaces, the table, RTA_METRICS, RTA_MULTIPATH's next hops, RTA_CACHEINFO, RTA_VIA).
 */
#include <inttypes.h>
#include <stddef.h>
#include <string.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include "tracer/decode/nlattr.h"

/*
 * The attributes' context: the message's rtmsg, and how deep in RTA_MULTIPATH lists they
 * are (a next hop's attributes may hold RTA_MULTIPATH again; a tracee's buffer could nest
 * them until trace's stack ran out, so past MULTIPATH_DEPTH levels the payload is hex).
 */
struct rta_ctx {
	struct rtmsg rtm;	/* first: the decoders read the family through it */
	int depth;
};
#define MULTIPATH_DEPTH 8

static int rta_addr(struct dctx *d, uint64_t addr, uint64_t len, const void *ctx)
{
	const struct rtmsg *rtm = ctx;

	print_inet_addr_at(d, addr, len, rtm->rtm_family);
	return 1;
}

static int rta_table(struct dctx *d, uint64_t addr, uint64_t len, const void *ctx)
{
	(void)ctx;
	if (len < 4)
		return 0;
	return nla_enum(d, addr, 4, 4, xlat_rt_tables, NULL);
}

static const nla_decoder rtax_decoders[] = {
	[RTAX_LOCK] = nla_u32, [RTAX_MTU] = nla_u32, [RTAX_WINDOW] = nla_u32,
	[RTAX_RTT] = nla_u32, [RTAX_RTTVAR] = nla_u32, [RTAX_SSTHRESH] = nla_u32,
	[RTAX_CWND] = nla_u32, [RTAX_ADVMSS] = nla_u32, [RTAX_REORDERING] = nla_u32,
	[RTAX_HOPLIMIT] = nla_u32, [RTAX_INITCWND] = nla_u32, [RTAX_FEATURES] = nla_u32,
	[RTAX_RTO_MIN] = nla_u32, [RTAX_INITRWND] = nla_u32, [RTAX_QUICKACK] = nla_u32,
	[RTAX_CC_ALGO] = nla_str,
};
static const struct nla_space rtax_space = {
	xlat_rtax_attrs, "RTAX_???", rtax_decoders, sizeof rtax_decoders / sizeof rtax_decoders[0]
};

static int rta_metrics(struct dctx *d, uint64_t addr, uint64_t len, const void *ctx)
{
	print_nlattrs(d, addr, len, &rtax_space, ctx);
	return 1;
}

static int rta_cacheinfo(struct dctx *d, uint64_t addr, uint64_t len, const void *ctx)
{
	struct rta_cacheinfo ci;

	(void)ctx;
	if (len < sizeof ci)
		return 0;
	if (mem_read_full(d, addr, &ci, sizeof ci) < 0) {
		print_addr(d->sb, addr);
		return 1;
	}
	sb_printf(d->sb, "{rta_clntref=%u, rta_lastuse=%u, rta_expires=%d, rta_error=%u, "
		  "rta_used=%u, rta_id=%#x, rta_ts=%u, rta_tsage=%u}", ci.rta_clntref,
		  ci.rta_lastuse, ci.rta_expires, ci.rta_error, ci.rta_used, ci.rta_id, ci.rta_ts,
		  ci.rta_tsage);
	return 1;
}

static int rta_via(struct dctx *d, uint64_t addr, uint64_t len, const void *ctx)
{
	uint16_t family;
	const size_t off = offsetof(struct rtvia, rtvia_addr);

	(void)ctx;
	if (len < sizeof(struct rtvia))
		return 0;
	if (mem_read_full(d, addr, &family, sizeof family) < 0) {
		print_addr(d->sb, addr);
		return 1;
	}
	sb_puts(d->sb, "{rtvia_family=");
	xlat_print_enum(d->sb, xlat_address_families, family, "AF_???");
	if (len > off) {
		sb_puts(d->sb, ", rtvia_addr=");
		print_inet_addr_at(d, addr + off, len - off, family);
	}
	sb_putc(d->sb, '}');
	return 1;
}

static int rta_multipath(struct dctx *d, uint64_t addr, uint64_t len, const void *ctx);

static const nla_decoder rta_decoders[] = {
	[RTA_DST] = rta_addr,
	[RTA_SRC] = rta_addr,
	[RTA_IIF] = nla_ifindex,
	[RTA_OIF] = nla_ifindex,
	[RTA_GATEWAY] = rta_addr,
	[RTA_PRIORITY] = nla_u32,
	[RTA_PREFSRC] = rta_addr,
	[RTA_METRICS] = rta_metrics,
	[RTA_MULTIPATH] = rta_multipath,
	[RTA_PROTOINFO] = nla_u32,
	[RTA_FLOW] = nla_u32,
	[RTA_CACHEINFO] = rta_cacheinfo,
	[RTA_MP_ALGO] = nla_u32,
	[RTA_TABLE] = rta_table,
	[RTA_MARK] = nla_u32,
	[RTA_VIA] = rta_via,
	[RTA_NEWDST] = rta_addr,
	[RTA_PREF] = nla_u8,
	[RTA_EXPIRES] = nla_u64,
	[RTA_UID] = nla_u32,
	[RTA_TTL_PROPAGATE] = nla_u8,
	[RTA_IP_PROTO] = nla_u8,
	[RTA_SPORT] = nla_u16,
	[RTA_DPORT] = nla_u16,
};
static const struct nla_space rta_space = {
	xlat_rta_attrs, "RTA_???", rta_decoders, sizeof rta_decoders / sizeof rta_decoders[0]
};

/* RTA_MULTIPATH: struct rtnexthop after struct rtnexthop, each with its own attributes. */
static int rta_multipath(struct dctx *d, uint64_t addr, uint64_t len, const void *ctx)
{
	struct rtnexthop nh;
	uint64_t cur = addr, left = len;
	const uint64_t off = RTNH_ALIGN(sizeof nh);
	int is_array = 0;
	struct rta_ctx inner = *(const struct rta_ctx *)ctx;

	if (len < sizeof nh || inner.depth >= MULTIPATH_DEPTH)
		return 0;
	inner.depth++;
	for (;;) {
		uint64_t nh_len;

		if (mem_read_full(d, cur, &nh, sizeof nh) < 0) {
			print_addr(d->sb, cur);
			break;
		}
		nh_len = nh.rtnh_len < left ? nh.rtnh_len : left;
		if (cur == addr && nh.rtnh_len < len) {
			sb_putc(d->sb, '[');
			is_array = 1;
		}
		if (cur > addr)
			sb_puts(d->sb, ", ");
		if (nh_len > off)
			sb_putc(d->sb, '[');
		sb_printf(d->sb, "{rtnh_len=%u, rtnh_flags=", nh.rtnh_len);
		if (xlat_print_flags(d->sb, xlat_rtnh_flags, nh.rtnh_flags, NULL) == 0 &&
		    nh.rtnh_flags)
			sb_puts(d->sb, " /* RTNH_F_??? */");
		sb_printf(d->sb, ", rtnh_hops=%u, rtnh_ifindex=", nh.rtnh_hops);
		print_ifindex(d->sb, (uint32_t)nh.rtnh_ifindex);
		sb_putc(d->sb, '}');
		if (nh_len > off) {
			sb_puts(d->sb, ", ");
			print_nlattrs(d, cur + off, nh_len - off, &rta_space, &inner);
			sb_putc(d->sb, ']');
		}
		if (RTNH_ALIGN(nh_len) >= left)
			break;
		cur += RTNH_ALIGN(nh_len);
		left -= RTNH_ALIGN(nh_len);
	}
	if (is_array)
		sb_putc(d->sb, ']');
	return 1;
}

void print_rtmsg(struct dctx *d, uint64_t addr, uint64_t len, uint8_t family)
{
	struct rta_ctx ctx;
	struct rtmsg *const rtm_p = &ctx.rtm;
	const size_t off = offsetof(struct rtmsg, rtm_dst_len);

	memset(&ctx, 0, sizeof ctx);
	rtm_p->rtm_family = family;
	if (rtnl_header(d, addr, len, family, "rtm_family", rtm_p, sizeof *rtm_p, off) < 0)
		return;
	sb_printf(d->sb, "rtm_dst_len=%u, rtm_src_len=%u, rtm_tos=", rtm_p->rtm_dst_len,
		  rtm_p->rtm_src_len);
	if (xlat_print_flags(d->sb, xlat_iptos, rtm_p->rtm_tos, NULL) == 0 && rtm_p->rtm_tos)
		sb_puts(d->sb, " /* IPTOS_TOS_??? */");
	sb_puts(d->sb, ", rtm_table=");
	xlat_print_enum(d->sb, xlat_rt_tables, rtm_p->rtm_table, NULL);
	sb_puts(d->sb, ", rtm_protocol=");
	xlat_print_enum(d->sb, xlat_rt_protocols, rtm_p->rtm_protocol, "RTPROT_???");
	sb_puts(d->sb, ", rtm_scope=");
	xlat_print_enum(d->sb, xlat_rt_scopes, rtm_p->rtm_scope, NULL);
	sb_puts(d->sb, ", rtm_type=");
	xlat_print_enum(d->sb, xlat_rt_types, rtm_p->rtm_type, "RTN_???");
	sb_puts(d->sb, ", rtm_flags=");
	if (xlat_print_flags(d->sb, xlat_rtm_flags, rtm_p->rtm_flags, NULL) == 0 && rtm_p->rtm_flags)
		sb_puts(d->sb, " /* RTM_F_??? */");
	sb_putc(d->sb, '}');
	if (len > NLMSG_ALIGN(sizeof *rtm_p)) {
		sb_puts(d->sb, ", ");
		print_nlattrs(d, addr + NLMSG_ALIGN(sizeof *rtm_p), len - NLMSG_ALIGN(sizeof *rtm_p),
			      &rta_space, &ctx);
	}
}
