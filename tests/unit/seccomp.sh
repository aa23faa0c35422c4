#!/bin/sh
# tests/unit/seccomp.sh: the Check runner's cases tagged seccomp (the kernel runs trace's
# filter program).
. "$top_srcdir/tests/lib.sh"
need_built "$B/tests/unit/runner" "make check builds it"
need seccomp
CK_INCLUDE_TAGS=seccomp "$B/tests/unit/runner" || fail "unit cases tagged seccomp failed (see above)"
