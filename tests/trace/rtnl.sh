#!/bin/sh
# tests/trace/rtnl.sh: rtnetlink messages as ip(8) sends and receives them (links, addresses,
# routes: ifinfomsg, ifaddrmsg, rtmsg, their attributes and the nested lists), printed as
# strace 6.1 prints them. Both tools run inside a network namespace of their own with the
# commands, so that sock_diag, which each asks for the socket's protocol, knows the socket;
# lo is up with an IPv4 address and a route through it in the main table there, so that
# every dump has something in it.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/trace/lib-trace.sh"
need_strace
need_trace
need python3 "tests/corpus/normalise is python3"
need netns "strace and trace run in a network namespace of their own with ip"
IP=$(PATH=/usr/local/sbin:/usr/sbin:/sbin:$PATH command -v ip) ||
	skip "iproute2's ip is not installed (scripts/bootstrap installs it)"
cd "$T" || fail "cd $T"

# The calls that carry netlink messages, and the socket's own name (its port id).
SET=sendto,sendmsg,recvmsg,recvfrom,getsockname
# NAME OPTIONS ARGS: each command of the list, traced by both tools with OPTIONS.
cat > cases <<'CASES'
addr	-	addr
link	-	link
route4	-	-4 route
addr-long	-v -s 4096	addr
link-long	-v -s 4096	-d link
addr6-long	-v -s 4096	-6 addr
routes-long	-v -s 4096	route show table all
CASES
cat > run.sh <<'RUN'
"$IP" link set lo up && "$IP" addr add 10.0.0.1/24 dev lo &&
	"$IP" route add 192.0.2.0/24 via 10.0.0.2 dev lo || exit 3
while IFS='	' read -r name opts args; do
	[ "$opts" = - ] && opts=
	"$STRACE" $opts -e trace=$SET -o "$name.strace" "$IP" $args > /dev/null 2>&1 || exit 4
	"$TRACE" $opts -e trace=$SET -o "$name.trace" "$IP" $args > /dev/null 2>&1 || exit 5
done < cases
RUN
IP=$IP STRACE=$STRACE TRACE=$TRACE SET=$SET run_timeout 120 unshare -n sh run.sh
case $? in
0) ;;
3) error "ip cannot set up lo in a network namespace of its own" ;;
4) error "strace failed on ip" ;;
*) fail "trace failed on ip" ;;
esac

# (the socket's port id is the process's id, which differs between runs; the corpus
# normaliser names the process and removes the rest of what differs between two runs)
vary() {
	strace61_lines "$1" > "$1.61"
	"$PYTHON3" "$S/tests/corpus/normalise" "$1.61" |
		sed -E 's/(nlmsg_pid|nl_pid)=(-?)[1-9][0-9]*/\1=\2PORT/g'
}
while IFS='	' read -r name opts args; do
	vary "$name.strace" > "$name.strace.n"
	vary "$name.trace" > "$name.trace.n"
	grep -q 'RTM_NEW' "$name.strace.n" || fail "$name: strace printed no RTM_NEW* message"
	diff -u "$name.strace.n" "$name.trace.n" >&2 ||
		fail "ip $args ($opts): trace's lines differ from strace's (- strace, + trace)"
	note "ip $args ($opts): $(wc -l < "$name.trace.n") lines as strace prints them"
done < cases

# What strace 6.1 prints, literally (so the test says what it expects without strace too).
grep -qF '{ifi_family=AF_UNSPEC, ifi_type=ARPHRD_NETROM, ifi_index=0, ifi_flags=0, ifi_change=0}, [{nla_len=8, nla_type=IFLA_EXT_MASK}, RTEXT_FILTER_VF]]' addr.trace ||
	fail "RTM_GETLINK's request not decoded"
grep -qF '[{nla_len=7, nla_type=IFLA_IFNAME}, "lo"]' link.trace || fail "IFLA_IFNAME not decoded"
grep -qF '{ifa_family=AF_INET, ifa_prefixlen=24, ifa_flags=IFA_F_PERMANENT, ifa_scope=RT_SCOPE_UNIVERSE, ifa_index=if_nametoindex("lo")}, [[{nla_len=8, nla_type=IFA_ADDRESS}, inet_addr("10.0.0.1")]' addr.trace ||
	fail "RTM_NEWADDR's ifaddrmsg and IFA_ADDRESS not decoded"
grep -qF '[{nla_len=8, nla_type=RTA_DST}, inet_addr("192.0.2.0")]' route4.trace ||
	fail "RTM_NEWROUTE's RTA_DST not decoded"
grep -qF '[{nla_len=12, nla_type=IFLA_XDP}, [{nla_len=5, nla_type=IFLA_XDP_ATTACHED}, XDP_ATTACHED_NONE]]' link-long.trace ||
	fail "IFLA_XDP not decoded"
grep -qF '[{nla_len=136, nla_type=IFLA_INET_CONF}, [[IPV4_DEVCONF_FORWARDING-1]=' link-long.trace ||
	fail "IFLA_AF_SPEC's AF_INET list not decoded"
pass "rtnetlink messages of ip addr, ip link and ip route as strace prints them"
