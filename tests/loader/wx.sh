#!/bin/sh
# W^X: tests/progs/wx reads its own /proc/self/maps and checks every
# PT_LOAD of every loaded object has exactly the kernel's permissions, no mapping is W+X and
# [stack] is rw-p. It must pass natively and under the loader, and print the same report.
# Built four ways: PIE (ld.so maps libc; the kernel maps the program and ld.so), static,
# static-pie and -no-pie. The parts that depend on the machine are tests of their own:
# placement.sh (randomisation off) and mdwe.sh (PR_SET_MDWE).
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
finish "W^X: the loader maps every segment with the kernel's permissions"
