#!/bin/sh
# setsockopt/getsockopt name the options of SOL_TCP, SOL_IP, SOL_IPV6, SOL_UDP and
# SOL_NETLINK; getsockname of a netlink socket prints its port id signed.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/trace/lib-trace.sh"
. "$top_srcdir/tests/trace/lib-decode.sh"
need_strace
need_trace

same_as_strace sockopt setsockopt,getsockopt,getsockname \
	'setsockopt(3, SOL_TCP, TCP_NODELAY, [1], 4) = 0' \
	'getsockopt(3, SOL_TCP, 0x63 /* TCP_??? */, 0x' \
	'setsockopt(3, SOL_IP, IP_BIND_ADDRESS_NO_PORT, [1], 4) = 0' \
	'getsockopt(5, SOL_NETLINK, NETLINK_EXT_ACK, [1], [4]) = 0' \
	'setsockopt(5, SOL_NETLINK, NETLINK_GET_STRICT_CHK, [1], 4) = 0' \
	'setsockopt(3, 0x3e7 /* SOL_?? */, 1, [0], 4)'
# The second autobound port id is negative: signed, as strace prints it.
grep -Eq 'getsockname\(6, \{sa_family=AF_NETLINK, nl_pid=-[0-9]+,' "$T/sockopt.trace.log" ||
	fail "no negative nl_pid in trace's getsockname: $(grep getsockname "$T/sockopt.trace.log")"
pass "socket option names and netlink port ids as strace prints them"
