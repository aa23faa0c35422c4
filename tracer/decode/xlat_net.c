/*
 * tracer/decode/xlat_net.c: name tables of the socket API: families, types, protocols,
 * message flags, levels. The kernel's uapi headers export few of these and clash with
 * glibc's socket headers; glibc's values are the ABI. Values from the headers by name
 * (tracer/xlat.h's XLAT); table order is printing order.
 */
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <netinet/udp.h>
#include <sys/socket.h>
#include "tracer/xlat.h"
#include "tracer/decode/xlat_compat.h"

const struct xlat xlat_address_families[] = {
	XLAT(AF_UNSPEC), XLAT(AF_UNIX), XLAT(AF_INET), XLAT(AF_AX25), XLAT(AF_IPX),
	XLAT(AF_APPLETALK), XLAT(AF_NETROM), XLAT(AF_BRIDGE), XLAT(AF_ATMPVC), XLAT(AF_X25),
	XLAT(AF_INET6), XLAT(AF_ROSE), XLAT(AF_DECnet), XLAT(AF_NETBEUI), XLAT(AF_SECURITY),
	XLAT(AF_KEY), XLAT(AF_NETLINK), XLAT(AF_PACKET), XLAT(AF_ASH), XLAT(AF_ECONET),
	XLAT(AF_ATMSVC), XLAT(AF_RDS), XLAT(AF_SNA), XLAT(AF_IRDA), XLAT(AF_PPPOX),
	XLAT(AF_WANPIPE), XLAT(AF_LLC), XLAT(AF_IB), XLAT(AF_MPLS), XLAT(AF_CAN),
	XLAT(AF_TIPC), XLAT(AF_BLUETOOTH), XLAT(AF_IUCV), XLAT(AF_RXRPC), XLAT(AF_ISDN),
	XLAT(AF_PHONET), XLAT(AF_IEEE802154), XLAT(AF_CAIF), XLAT(AF_ALG), XLAT(AF_NFC),
	XLAT(AF_VSOCK), XLAT(AF_KCM), XLAT(AF_QIPCRTR), XLAT(AF_SMC), XLAT(AF_XDP),
	XLAT(AF_MCTP), XLAT_END
};

const struct xlat xlat_socket_types[] = {
	XLAT(SOCK_STREAM), XLAT(SOCK_DGRAM), XLAT(SOCK_RAW), XLAT(SOCK_RDM),
	XLAT(SOCK_SEQPACKET), XLAT(SOCK_DCCP), XLAT(SOCK_PACKET), XLAT_END
};

const struct xlat xlat_socket_flags[] = {
	XLAT(SOCK_CLOEXEC), XLAT(SOCK_NONBLOCK), XLAT_END
};

const struct xlat xlat_ip_protocols[] = {
	XLAT(IPPROTO_IP), XLAT(IPPROTO_ICMP), XLAT(IPPROTO_IGMP), XLAT(IPPROTO_TCP),
	XLAT(IPPROTO_UDP), XLAT(IPPROTO_IPV6), XLAT(IPPROTO_ICMPV6), XLAT(IPPROTO_SCTP),
	XLAT(IPPROTO_UDPLITE), XLAT(IPPROTO_RAW), XLAT(IPPROTO_MPTCP), XLAT_END
};

const struct xlat xlat_shutdown_how[] = {
	XLAT(SHUT_RD), XLAT(SHUT_WR), XLAT(SHUT_RDWR), XLAT_END
};

const struct xlat xlat_msg_flags[] = {
	XLAT(MSG_OOB), XLAT(MSG_PEEK), XLAT(MSG_DONTROUTE), XLAT(MSG_CTRUNC), XLAT_N(MSG_PROXY, "MSG_PROBE"),
	XLAT(MSG_TRUNC), XLAT(MSG_DONTWAIT), XLAT(MSG_EOR), XLAT(MSG_WAITALL), XLAT(MSG_FIN),
	XLAT(MSG_SYN), XLAT(MSG_CONFIRM), XLAT(MSG_RST), XLAT(MSG_ERRQUEUE),
	XLAT(MSG_NOSIGNAL), XLAT(MSG_MORE), XLAT(MSG_WAITFORONE), XLAT(MSG_BATCH),
	XLAT(MSG_ZEROCOPY), XLAT(MSG_FASTOPEN), XLAT(MSG_CMSG_CLOEXEC), XLAT_END
};

const struct xlat xlat_sock_levels[] = {
	XLAT(SOL_IP), XLAT(SOL_SOCKET), XLAT(SOL_TCP), XLAT(SOL_UDP), XLAT(SOL_IPV6),
	XLAT(SOL_PACKET), XLAT(SOL_NETLINK), XLAT_END
};
