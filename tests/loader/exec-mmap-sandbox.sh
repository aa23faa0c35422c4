#!/bin/sh
# Under a sandbox that refuses what the loader's last steps use, the program still runs as
# natively under the same filter:
#  - memfd_create refused (EPERM): no trampoline page, so start_thread() runs from the
#    loader's own text and the loader's image stays mapped; -v says so;
#  - unshare refused (EPERM, as a container runtime's default seccomp profile does):
#    --userns prints one line and the program runs as without it.
. "$top_srcdir/tests/loader/lib-loader.sh"
need seccomp "deny-syscall installs a seccomp filter"
need_prog deny-syscall
need_prog basic-pie
D=$P/deny-syscall
loader_file=$(readlink -f "$L")

# deny_run TAG CALL CMD...: CMD natively and under the loader, CALL failing with EPERM.
deny_run() {
	local tag=$1 call=$2; shift 2
	run_timeout 30 "$D" "$call" 1 "$@" < /dev/null > "$T/$tag.native.out" 2> "$T/$tag.native.err"
	NATIVE_RC=$?
	[ $NATIVE_RC -ne 125 ] || error "deny-syscall could not install its filter although seccomp works here: $(cat "$T/$tag.native.err")"
	run_timeout 30 "$D" "$call" 1 "$L" $LOADER_OPTS "$@" < /dev/null > "$T/$tag.loader.out" 2> "$T/$tag.loader.err"
	LOADER_RC=$?
	compare_runs "$tag" "$tag" "loader $LOADER_OPTS $*" && note "$tag: as natively, exit $NATIVE_RC"
}

LOADER_OPTS=-v deny_run no-memfd memfd_create "$P/basic-pie" one two
grep -q "^loader: exec_mmap: no trampoline page (Operation not permitted): the loader's image .* stays mapped" "$T/no-memfd.loader.err" ||
	mismatch "no-memfd: -v does not say the loader stays mapped: $(grep exec_mmap "$T/no-memfd.loader.err")"
"$D" memfd_create 1 "$L" /bin/cat /proc/self/maps > "$T/maps" 2>&1
grep -qF " $loader_file" "$T/maps" || mismatch "no-memfd: the loader's image is not mapped, so what ran start_thread()?"
check_eq "no-memfd: trampoline pages" 0 "$(grep -c execlab-trampoline "$T/maps")"

LOADER_OPTS=--userns deny_run no-unshare unshare "$P/basic-pie" one two
check_eq "no-unshare: lines on stderr" 1 "$(wc -l < "$T/no-unshare.loader.err")"
grep -q "^loader: --userns: unshare(CLONE_NEWUSER) refused (Operation not permitted)" "$T/no-unshare.loader.err" ||
	mismatch "no-unshare: unexpected stderr: $(cat "$T/no-unshare.loader.err")"
finish "the loader under a sandbox refusing memfd_create or unshare"
