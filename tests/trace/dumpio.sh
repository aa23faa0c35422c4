#!/bin/sh
# tests/trace/dumpio.sh: -e read=FDS and -e write=FDS, the hex dumps of the data each call
# read or wrote, against strace 6.1's own lines: every call kind strace dumps (buffers,
# iovecs, msghdr, mmsghdr), fd sets in strace's syntax, and the dump lines' place in -f -o
# logs (after the call's line, without the pid prefix) and on stderr.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/trace/lib-trace.sh"
need_strace
need_trace
cd "$T" || fail "cd $T"
"$P/dumpio" > /dev/null || error "tests/trace/progs/dumpio failed untraced"

# (what differs between two runs: pids, the thread id)
vary() {
	strace61_lines "$1" | normalise | sed -E \
		-e 's/^[0-9]+ +/PID /' \
		-e 's/(set_tid_address\(.*= )[0-9]+$/\1TID/'
}

# compare NAME OPTION...: trace and strace with the options on the program print the same.
compare() {
	local name=$1
	shift
	"$TRACE" -o "$name.trace" "$@" > /dev/null 2>&1 || fail "$name: trace exited $?"
	"$STRACE" -o "$name.strace" "$@" > /dev/null 2>&1 || fail "$name: strace exited $?"
	vary "$name.trace" > "$name.trace.n"
	vary "$name.strace" > "$name.strace.n"
	grep -q '^ | 00000 ' "$name.strace.n" || fail "$name: strace dumped nothing"
	diff -u "$name.strace.n" "$name.trace.n" >&2 ||
		fail "$name: trace's dumps differ from strace's (- strace, + trace)"
}

# Every fd, in -f -o's form.
compare all -f -e read=all -e write=all "$P/dumpio"
# (writev's empty second buffer ends its dump, as in strace)
grep -q '^ \* 7 bytes in buffer 0$' all.trace || fail "no writev buffer line"
grep -q ' bytes in buffer 2$' all.trace && fail "writev dumped past its empty buffer"
grep -q '^ = 1 buffers in vector 1$' all.trace || fail "no mmsghdr vector line"
grep -Fq 'recvmmsg(6, [{msg_hdr={msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base="one", iov_len=8}], msg_iovlen=1, msg_controllen=0, msg_flags=0}, msg_len=3}, {msg_hdr=' all.trace ||
	fail "recvmmsg's messages not decoded"
grep -q '^ | 11160  ' all.trace || fail "no line past the first 64 KiB of pwrite64's dump"
grep -Eq '^[0-9]+ +write\(3, "to the read end", 15\) += -1 EBADF' all.trace ||
	fail "no failed write"
# Sets: lists, aliases, negation, none, the last -e read= winning.
compare list -e read=3,6,7 -e write='!1' "$P/dumpio"
compare alias -e r=6 -e writes=5 "$P/dumpio"
compare none -e read=none -e write=4 "$P/dumpio"
compare last -e read=3 -e read='!!6,7' -e w=all -e trace=read,write,pwrite64 "$P/dumpio"
# On stderr with -f: the dump lines have no "[pid N] " leader either.
"$TRACE" -f -e write=1 -e trace=write sh -c 'echo one & echo two; wait' 2> f.err > /dev/null ||
	fail "trace -f on stderr exited $?"
grep -q '^ | 00000  6f 6e 65 0a  ' f.err || fail "-f on stderr: no dump line"
grep -q '^\[pid.* | 000' f.err && fail "-f on stderr: a dump line with a pid leader"
# A bad set: one line, the usage status, nothing run.
"$TRACE" -e read=3,x true 2> bad.err
assert_eq "-e read=3,x: exit status" 2 $?
assert_eq "-e read=3,x: message" "trace: invalid descriptor '3,x'" "$(cat bad.err)"
"$TRACE" -e write= true 2> /dev/null && fail "-e write= (no descriptor) accepted"
pass "-e read= and -e write= dumps as strace prints them"
