#!/bin/sh
# A sandbox whose seccomp filter fails execveat(2) with ENOSYS or EPERM (container runtimes
# answer so to calls they do not allow) must not make the loader refuse every program: it
# falls back to its older checks, as where the kernel lacks AT_EXECVE_CHECK (EINVAL,
# no-exec-check.sh), and runs what the kernel runs under the same filter. EPERM can also
# be a security module's verdict on the file: the loader tells the two apart by asking
# about its own executable, which must pass; tests/progs/deny-syscall execveat EPERM --fd-only fails
# only the execveat on a file descriptor (the program's) and so stands for such a verdict,
# which the loader must report. The extra question is asked only after an EPERM
# (execveat-sandbox-calls.sh counts the calls).
. "$top_srcdir/tests/loader/lib-loader.sh"
need seccomp "deny-syscall installs a seccomp filter"
need_prog deny-syscall
need_prog basic-pie
need_prog basic-static
D=$P/deny-syscall
ENOSYS=38 EPERM=1

printf '#!/bin/sh\necho "script $0 $*"\nexit 4\n' > "$T/script"
chmod 755 "$T/script"

# sandboxed TAG ERRNO CMD...: natively and as the loader, each under the same filter.
sandboxed() {
	local tag=$1 err=$2; shift 2
	run_timeout 30 "$D" execveat "$err" "$@" < /dev/null > "$T/$tag.native.out" 2> "$T/$tag.native.err"
	NATIVE_RC=$?
	[ $NATIVE_RC -ne 125 ] || error "deny-syscall could not install its filter although seccomp works here: $(cat "$T/$tag.native.err")"
	run_timeout 30 "$D" execveat "$err" "$L" "$@" < /dev/null > "$T/$tag.loader.out" 2> "$T/$tag.loader.err"
	LOADER_RC=$?
	if [ "$NATIVE_RC" != "$LOADER_RC" ] || ! cmp -s "$T/$tag.native.out" "$T/$tag.loader.out"; then
		mismatch "$tag: execveat failing with errno $err: loader $* exited $LOADER_RC ($(head -n 1 "$T/$tag.loader.err")), natively $NATIVE_RC"
	else
		note "$tag: execveat failing with errno $err: exit $LOADER_RC and stdout as natively"
	fi
}
for err in $ENOSYS $EPERM; do
	sandboxed pie-$err $err "$P/basic-pie" --exit=0 a 'b c'
	sandboxed static-$err $err "$P/basic-static" --exit=3
	sandboxed script-$err $err "$T/script" x
done

# -v says why the kernel's check was not asked.
"$D" execveat $ENOSYS "$L" -v "$P/basic-static" --exit=0 > /dev/null 2> "$T/v.err"
grep -q '^loader: do_open_execat: .*refused with ENOSYS' "$T/v.err" ||
	mismatch "-v under an ENOSYS filter does not say so: $(grep do_open_execat "$T/v.err")"
"$D" execveat $EPERM "$L" -v "$P/basic-static" --exit=0 > /dev/null 2> "$T/v.err"
grep -q '^loader: do_open_execat: .*refused with EPERM for any file' "$T/v.err" ||
	mismatch "-v under an EPERM filter does not say so: $(grep do_open_execat "$T/v.err")"

# The older checks still run in the fallback: a directory, a file without x.
sandboxed dir-$EPERM $EPERM "$T"
chmod 644 "$T/script"
sandboxed noexec-bit-$ENOSYS $ENOSYS "$T/script"
chmod 755 "$T/script"

# EPERM on the program's file only (a security module's verdict): one line, 126.
run_timeout 30 "$D" execveat $EPERM --fd-only "$L" "$P/basic-static" --exit=0 > "$T/lsm.out" 2> "$T/lsm.err"
rc=$?
check_eq "loader under an EPERM verdict on the file: exit status" 126 "$rc"
check_eq "loader under an EPERM verdict on the file: stderr" \
	"loader: $P/basic-static: Operation not permitted (refused by the kernel's exec check (a security module))" \
	"$(cat "$T/lsm.err")"
check_eq "loader under an EPERM verdict on the file: stdout" "" "$(cat "$T/lsm.out")"

finish "a sandbox refusing execveat: the loader falls back, as the kernel runs the program"
