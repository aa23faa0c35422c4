#!/bin/sh
# tests/trace/mempolicy.sh: set_mempolicy, get_mempolicy and mbind (modes, mode flags, node
# masks, flags) printed as strace prints them.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/trace/lib-trace.sh"
. "$top_srcdir/tests/trace/lib-lines.sh"
need_strace
need_trace

same_lines mempolicy 'set_mempolicy,get_mempolicy,mbind' "$P/mempolicy"
pass "NUMA policy lines as strace prints them"
