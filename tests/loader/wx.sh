#!/bin/sh
# W^X (issue 3, "Permissions"): tests/progs/wx reads its own /proc/self/maps and checks every
# PT_LOAD of every loaded object has exactly the kernel's permissions, no mapping is W+X and
# [stack] is rw-p. It must pass natively and under the loader, and print the same report.
# Built four ways: PIE (ld.so maps libc; the kernel maps the program and ld.so), static,
# static-pie and -no-pie. Then, with ASLR off, the program's own mappings, [heap] and
# [stack] must be the very lines the kernel gives (tests/progs/selfmaps; once linked with
# -z execstack, for which the kernel makes [stack] rwxp). And under PR_SET_MDWE (no W+X at
# any moment, enforced by the kernel) the loader starts what the kernel starts.
. "$top_srcdir/tests/loader/lib-loader.sh"

for v in wx wx-static wx-static-pie wx-nopie; do
	need_prog $v
	run_timeout 10 "$P/$v" > "$T/$v.native" 2>&1 ||
		fail "$v natively: the test program itself is wrong here: $(cat "$T/$v.native")"
	run_timeout 10 "$L" "$P/$v" > "$T/$v.loader" 2>&1
	rc=$?
	if [ $rc -ne 0 ]; then
		mismatch "loader $P/$v exited $rc:"
		grep -E 'VIOLATION|loader:' "$T/$v.loader" | head -n 20 >&2
	elif ! cmp -s "$T/$v.native" "$T/$v.loader"; then
		mismatch "loader $P/$v: report differs from the native run:"
		diff -u "$T/$v.native" "$T/$v.loader" >&2
	else
		note "$v: $(grep -c PT_LOAD "$T/$v.native") PT_LOADs checked, same as native"
	fi
done
# "No page writable and executable at any moment": under PR_SET_MDWE (memory-deny-write-
# execute, inherited across fork and exec) the kernel refuses every W+X mapping and every
# mprotect that adds X. Programs the kernel starts under MDWE, the loader must start too.
cat > "$T/mdwe.py" <<'PY'
import ctypes, os, sys
libc = ctypes.CDLL(None, use_errno=True)
if libc.prctl(65, 1, 0, 0, 0) != 0:     # PR_SET_MDWE, PR_MDWE_REFUSE_EXEC_GAIN
    sys.exit(77)
os.execv(sys.argv[1], sys.argv[1:])
PY
mdwe() { run_timeout 10 "$PY" "$T/mdwe.py" "$@"; }
if [ -n "$PY" ] && mdwe /bin/sh -c true 2>/dev/null; then
	true_=/bin/true; [ -x $true_ ] || true_=/usr/bin/true
	for prog in "$P/wx" "$P/wx-static" "$P/wx-static-pie" "$P/wx-nopie" "$P/tls" \
		    "$P/basic-maxpage" "$P/basic-nosep" "$true_"; do
		mdwe "$prog" > "$T/mdwe.native" 2>&1; n=$?
		mdwe "$L" "$prog" > "$T/mdwe.loader" 2>&1; l=$?
		[ $n -eq 0 ] || fail "$prog does not even start natively under PR_SET_MDWE (exit $n)"
		if [ $n -ne $l ] || ! cmp -s "$T/mdwe.native" "$T/mdwe.loader"; then
			mismatch "under PR_SET_MDWE, loader $prog exited $l (natively $n): $(head -n 2 "$T/mdwe.loader")"
		else
			note "under PR_SET_MDWE: $(basename "$prog") exits $l, as natively"
		fi
	done
else
	note "PR_SET_MDWE is not available here (kernel < 6.3?): W^X-at-any-moment check skipped"
fi

# With ASLR off the kernel's placement is deterministic: the program's own mappings,
# [heap] (its break) and [stack] must be the same lines natively and under the loader
# (the interpreter and libraries go wherever mmap puts them; the loader's own leftovers
# are listed as a note).
if setarch -R true 2>/dev/null; then
	# A static-pie goes wherever mmap puts it (below the loader, under the loader), but
	# its break is at ELF_ET_DYN_BASE either way: only [heap] and [stack] are compared.
	for v in selfmaps selfmaps-nopie selfmaps-static selfmaps-execstack selfmaps-static-pie; do
		need_prog $v
		run_timeout 10 setarch -R "$P/$v" > "$T/$v.native" || fail "setarch -R $v failed"
		run_timeout 10 setarch -R "$L" "$P/$v" > "$T/$v.loader"
		rc=$?
		self="$(cd "$P" && pwd -P)/$v"
		[ $v = selfmaps-static-pie ] && self=-
		keep() { awk -v p="$self" '$6 == p || $6 == "[heap]" || $6 == "[stack]"' "$1"; }
		keep "$T/$v.native" > "$T/$v.n"
		keep "$T/$v.loader" > "$T/$v.l"
		if [ $rc -ne 0 ] || ! cmp -s "$T/$v.n" "$T/$v.l"; then
			mismatch "setarch -R loader $v: the program's mappings, [heap] or [stack] differ from the kernel's (exit $rc):"
			diff -u "$T/$v.n" "$T/$v.l" >&2
		else
			note "setarch -R $v: $(wc -l < "$T/$v.n") program/[heap]/[stack] lines identical"
		fi
	done
	awk -v l="$(cd "$(dirname "$L")" && pwd -P)/$(basename "$L")" '$6 == l' "$T/selfmaps.loader" > "$T/left"
	note "left mapped by the loader after the handover: $(wc -l < "$T/left") lines of its image"
else
	note "setarch -R is not available or not permitted: placement check skipped"
fi
finish "W^X: the loader maps every segment with the kernel's permissions"
