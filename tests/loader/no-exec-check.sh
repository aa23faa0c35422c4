#!/bin/sh
# Before Linux 6.14 there is no execveat(AT_EXECVE_CHECK), the kernel's own "may this be
# executed?" answer the loader asks first. tests/loader/no-exec-check.py simulates such a
# kernel with a seccomp filter that fails that execveat with EINVAL: the loader falls back
# to its own checks (statfs for noexec), programs still run, and -v says ETXTBSY is not seen.
. "$top_srcdir/tests/loader/lib-loader.sh"
need_python
need seccomp "no-exec-check.py simulates an older kernel with a seccomp filter"

make_cases
"$PY" "$NOCHECK" "$L" -v "$T/cases/good-exec" > "$T/nocheck.out" 2> "$T/nocheck.err"
rc=$?
[ $rc -ne 77 ] || error "no-exec-check.py could not install its filter although seccomp works here: $(cat "$T/nocheck.err")"
check_eq "loader without AT_EXECVE_CHECK: exit status" 0 "$rc"
check_eq "loader without AT_EXECVE_CHECK: stdout" "ok" "$(cat "$T/nocheck.out")"
grep -q '^loader: do_open_execat: .*no AT_EXECVE_CHECK' "$T/nocheck.err" ||
	mismatch "loader -v without AT_EXECVE_CHECK does not say so: $(cat "$T/nocheck.err")"
finish "without AT_EXECVE_CHECK the loader falls back to its own checks"
