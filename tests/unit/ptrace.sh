#!/bin/sh
# tests/unit/ptrace.sh: the Check runner's cases tagged ptrace (unwinding a traced child).
. "$top_srcdir/tests/lib.sh"
need_built "$B/tests/unit/runner" "make check builds it"
need ptrace
CK_INCLUDE_TAGS=ptrace "$B/tests/unit/runner" || fail "unit cases tagged ptrace failed (see above)"
