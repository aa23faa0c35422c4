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

# A -z execstack program: the kernel's setup_arg_pages() makes [stack] rwx even under
# MDWE (it sets VM_EXEC itself; only mmap and mprotect enforce MDWE), and the program runs.
# A user-space loader has only mprotect, which MDWE refuses: the program must still run
# as natively, with [stack] rw- (the documented difference), and -v must say why.
need_prog selfmaps-execstack
stack_perms() { sed -n 's/^[0-9a-f]*-[0-9a-f]* \([rwxps-]*\) .*\[stack\]$/\1/p' "$1"; }
mdwe "$P/selfmaps-execstack" > "$T/es.native" 2>&1; n=$?
mdwe "$L" "$P/selfmaps-execstack" > "$T/es.loader" 2>&1; l=$?
check_eq "under PR_SET_MDWE, exit status of loader selfmaps-execstack" "$n" "$l"
np=$(stack_perms "$T/es.native"); lp=$(stack_perms "$T/es.loader")
case $np/$lp in
"$lp/$np") note "under PR_SET_MDWE an execstack program's [stack] is $lp, as natively" ;;
rwxp/rw-p) note "under PR_SET_MDWE an execstack program's [stack]: natively rwxp (the kernel's own VM_EXEC), rw-p under the loader (mprotect refused): documented" ;;
*) mismatch "under PR_SET_MDWE an execstack program's [stack] is '$lp' under the loader, '$np' natively" ;;
esac
[ "$np" = rwxp ] || note "this kernel does not make an execstack program's stack rwx under MDWE ('$np')"
mdwe "$L" -v "$P/selfmaps-execstack" > /dev/null 2> "$T/es.err"
if [ "$lp" = rw-p ]; then
	grep -q '^loader: setup_arg_pages: .*memory-deny-write-execute.*stays rw-' "$T/es.err" ||
		mismatch "loader -v does not say MDWE kept [stack] rw-: $(grep setup_arg_pages "$T/es.err")"
fi
# --map draws the stack as it is.
mdwe "$L" --map "$P/selfmaps-execstack" > /dev/null 2> "$T/es.map"
if grep -q 'made rwx' "$T/es.map"; then
	[ "$lp" = rwxp ] || mismatch "loader --map draws [stack] rwx when it is $lp: $(grep 'made rwx' "$T/es.map")"
fi
finish "under PR_SET_MDWE the loader starts what the kernel starts"
