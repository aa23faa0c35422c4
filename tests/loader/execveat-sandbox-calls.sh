#!/bin/sh
# The loader asks the kernel's exec check once per file it opens: one execveat(2) each
# (AT_EXECVE_CHECK). Only after an EPERM does it ask a second one, about its own file, to
# tell a seccomp sandbox from a security module's verdict (execveat-sandbox.sh): so a
# dynamic program (itself and its interpreter) costs 2 calls, 2 under an ENOSYS filter,
# and 4 under an EPERM filter. strace counts them.
. "$top_srcdir/tests/loader/lib-loader.sh"
need strace
need seccomp "deny-syscall installs a seccomp filter"
need_prog deny-syscall
need_prog basic-pie
D=$P/deny-syscall

# calls ERRNO [FILTER...]: execveat calls of `loader basic-pie`, under FILTER if given.
calls() {
	local err=$1; shift
	"$@" "$STRACE" -f -qq -e trace=execveat -o "$T/calls.$err" "$L" "$P/basic-pie" --exit=0 \
		> /dev/null 2> "$T/calls.$err.err" ||
		error "strace of loader basic-pie (execveat failing with errno $err) failed: $(head -n 3 "$T/calls.$err.err")"
	grep -c 'execveat(' "$T/calls.$err"
}
check_eq "execveat calls of loader basic-pie" 2 "$(calls 0)"
check_eq "execveat calls of loader basic-pie, execveat failing with ENOSYS" 2 "$(calls 38 "$D" execveat 38)"
check_eq "execveat calls of loader basic-pie, execveat failing with EPERM" 4 "$(calls 1 "$D" execveat 1)"
note "under EPERM: $(sed -E 's/^[0-9]+ +execveat\(([^,]*), "([^"]*)".* = (-?[0-9]+ [A-Z]*).*$/execveat(\1, "\2") = \3;/' "$T/calls.1" | tr '\n' ' ')"
finish "one execveat per file; the second question only after an EPERM"
