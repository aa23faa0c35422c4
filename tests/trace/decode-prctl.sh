#!/bin/sh
# prctl's capability arguments: PR_CAPBSET_READ/DROP and PR_CAP_AMBIENT name them, an
# unknown one as 0x30 /* CAP_??? */.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/trace/lib-trace.sh"
. "$top_srcdir/tests/trace/lib-decode.sh"
need_strace
need_trace

same_as_strace prctl prctl \
	'prctl(PR_CAPBSET_READ, CAP_MAC_OVERRIDE) = 1' \
	'prctl(PR_CAPBSET_READ, 0x30 /* CAP_??? */) = -1 EINVAL' \
	'prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_IS_SET, CAP_NET_RAW, 0, 0) = 0' \
	'prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0) = 0' \
	'prctl(PR_CAP_AMBIENT, 0x9 /* PR_CAP_AMBIENT_??? */, 0x1, 0x2, 0x3)'
pass "prctl capability arguments as strace prints them"
