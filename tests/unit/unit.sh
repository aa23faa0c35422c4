#!/bin/sh
# tests/unit/unit.sh: the Check runner's suites that need nothing of the machine. Cases that
# ask the kernel for ptrace or seccomp carry a tag and run in tests/unit/<tag>.sh.
. "$top_srcdir/tests/lib.sh"
need_built "$B/tests/unit/runner" "make check builds it"
CK_EXCLUDE_TAGS="ptrace seccomp seccomp-ptrace" "$B/tests/unit/runner" ||
	fail "unit suites failed (see above)"
