#!/bin/sh
# i386 system calls (int $0x80) from a 64-bit program: named by the i386 table and counted
# in their own -c table, as strace does; under -e trace= they go through the seccomp
# filter's i386 section (selected ones stop, the others run).
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/trace/lib-trace.sh"
need_strace
need_trace
need int80

parity int80 "" "$P/int80" 5
grep -q '^System call usage summary for 32 bit mode:$' "$T/int80.trace" ||
	fail "no i386 table heading"
grep -q '^32:getpid 5 0$' "$T/int80.t" || fail "the 5 i386 getpid are not in the i386 table"
fparity int80f trace=getpid,openat '32:getpid|openat' '' "$P/int80" 5
grep -q '^32:getpid 5 ' "$T/int80f.seccomp.n" || fail "int80: i386 getpid not counted under the filter"
fparity int80b trace=openat 'openat' '' "$P/int80" 5
pass "i386 calls from 64-bit code: counted as strace counts them, with and without the filter"
