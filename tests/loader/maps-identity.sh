#!/bin/sh
# /proc/self/maps of a program under the loader against the kernel's: the same mappings,
# each with the same permissions and path (addresses and their order aside: the vDSO and
# where mmap places things differ), for a PIE, an ET_EXEC, a static and a static-pie
# program (tests/progs/selfmaps*). The loader unmaps its own image before the jump; the
# one line allowed in addition is its trampoline page, r-xp
# "/memfd:execlab-trampoline (deleted)".
. "$top_srcdir/tests/loader/lib-loader.sh"
TRAMPOLINE='r-xp /memfd:execlab-trampoline (deleted)'

# perms_paths < maps: "PERMS PATH" per mapping (PATH may be empty or hold blanks), sorted.
perms_paths() {
	awk '{ p = ""; for (i = 6; i <= NF; i++) p = p (i > 6 ? " " : "") $i; print $2 " " p }' |
		LC_ALL=C sort
}

for v in selfmaps selfmaps-nopie selfmaps-static selfmaps-static-pie; do
	need_prog $v
	run_timeout 10 "$P/$v" > "$T/$v.native" || fail "$v failed natively"
	run_timeout 10 "$L" "$P/$v" > "$T/$v.loader" 2> "$T/$v.err"
	rc=$?
	[ $rc -eq 0 ] || { mismatch "loader $v exited $rc: $(head -n 1 "$T/$v.err")"; continue; }
	perms_paths < "$T/$v.native" > "$T/$v.n"
	perms_paths < "$T/$v.loader" > "$T/$v.l"
	extra=$(grep -cxF "$TRAMPOLINE" "$T/$v.l")
	[ "$extra" -le 1 ] || mismatch "$v: $extra trampoline mappings, at most 1 expected"
	grep -vxF "$TRAMPOLINE" "$T/$v.l" > "$T/$v.l2"
	if ! cmp -s "$T/$v.n" "$T/$v.l2"; then
		mismatch "$v: mappings (permissions, path) differ from the kernel's (- native, + loader):"
		diff -u "$T/$v.n" "$T/$v.l2" | sed -n '3,$p' | grep '^[-+]' >&2
	else
		note "$v: $(wc -l < "$T/$v.n") mappings as natively, +$extra trampoline page"
	fi
done
finish "the program's mappings under the loader are the kernel's, plus at most the trampoline page"
