#!/bin/sh
# A program linked where the loader itself sits. Natively it runs: the kernel tears the old
# image down before it maps the new one. Under the loader it must run the same: the loader
# moves its own image out of the way first (loader/move_self.c). With randomisation off
# (setarch -R) the kernel puts the loader at the same place every time; the test reads that
# place from /proc/PID/maps of a loader stopped at its first instruction (ptrace), then
# links tests/progs/linked-at.c (freestanding, non-PIE) there with the compiler.
# A program linked on the vDSO runs natively too (the kernel maps the new vDSO after the
# program), but the loader cannot move the vDSO it was given: it must refuse with one
# plain line saying what is in the way, without blaming the kernel.
. "$top_srcdir/tests/loader/lib-loader.sh"
need_python
need norandom "the loader's place must be known"
need ptrace "the loader's place is read while it is stopped at its first instruction"
need_cmd setarch "util-linux"
CC=${CC:-cc}
need "$CC" "the test program is linked at test time"

# link NAME ADDR: tests/progs/linked-at.c as $T/NAME, an ET_EXEC whose first PT_LOAD is at ADDR
link() {
	$CC -O2 -fPIE -ffreestanding -fno-stack-protector -fno-builtin -fcf-protection=none \
		-nostdlib -static -no-pie -Wl,--build-id=none -Wl,-z,noexecstack \
		-Wl,-Ttext-segment="$2" -o "$T/$1" "$S/tests/progs/linked-at.c"
}
link probe-cc 0x10000000 2> "$T/cc.err" ||
	skip "$CC cannot link a freestanding non-PIE program at a chosen address: $(head -n 1 "$T/cc.err")"

# The loader's own span [lo, hi) (its PT_LOADs, from the ELF header the kernel mapped at lo)
# and the [vdso] line, with randomisation off, while it is stopped at its first instruction.
setarch -R "$PY" - "$L" > "$T/place" <<'EOF' || error "could not stop the loader at its first instruction"
import ctypes, os, struct, sys
loader = os.path.realpath(sys.argv[1])
libc = ctypes.CDLL(None, use_errno=True)
pid = os.fork()
if pid == 0:
    if libc.ptrace(0, 0, None, None) != 0:      # PTRACE_TRACEME
        os._exit(98)
    os.execv(loader, [loader, "--version"])
    os._exit(99)
_, status = os.waitpid(pid, 0)
if not os.WIFSTOPPED(status):
    sys.exit("the loader did not stop at exec: status %#x" % status)
lines = [l.split() for l in open("/proc/%d/maps" % pid)]
os.kill(pid, 9)
os.waitpid(pid, 0)
lo = min(int(l[0].split("-")[0], 16) for l in lines if l[5:] == [loader])
vdso = [l[0].split("-") for l in lines if l[5:] == ["[vdso]"]]
with open(loader, "rb") as f:
    elf = f.read()
phoff, = struct.unpack_from("<Q", elf, 32)
phentsize, phnum = struct.unpack_from("<HH", elf, 54)
end = 0
for i in range(phnum):
    p_type, _, _, vaddr, _, _, memsz, _ = struct.unpack_from("<IIQQQQQQ", elf, phoff + i * phentsize)
    if p_type == 1:                             # PT_LOAD; the loader is linked at 0
        end = max(end, vaddr + memsz)
print("%#x %#x %s" % (lo, lo + (end + 4095) // 4096 * 4096, "0x" + vdso[0][0] if vdso else "-"))
EOF
read -r lo hi vdso < "$T/place"
note "setarch -R: the loader's image is [$lo, $hi), the [vdso] starts at $vdso"

# run_moved TAG ADDR: linked at ADDR, the program prints the same and exits the same under
# the loader as natively, and -v shows that the loader did move out of its way.
run_moved() {
	local tag=$1 addr=$2
	link "$tag" "$addr" || error "linking $tag at $addr failed"
	run_timeout 30 setarch -R "$T/$tag" --exit=3 arg > "$T/$tag.native.out" 2> "$T/$tag.native.err"
	NATIVE_RC=$?
	run_timeout 30 setarch -R "$L" "$T/$tag" --exit=3 arg > "$T/$tag.loader.out" 2> "$T/$tag.loader.err"
	LOADER_RC=$?
	check_eq "$tag: linked at $addr, natively (setarch -R): exit status" 3 "$NATIVE_RC"
	check_eq "$tag: linked at $addr, loader (setarch -R): exit status" "$NATIVE_RC" "$LOADER_RC"
	cmp -s "$T/$tag.native.out" "$T/$tag.loader.out" || {
		mismatch "$tag: stdout under the loader differs from the native run:"
		diff -u "$T/$tag.native.out" "$T/$tag.loader.out" | head -n 20 >&2
	}
	[ -s "$T/$tag.loader.err" ] && mismatch "$tag: the loader printed on stderr: $(head -n 3 "$T/$tag.loader.err")"
	run_timeout 30 setarch -R "$L" -v "$T/$tag" --exit=3 arg > "$T/$tag.v.out" 2> "$T/$tag.v.err"
	check_eq "$tag: loader -v: exit status" "$NATIVE_RC" "$?"
	cmp -s "$T/$tag.native.out" "$T/$tag.v.out" || mismatch "$tag: stdout of loader -v differs from the native run"
	grep -q "^loader: the loader's own step: move_self: .* where the loader's own image is \[$lo, $hi)" "$T/$tag.v.err" ||
		mismatch "$tag: linked at $addr, the loader did not say it moved out of the way of [$lo, $hi)"
	grep -q "^loader: the loader's own step: move_self: running from a fresh copy" "$T/$tag.v.err" ||
		mismatch "$tag: the moved loader did not say it runs from its copy"
	note "$tag: linked at $addr: $(wc -l < "$T/$tag.native.out") lines, exit $NATIVE_RC, as natively; $(grep -c '^loader: the loader.s own step: move_self:' "$T/$tag.v.err") move_self lines"
}
# its first page on the loader's ELF header; its first page on the loader's last (bss) page
run_moved at-loader "$lo"
run_moved at-loader-end "$(printf '%#x' $((hi - 4096)))"

# On the vDSO: natively it runs; the loader refuses in one line naming the vDSO.
if [ "$vdso" != - ]; then
	link at-vdso "$vdso" || error "linking at-vdso at $vdso failed"
	run_timeout 30 setarch -R "$T/at-vdso" > /dev/null 2>&1
	check_eq "at-vdso: linked at $vdso, natively (setarch -R): exit status" 0 "$?"
	run_timeout 30 setarch -R "$L" "$T/at-vdso" > "$T/at-vdso.out" 2> "$T/at-vdso.err"
	check_eq "at-vdso: loader's exit status" 126 "$?"
	check_eq "at-vdso: loader's stderr lines" 1 "$(wc -l < "$T/at-vdso.err")"
	[ -s "$T/at-vdso.out" ] && mismatch "at-vdso: the loader printed on stdout"
	grep -q "^loader: $T/at-vdso: File exists ($T/at-vdso needs .*already mapped: \[v[a-z_]*\] 0x[0-9a-f]*-0x[0-9a-f]*, the loader.s vDSO (the kernel maps the new one after the program))$" \
		"$T/at-vdso.err" || mismatch "at-vdso: the refusal does not name the vDSO: $(cat "$T/at-vdso.err")"
	grep -q "point of no return\|SIGSEGV" "$T/at-vdso.err" &&
		mismatch "at-vdso: the refusal blames the kernel for a collision it would not have: $(cat "$T/at-vdso.err")"
	note "at-vdso: refused: $(cat "$T/at-vdso.err")"
fi
finish "a program linked where the loader sits runs as natively (the loader moves itself)"
