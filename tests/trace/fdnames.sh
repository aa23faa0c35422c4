#!/bin/sh
# tests/trace/fdnames.sh: -y, -yy, -x and -xx print as strace 6.1 prints them: fds with
# their paths (3</etc/passwd>, pipes, sockets, an eventfd, AT_FDCWD with the cwd), fds
# returned by open/socket/accept, -yy's sockets by protocol and addresses and devices by
# number, strings in hex. progs/fdnames's lines under trace equal strace's, after only what
# differs between two strace runs is normalised (inode numbers, ports, netlink port ids,
# addresses, the padding before " = " that their lengths move).
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/trace/lib-trace.sh"
need_strace
need_trace

cd "$T" || fail "cd $T"
# From the open of /etc/passwd (the first O_RDONLY without O_CLOEXEC) on; inodes and ports
# as N and P.
tail_lines() {
	sed -E -n '/, O_RDONLY\) += 3/,$p' "$1" | strace61_lines |
		sed -E 's/127\.0\.0\.1:[1-9][0-9]*/127.0.0.1:P/g; s/htons\([1-9][0-9]*\)/htons(P)/g;
			s/\[[0-9]+([],-])/[N\1/g; s/->[0-9]+([],])/->N\1/g; s/\) +=/) =/;
			s/(NETLINK:\[[A-Z_]+:)[0-9]+/\1N/g; s/nl_pid=[0-9]+/nl_pid=N/g; s/0x[0-9a-f]+/X/g'
}
for opt in -y -yy -x -xx; do
	mkdir "d$opt" && cd "d$opt" || fail "mkdir d$opt"
	"$TRACE" $opt -o t.log "$P/fdnames" || fail "fdnames under trace $opt exited $?"
	"$STRACE" $opt -o s.log "$P/fdnames" || fail "fdnames under strace $opt exited $?"
	tail_lines t.log > t.lines
	tail_lines s.log > s.lines
	[ -s s.lines ] || fail "no lines from strace $opt"
	diff -u s.lines t.lines >&2 || fail "trace $opt differs from strace (- strace, + trace)"
	cd ..
done
# What strace 6.1 prints, literally (normalised as above).
grep -F -x -e 'openat(AT_FDCWD<'"$T"'/d-y>, "/etc/passwd", O_RDONLY) = 3</etc/passwd>' \
	d-y/t.lines > /dev/null || fail "-y: no strace line for openat of /etc/passwd"
grep -F -x -e 'fcntl(3</etc/passwd>, F_DUPFD_CLOEXEC, 20) = 20</etc/passwd>' d-y/t.lines \
	> /dev/null || fail "-y: no strace line for fcntl F_DUPFD_CLOEXEC"
grep -F -x -e 'mmap(NULL, 4, PROT_READ, MAP_PRIVATE, 3</etc/passwd>, 0) = X' d-y/t.lines \
	> /dev/null || fail "-y: no strace line for mmap of a file"
grep -F -x -e 'write(6<pipe:[N]>, "p", 1) = 1' d-y/t.lines > /dev/null ||
	fail "-y: no strace line for a pipe"
grep -F -x -e 'write(4, "\x63\x61\x66\xc3\xa9\x0a", 6) = 6' d-x/t.lines > /dev/null ||
	fail "-x: no strace line for a non-ASCII string"
grep -F -x -e 'write(4, "tab\there\n", 9) = 9' d-x/t.lines > /dev/null ||
	fail "-x: no strace line for white space"
grep -F -x -e 'write(4, "\x74\x61\x62\x09\x68\x65\x72\x65\x0a", 9) = 9' d-xx/t.lines \
	> /dev/null || fail "-xx: no strace line for a plain string"
grep -F -x -e 'write(8<UNIX-STREAM:[N->N]>, "u", 1) = 1' d-yy/t.lines > /dev/null ||
	fail "-yy: no strace line for a unix socket pair"
grep -F -x -e 'bind(11<UNIX:[N]>, {sa_family=AF_UNIX, sun_path="sock"}, 110) = 0' \
	d-yy/t.lines > /dev/null || fail "-yy: no strace line for an unbound unix socket"
grep -F -x -e 'openat(AT_FDCWD<'"$T"'/d-yy>, "/dev/null", O_WRONLY) = 4</dev/null<char 1:3>>' \
	d-yy/t.lines > /dev/null || fail "-yy: no strace line for a device"
grep -E -x -e 'getsockname\(16<NETLINK:\[ROUTE:N\]>, .*' d-yy/t.lines > /dev/null ||
	fail "-yy: no strace line for a bound netlink socket"
# A TCP socket is named only where the kernel's sock_diag knows TCP (the inet_diag module);
# elsewhere strace and trace both print socket:[N], which the diff above compared.
if probe sock-diag-tcp; then
	grep -F -x -e 'write(13<TCP:[127.0.0.1:P->127.0.0.1:P]>, "t", 1) = 1' d-yy/t.lines \
		> /dev/null || fail "-yy: no strace line for a connected TCP socket ($PROBE_WHY): $(grep 'write(13' d-yy/t.lines)"
elif probe_forced sock-diag-tcp; then
	skip "TCP sockets not checked by name: $PROBE_WHY"
else
	note "TCP sockets not checked by name: $PROBE_WHY"
fi
pass "-y, -yy, -x and -xx as strace prints them"
