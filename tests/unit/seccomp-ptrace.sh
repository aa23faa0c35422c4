#!/bin/sh
# tests/unit/seccomp-ptrace.sh: the Check runner's cases tagged seccomp-ptrace (a tracer
# stops only at the calls trace's filter selects).
. "$top_srcdir/tests/lib.sh"
need_built "$B/tests/unit/runner" "make check builds it"
need seccomp
need ptrace
CK_INCLUDE_TAGS=seccomp-ptrace "$B/tests/unit/runner" ||
	fail "unit cases tagged seccomp-ptrace failed (see above)"
