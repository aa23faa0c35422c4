#!/bin/sh
# ET_EXEC over a range already mapped: with randomisation off (setarch -R) the stack's last
# pages are known, 0x7ffffffef000 among them. The kernel kills such a program after its
# point of no return (SIGSEGV, "Uhuuh, elf segment at ... requested but the memory is
# mapped already"); the loader refuses it up front with EEXIST (MAP_FIXED_NOREPLACE).
. "$top_srcdir/tests/loader/lib-loader.sh"
need_python
need norandom "the stack's place must be known"
need_cmd setarch "util-linux"

"$PY" -c 'import os, sys; sys.path.insert(0, sys.argv[1]); import mkelf
open(sys.argv[2], "wb").write(bytes(mkelf.Elf(data=False, base=0x7ffffffef000)))
os.chmod(sys.argv[2], 0o755)' "$S/tests/loader" "$T/on-the-stack" || error "mkelf.py failed"
kv=$(setarch -R "$PY" "$KEXEC" run -- "$T/on-the-stack" 2>/dev/null | tail -n 1)
setarch -R "$L" "$T/on-the-stack" > /dev/null 2> "$T/stack.err"; rc=$?
check_eq "ET_EXEC on the stack's pages (setarch -R): kernel's verdict" "signal SIGSEGV" "$kv"
check_eq "ET_EXEC on the stack's pages (setarch -R): loader's exit status" 126 "$rc"
grep -q "^loader: $T/on-the-stack: File exists (.*already mapped" "$T/stack.err" ||
	mismatch "ET_EXEC on the stack's pages: not a clear EEXIST: $(cat "$T/stack.err")"
finish "ET_EXEC over a mapped range is refused where the kernel kills it"
