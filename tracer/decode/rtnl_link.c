/*
 * tracer/decode/rtnl_link.c: RTM_NEWLINK/DELLINK/GETLINK/SETLINK payloads as strace 6.1
 * prints them: struct ifinfomsg and its IFLA_* attributes, with the nested ones ip(8) meets
 * (IFLA_STATS/STATS64, IFLA_MAP, IFLA_XDP, IFLA_LINKINFO's kind, IFLA_AF_SPEC's AF_INET
 * and AF_INET6 lists, IFLA_PROTINFO's AF_INET6 list, IFLA_PROP_LIST). The bridge, VF and
 * port attributes print in hex.
 */
#include <inttypes.h>
#include <stddef.h>
#include <string.h>
#include <sys/socket.h>
#include <linux/if_link.h>
#include <linux/rtnetlink.h>
#include "tracer/decode/nlattr.h"

static int ifla_hwaddr(struct dctx *d, uint64_t addr, uint64_t len, const void *ctx)
{
	const struct ifinfomsg *ifi = ctx;

	return nla_hwaddr(d, addr, len, ifi->ifi_family);
}

/* The counters of struct rtnl_link_stats64 and rtnl_link_stats, in order. */
static const char *const stats_fields[] = {
	"rx_packets", "tx_packets", "rx_bytes", "tx_bytes", "rx_errors", "tx_errors",
	"rx_dropped", "tx_dropped", "multicast", "collisions", "rx_length_errors",
	"rx_over_errors", "rx_crc_errors", "rx_frame_errors", "rx_fifo_errors",
	"rx_missed_errors", "tx_aborted_errors", "tx_carrier_errors", "tx_fifo_errors",
	"tx_heartbeat_errors", "tx_window_errors", "rx_compressed", "tx_compressed",
	"rx_nohandler", "rx_otherhost_dropped",
};
/* Counters up to tx_compressed: the oldest struct strace accepts. */
#define STATS_MIN 23

/*
 * nfields counters of size bytes each, as strace prints them; strace takes the struct's
 * full size, or exactly one of its older sizes (in fields: STATS_MIN, and 24 for stats64).
 */
static int print_stats(struct dctx *d, uint64_t addr, uint64_t len, size_t size,
		       unsigned nfields, int rx_nohandler_size_ok)
{
	unsigned char buf[sizeof stats_fields / sizeof stats_fields[0] * 8];
	unsigned n, i;

	if (len >= nfields * size)
		n = nfields;
	else if (rx_nohandler_size_ok && len == (STATS_MIN + 1) * size)
		n = STATS_MIN + 1;
	else if (len == STATS_MIN * size)
		n = STATS_MIN;
	else
		return 0;
	if (mem_read_full(d, addr, buf, n * size) < 0) {
		print_addr(d->sb, addr);
		return 1;
	}
	sb_putc(d->sb, '{');
	for (i = 0; i < n; i++) {
		uint64_t v;

		if (size == 8) {
			memcpy(&v, buf + i * 8, 8);
		} else {
			uint32_t v32;

			memcpy(&v32, buf + i * 4, 4);
			v = v32;
		}
		sb_printf(d->sb, "%s%s=%" PRIu64, i ? ", " : "", stats_fields[i], v);
	}
	sb_putc(d->sb, '}');
	return 1;
}

static int ifla_stats(struct dctx *d, uint64_t addr, uint64_t len, const void *ctx)
{
	(void)ctx;
	return print_stats(d, addr, len, 4, sizeof(struct rtnl_link_stats) / 4, 0);
}

static int ifla_stats64(struct dctx *d, uint64_t addr, uint64_t len, const void *ctx)
{
	(void)ctx;
	return print_stats(d, addr, len, 8, sizeof(struct rtnl_link_stats64) / 8, 1);
}

static int ifla_map(struct dctx *d, uint64_t addr, uint64_t len, const void *ctx)
{
	struct rtnl_link_ifmap map;
	/* strace reads up to port, without the struct's tail padding */
	size_t size = offsetof(struct rtnl_link_ifmap, port) + sizeof map.port;

	(void)ctx;
	if (len < size)
		return 0;
	memset(&map, 0, sizeof map);
	if (mem_read_full(d, addr, &map, size) < 0) {
		print_addr(d->sb, addr);
		return 1;
	}
	sb_printf(d->sb, "{mem_start=%#" PRIx64 ", mem_end=%#" PRIx64 ", base_addr=%#" PRIx64
		  ", irq=%u, dma=%u, port=%u}", (uint64_t)map.mem_start, (uint64_t)map.mem_end,
		  (uint64_t)map.base_addr, map.irq, map.dma, map.port);
	return 1;
}

static int ifla_ext_mask(struct dctx *d, uint64_t addr, uint64_t len, const void *ctx)
{
	(void)ctx;
	return nla_flags(d, addr, len, 4, xlat_rtext_filter, "RTEXT_FILTER_???");
}

static int ifla_event(struct dctx *d, uint64_t addr, uint64_t len, const void *ctx)
{
	(void)ctx;
	if (len < 4)
		return 0;
	return nla_enum(d, addr, 4, 4, xlat_ifla_events, "IFLA_EVENT_???");
}

/* ---- IFLA_XDP ---- */
static int xdp_attached(struct dctx *d, uint64_t addr, uint64_t len, const void *ctx)
{
	(void)ctx;
	return nla_enum(d, addr, len, 1, xlat_xdp_attached, "XDP_ATTACHED_???");
}

static int xdp_flags(struct dctx *d, uint64_t addr, uint64_t len, const void *ctx)
{
	(void)ctx;
	if (len < 4)
		return 0;
	return nla_flags(d, addr, 4, 4, xlat_xdp_flags, "XDP_FLAGS_???");
}

static const nla_decoder xdp_decoders[] = {
	[IFLA_XDP_FD] = nla_fd,
	[IFLA_XDP_ATTACHED] = xdp_attached,
	[IFLA_XDP_FLAGS] = xdp_flags,
	[IFLA_XDP_PROG_ID] = nla_u32,
	[IFLA_XDP_DRV_PROG_ID] = nla_u32,
	[IFLA_XDP_SKB_PROG_ID] = nla_u32,
	[IFLA_XDP_HW_PROG_ID] = nla_u32,
	[IFLA_XDP_EXPECTED_FD] = nla_fd,
};
static const struct nla_space xdp_space = {
	xlat_ifla_xdp_attrs, "IFLA_XDP_???", xdp_decoders,
	sizeof xdp_decoders / sizeof xdp_decoders[0]
};

static int ifla_xdp(struct dctx *d, uint64_t addr, uint64_t len, const void *ctx)
{
	print_nlattrs(d, addr, len, &xdp_space, ctx);
	return 1;
}

/* ---- IFLA_LINKINFO: the kind by name; kinds' data in hex ---- */
static const nla_decoder linkinfo_decoders[] = {
	[IFLA_INFO_KIND] = nla_str,
	[IFLA_INFO_SLAVE_KIND] = nla_str,
};
static const struct nla_space linkinfo_space = {
	xlat_ifla_info_attrs, "IFLA_INFO_???", linkinfo_decoders,
	sizeof linkinfo_decoders / sizeof linkinfo_decoders[0]
};

static int ifla_linkinfo(struct dctx *d, uint64_t addr, uint64_t len, const void *ctx)
{
	print_nlattrs(d, addr, len, &linkinfo_space, ctx);
	return 1;
}

/* ---- IFLA_AF_SPEC: a list per address family ---- */
static int inet_conf(struct dctx *d, uint64_t addr, uint64_t len, const void *ctx)
{
	(void)ctx;
	return nla_indexed_array(d, addr, len, 4, xlat_inet_devconf, "IPV4_DEVCONF_???");
}

static const nla_decoder inet_decoders[] = { [IFLA_INET_CONF] = inet_conf };
static const struct nla_space inet_space = {
	xlat_ifla_inet_attrs, "IFLA_INET_???", inet_decoders,
	sizeof inet_decoders / sizeof inet_decoders[0]
};

static int inet6_flags(struct dctx *d, uint64_t addr, uint64_t len, const void *ctx)
{
	(void)ctx;
	return nla_flags(d, addr, len, 4, xlat_inet6_if_flags, "IF_???");
}

static int inet6_conf(struct dctx *d, uint64_t addr, uint64_t len, const void *ctx)
{
	(void)ctx;
	return nla_indexed_array(d, addr, len, 4, xlat_inet6_devconf, "DEVCONF_???");
}

static int inet6_stats(struct dctx *d, uint64_t addr, uint64_t len, const void *ctx)
{
	(void)ctx;
	return nla_indexed_array(d, addr, len, 8, xlat_ip_stats, "IPSTATS_MIB_???");
}

static int inet6_icmp6_stats(struct dctx *d, uint64_t addr, uint64_t len, const void *ctx)
{
	(void)ctx;
	return nla_indexed_array(d, addr, len, 8, xlat_icmp6_stats, "ICMP6_MIB_???");
}

static int inet6_cacheinfo(struct dctx *d, uint64_t addr, uint64_t len, const void *ctx)
{
	struct ifla_cacheinfo ci;

	(void)ctx;
	if (len < sizeof ci)
		return 0;
	if (mem_read_full(d, addr, &ci, sizeof ci) < 0) {
		print_addr(d->sb, addr);
		return 1;
	}
	sb_printf(d->sb, "{max_reasm_len=%u, tstamp=%u, reachable_time=%u, retrans_time=%u}",
		  ci.max_reasm_len, ci.tstamp, ci.reachable_time, ci.retrans_time);
	return 1;
}

static int inet6_addr_gen_mode(struct dctx *d, uint64_t addr, uint64_t len, const void *ctx)
{
	(void)ctx;
	return nla_enum(d, addr, len, 1, xlat_in6_addr_gen_mode, "IN6_ADDR_GEN_MODE_???");
}

static const nla_decoder inet6_decoders[] = {
	[IFLA_INET6_FLAGS] = inet6_flags,
	[IFLA_INET6_CONF] = inet6_conf,
	[IFLA_INET6_STATS] = inet6_stats,
	[IFLA_INET6_CACHEINFO] = inet6_cacheinfo,
	[IFLA_INET6_ICMP6STATS] = inet6_icmp6_stats,
	[IFLA_INET6_TOKEN] = nla_in6_addr,
	[IFLA_INET6_ADDR_GEN_MODE] = inet6_addr_gen_mode,
	[IFLA_INET6_RA_MTU] = nla_u32,
};
static const struct nla_space inet6_space = {
	xlat_ifla_inet6_attrs, "IFLA_INET6_???", inet6_decoders,
	sizeof inet6_decoders / sizeof inet6_decoders[0]
};

/* One family's list; ctx is the attribute's type, the family. */
static int af_spec_family(struct dctx *d, uint64_t addr, uint64_t len, const void *ctx)
{
	uintptr_t family = (uintptr_t)ctx;

	if (family == AF_INET)
		print_nlattrs(d, addr, len, &inet_space, NULL);
	else if (family == AF_INET6)
		print_nlattrs(d, addr, len, &inet6_space, NULL);
	else
		print_nla_hex(d, addr, len);
	return 1;
}

static const nla_decoder af_spec_decoders[] = { af_spec_family };
static const struct nla_space af_spec_space = {
	xlat_address_families, "AF_???", af_spec_decoders, 0
};

static int ifla_af_spec(struct dctx *d, uint64_t addr, uint64_t len, const void *ctx)
{
	const struct ifinfomsg *ifi = ctx;

	/* AF_BRIDGE's list (IFLA_BRIDGE_*) is not decoded: its payload is shown in hex */
	if (ifi->ifi_family == AF_BRIDGE)
		return 0;
	print_nlattrs(d, addr, len, &af_spec_space, NULL);
	return 1;
}

/* IFLA_PROTINFO: AF_INET6's list as in IFLA_AF_SPEC; AF_BRIDGE's (IFLA_BRPORT_*) in hex. */
static int ifla_protinfo(struct dctx *d, uint64_t addr, uint64_t len, const void *ctx)
{
	const struct ifinfomsg *ifi = ctx;

	if (ifi->ifi_family != AF_INET6)
		return 0;
	print_nlattrs(d, addr, len, &inet6_space, NULL);
	return 1;
}

/* ---- IFLA_PROP_LIST: alternative names ---- */
static int prop_list_attr(struct dctx *d, uint64_t addr, uint64_t len, const void *ctx)
{
	if ((uintptr_t)ctx != IFLA_ALT_IFNAME)
		return 0;
	return nla_str(d, addr, len, NULL);
}

static const nla_decoder prop_list_decoders[] = { prop_list_attr };
static const struct nla_space prop_list_space = {
	xlat_ifla_attrs, "IFLA_???", prop_list_decoders, 0
};

static int ifla_prop_list(struct dctx *d, uint64_t addr, uint64_t len, const void *ctx)
{
	(void)ctx;
	print_nlattrs(d, addr, len, &prop_list_space, NULL);
	return 1;
}

static const nla_decoder ifla_decoders[] = {
	[IFLA_ADDRESS] = ifla_hwaddr,
	[IFLA_BROADCAST] = ifla_hwaddr,
	[IFLA_IFNAME] = nla_str,
	[IFLA_MTU] = nla_u32,
	[IFLA_LINK] = nla_u32,
	[IFLA_QDISC] = nla_str,
	[IFLA_STATS] = ifla_stats,
	[IFLA_MASTER] = nla_u32,
	[IFLA_PROTINFO] = ifla_protinfo,
	[IFLA_TXQLEN] = nla_u32,
	[IFLA_MAP] = ifla_map,
	[IFLA_WEIGHT] = nla_u32,
	[IFLA_OPERSTATE] = nla_u8,
	[IFLA_LINKMODE] = nla_u8,
	[IFLA_LINKINFO] = ifla_linkinfo,
	[IFLA_NET_NS_PID] = nla_u32,
	[IFLA_IFALIAS] = nla_str,
	[IFLA_NUM_VF] = nla_u32,
	[IFLA_STATS64] = ifla_stats64,
	[IFLA_AF_SPEC] = ifla_af_spec,
	[IFLA_GROUP] = nla_u32,
	[IFLA_NET_NS_FD] = nla_fd,
	[IFLA_EXT_MASK] = ifla_ext_mask,
	[IFLA_PROMISCUITY] = nla_u32,
	[IFLA_NUM_TX_QUEUES] = nla_u32,
	[IFLA_NUM_RX_QUEUES] = nla_u32,
	[IFLA_CARRIER] = nla_u8,
	[IFLA_CARRIER_CHANGES] = nla_u32,
	[IFLA_LINK_NETNSID] = nla_s32,
	[IFLA_PHYS_PORT_NAME] = nla_str,
	[IFLA_PROTO_DOWN] = nla_u8,
	[IFLA_GSO_MAX_SEGS] = nla_u32,
	[IFLA_GSO_MAX_SIZE] = nla_u32,
	[IFLA_XDP] = ifla_xdp,
	[IFLA_EVENT] = ifla_event,
	[IFLA_NEW_NETNSID] = nla_s32,
	[IFLA_IF_NETNSID] = nla_s32,
	[IFLA_CARRIER_UP_COUNT] = nla_u32,
	[IFLA_CARRIER_DOWN_COUNT] = nla_u32,
	[IFLA_NEW_IFINDEX] = nla_ifindex,
	[IFLA_MIN_MTU] = nla_u32,
	[IFLA_MAX_MTU] = nla_u32,
	[IFLA_PROP_LIST] = ifla_prop_list,
	[IFLA_ALT_IFNAME] = nla_str,
	[IFLA_PERM_ADDRESS] = ifla_hwaddr,
	[IFLA_PARENT_DEV_NAME] = nla_str,
	[IFLA_PARENT_DEV_BUS_NAME] = nla_str,
	[IFLA_GRO_MAX_SIZE] = nla_u32,
	[IFLA_TSO_MAX_SIZE] = nla_u32,
	[IFLA_TSO_MAX_SEGS] = nla_u32,
	[IFLA_ALLMULTI] = nla_u32,
};
static const struct nla_space ifla_space = {
	xlat_ifla_attrs, "IFLA_???", ifla_decoders, sizeof ifla_decoders / sizeof ifla_decoders[0]
};

void print_ifinfomsg(struct dctx *d, uint64_t addr, uint64_t len, uint8_t family)
{
	struct ifinfomsg ifi;
	const size_t off = offsetof(struct ifinfomsg, ifi_type);

	memset(&ifi, 0, sizeof ifi);
	ifi.ifi_family = family;
	if (rtnl_header(d, addr, len, family, "ifi_family", &ifi, sizeof ifi, off) < 0)
		return;
	sb_puts(d->sb, "ifi_type=");
	xlat_print_enum(d->sb, xlat_arphrd, ifi.ifi_type, "ARPHRD_???");
	sb_puts(d->sb, ", ifi_index=");
	print_ifindex(d->sb, (uint32_t)ifi.ifi_index);
	sb_puts(d->sb, ", ifi_flags=");
	if (xlat_print_flags(d->sb, xlat_iff_flags, ifi.ifi_flags, NULL) == 0 && ifi.ifi_flags)
		sb_puts(d->sb, " /* IFF_??? */");
	sb_printf(d->sb, ", ifi_change=%#x}", ifi.ifi_change);
	if (len > NLMSG_ALIGN(sizeof ifi)) {
		sb_puts(d->sb, ", ");
		print_nlattrs(d, addr + NLMSG_ALIGN(sizeof ifi), len - NLMSG_ALIGN(sizeof ifi),
			      &ifla_space, &ifi);
	}
}
