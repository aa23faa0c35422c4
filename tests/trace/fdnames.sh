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
# What strace 6.1 prints, literally (normalised as above). A miss prints the lines of the
# same call that were there.
want() { # FILE LINE WHAT
	grep -F -x -e "$2" "$1" > /dev/null ||
		fail "$3: expected '$2', saw: $(grep -F -e "${2%%(*}(" "$1" | head -3)"
}
want d-y/t.lines 'openat(AT_FDCWD<'"$T"'/d-y>, "/etc/passwd", O_RDONLY) = 3</etc/passwd>' \
	"-y: openat of /etc/passwd"
want d-y/t.lines 'fcntl(3</etc/passwd>, F_DUPFD_CLOEXEC, 20) = 20</etc/passwd>' \
	"-y: fcntl F_DUPFD_CLOEXEC"
want d-y/t.lines 'mmap(NULL, 4, PROT_READ, MAP_PRIVATE, 3</etc/passwd>, 0) = X' "-y: mmap of a file"
want d-y/t.lines 'write(6<pipe:[N]>, "p", 1) = 1' "-y: a pipe"
want d-x/t.lines 'write(4, "\x63\x61\x66\xc3\xa9\x0a", 6) = 6' "-x: a non-ASCII string"
want d-x/t.lines 'write(4, "tab\there\n", 9) = 9' "-x: white space"
want d-xx/t.lines 'write(4, "\x74\x61\x62\x09\x68\x65\x72\x65\x0a", 9) = 9' "-xx: a plain string"
want d-yy/t.lines 'write(8<UNIX-STREAM:[N->N]>, "u", 1) = 1' "-yy: a unix socket pair"
want d-yy/t.lines 'bind(10<UNIX:[N]>, {sa_family=AF_UNIX, sun_path="sock"}, 110) = 0' \
	"-yy: an unbound unix socket"
want d-yy/t.lines 'openat(AT_FDCWD<'"$T"'/d-yy>, "/dev/null", O_WRONLY) = 4</dev/null<char 1:3>>' \
	"-yy: a device"
grep -E -x -e 'getsockname\(15<NETLINK:\[ROUTE:N\]>, .*' d-yy/t.lines > /dev/null ||
	fail "-yy: no line for a bound netlink socket, saw: $(grep getsockname d-yy/t.lines)"
# A TCP socket is named only where the kernel's sock_diag knows TCP (the inet_diag module);
# elsewhere strace and trace both print socket:[N], which the diff above compared.
if probe sock-diag-tcp; then
	want d-yy/t.lines 'write(12<TCP:[127.0.0.1:P->127.0.0.1:P]>, "t", 1) = 1' \
		"-yy: a connected TCP socket ($PROBE_WHY)"
elif probe_forced sock-diag-tcp; then
	skip "TCP sockets not checked by name: $PROBE_WHY"
else
	note "TCP sockets not checked by name: $PROBE_WHY"
fi
pass "-y, -yy, -x and -xx as strace prints them"
