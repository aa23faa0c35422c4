#!/bin/sh
# "No page writable and executable at any moment": under PR_SET_MDWE (memory-deny-write-
# execute, inherited across fork and exec) the kernel refuses every W+X mapping and every
# mprotect that adds X. Programs the kernel starts under MDWE, the loader must start too.
. "$top_srcdir/tests/loader/lib-loader.sh"
need_python
need mdwe

cat > "$T/mdwe.py" <<'PY'
import ctypes, os, sys
libc = ctypes.CDLL(None, use_errno=True)
if libc.prctl(65, 1, 0, 0, 0) != 0:     # PR_SET_MDWE, PR_MDWE_REFUSE_EXEC_GAIN
    sys.exit(77)
os.execv(sys.argv[1], sys.argv[1:])
PY
mdwe() { run_timeout 10 "$PY" "$T/mdwe.py" "$@"; }
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
finish "under PR_SET_MDWE the loader starts what the kernel starts"
