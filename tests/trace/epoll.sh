#!/bin/sh
# tests/trace/epoll.sh: epoll_ctl's event (and EPOLL_CTL_DEL's pointer), the event arrays of
# epoll_wait, epoll_pwait and epoll_pwait2, printed as strace prints them.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/trace/lib-trace.sh"
. "$top_srcdir/tests/trace/lib-lines.sh"
need_strace
need_trace

same_lines epoll 'epoll_create1,epoll_ctl,epoll_wait,epoll_pwait,epoll_pwait2' "$P/epoll"
pass "epoll lines as strace prints them"
