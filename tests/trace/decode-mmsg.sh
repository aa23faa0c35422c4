#!/bin/sh
# sendmmsg and recvmmsg: their struct mmsghdr arrays (msg_hdr and msg_len, received data
# cut at msg_len), recvmmsg's timeout as it was at entry and the time left as the result's
# comment, failures, an empty vector; in each -X style.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/trace/lib-trace.sh"
. "$top_srcdir/tests/trace/lib-decode.sh"
need_strace
need_trace

# What differs between two runs: the time left.
vary() {
	normalise | sed -E 's/\(left \{tv_sec=0, tv_nsec=[0-9]+\}\)$/(left {tv_sec=0, tv_nsec=N})/'
}
for style in abbrev raw verbose; do
	for tool in trace strace; do
		mkdir "$T/$style.$tool" || error "mkdir $T/$style.$tool"
		if [ $tool = trace ]; then
			(cd "$T/$style.$tool" && "$TRACE" -X $style -e trace=sendmmsg,recvmmsg \
				-o ../$style.$tool.log "$P/decode" mmsg) || fail "trace exited $?"
		else
			(cd "$T/$style.$tool" && "$STRACE" -X $style -e trace=sendmmsg,recvmmsg \
				-o ../$style.$tool.log "$P/decode" mmsg) || error "strace exited $?"
		fi
		strace61_lines "$T/$style.$tool.log" | grep -E '^(send|recv)mmsg\(' | vary \
			> "$T/$style.$tool.n"
	done
	[ "$(wc -l < "$T/$style.strace.n")" -ge 7 ] || error "strace printed too few lines"
	diff -u "$T/$style.strace.n" "$T/$style.trace.n" >&2 ||
		fail "-X $style: trace's lines differ from strace's (- strace, + trace)"
done
for line in 'msg_iov=[{iov_base="two!", iov_len=8}], msg_iovlen=1, msg_controllen=0, msg_flags=0}, msg_len=4}], 3, MSG_DONTWAIT, {tv_sec=1, tv_nsec=500}) = 2 (left {tv_sec=0, tv_nsec=N})' \
	'sendmmsg(3, [], 0, 0) = 0' \
	'sendmmsg(99, [{msg_hdr={msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base="bad fd\0\0", iov_len=8}], msg_iovlen=1, msg_controllen=0, msg_flags=0}}], 1, MSG_NOSIGNAL) = -1 EBADF' \
	'recvmmsg(4, 0x1, 2, 0, 0x1) = -1 EFAULT'; do
	sed 's/  *= / = /' "$T/abbrev.trace.n" | grep -qF -- "$line" || fail "trace did not print '$line'"
done
pass "sendmmsg and recvmmsg as strace prints them"
