#!/bin/sh
# A program on a noexec mount: the kernel refuses it with EACCES, and so must the loader,
# through execveat(AT_EXECVE_CHECK) or, without it (no-exec-check.py), through statfs.
# Needs a private mount namespace to mount a noexec tmpfs (root, here).
. "$top_srcdir/tests/loader/lib-loader.sh"
need_python
need mountns "a noexec tmpfs is mounted in a private mount namespace"
need_cmd unshare "util-linux"

make_cases
printf '{"name": "noexec-mount", "argv": ["%s"]}\n' "$T/mnt/good-exec" > "$T/noexec.jsonl"
mkdir -p "$T/mnt"
unshare -m sh -c "mount --make-rprivate / && mount -t tmpfs -o noexec tmpfs '$T/mnt' &&
	cp '$T/cases/good-exec' '$T/mnt/' && '$PY' '$KEXEC' check '$L' '$T/noexec.jsonl' &&
	{ '$PY' '$NOCHECK' '$L' '$T/mnt/good-exec' 2> '$T/noexec-nocheck.err'; echo \"fallback \$?\"; }" \
	> "$T/noexec.table" 2>&1
rc=$?
sed 1d "$T/noexec.table"
[ $rc -eq 0 ] || mismatch "noexec mount: $(tail -n 1 "$T/noexec.table")"
case $(tail -n 1 "$T/noexec.table") in
"fallback 77") note "no seccomp here: the statfs fallback on a noexec mount is not tested" ;;
"fallback 126")
	grep -q "^loader: $T/mnt/good-exec: Permission denied (on a noexec mount)" "$T/noexec-nocheck.err" ||
		mismatch "noexec mount without AT_EXECVE_CHECK: $(cat "$T/noexec-nocheck.err")" ;;
*) mismatch "noexec mount without AT_EXECVE_CHECK: $(tail -n 1 "$T/noexec.table")" ;;
esac
finish "a program on a noexec mount is refused as the kernel refuses it"
