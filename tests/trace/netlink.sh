#!/bin/sh
# tests/trace/netlink.sh: netlink messages in sendto, recvfrom, sendmsg and recvmsg printed
# as strace prints them for a socket whose family it cannot tell (the program's own network
# namespace): headers, dumps, NLMSG_DONE, NLMSG_ERROR whole and capped, short buffers.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/trace/lib-trace.sh"
. "$top_srcdir/tests/trace/lib-lines.sh"
need_strace
need_trace
probe root > /dev/null ||
	need userns "a network namespace of its own needs root or an unprivileged user namespace"

"$P/netlink"
case $? in
0) ;;
77) skip "no network namespace can be made here (unshare(CLONE_NEWNET) refused)" ;;
*) error "tests/trace/progs/netlink failed untraced" ;;
esac
# (the port id the kernel gives the socket is the process's: it differs between runs)
LINES_VARY='s/(nlmsg_pid|nl_pid)=(-?)[1-9][0-9]*/\1=\2PORT/g'
same_lines netlink 'sendto,recvfrom,sendmsg,recvmsg,getsockname' "$P/netlink"
grep -q 'error=-ENODEV, msg=' "$T/netlink.trace" || fail "no NLMSG_ERROR decoded"
pass "netlink lines as strace prints them"
