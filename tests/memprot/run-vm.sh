#!/bin/sh
# tests/memprot/run-vm.sh: the VM helper without booting anything: tests/vm/mkinitramfs
# writes a newc archive the kernel's format rules accept (read back by python3's own
# parser), and tests/vm/run-vm refuses what it cannot run with exit 125/126 and one line.
. "$top_srcdir/tests/lib.sh"
R=$S/tests/vm/run-vm
M=$S/tests/vm/mkinitramfs
need_built "$B/memprot/pkeys"

# refuse STATUS PATTERN CMD...: CMD must exit STATUS with one stderr line matching PATTERN.
refuse() {
	local want=$1 pat=$2 rc
	shift 2
	"$@" > "$T/ref.out" 2> "$T/ref.err"
	rc=$?
	[ $rc -eq "$want" ] || fail "$*: expected exit $want, got $rc ($(cat "$T/ref.err"))"
	[ "$(wc -l < "$T/ref.err")" -eq 1 ] && grep -q "$pat" "$T/ref.err" ||
		fail "$*: expected one line matching '$pat', got: $(cat "$T/ref.err")"
	[ ! -s "$T/ref.out" ] || fail "$*: wrote to stdout"
}
refuse 125 '^usage: run-vm' "$R"
refuse 125 '^usage: run-vm' "$R" x86_64
refuse 125 '^usage: run-vm' "$R" --timeout x x86_64 "$B/memprot/pkeys"
refuse 125 "unknown architecture 'pdp11'" "$R" pdp11 "$B/memprot/pkeys"
refuse 125 'no spaces, quotes' "$R" x86_64 "$B/memprot/pkeys" "two words"
# A stand-in emulator (never reached) and kernel image, to get past the checks before them.
mkdir -p "$T/fakebin" "$T/nobin" "$T/cache/x86_64"
printf '#!/bin/sh\nexit 0\n' > "$T/fakebin/qemu-system-x86_64"
chmod +x "$T/fakebin/qemu-system-x86_64"
: > "$T/cache/x86_64/vmlinuz"
ln -s "$(command -v dirname)" "$T/nobin/dirname"
refuse 126 'qemu-system-x86_64 is not installed (Debian package qemu-system-x86' \
	env PATH="$T/nobin" /bin/sh "$R" x86_64 "$B/memprot/pkeys"
refuse 126 'no readable kernel image .*scripts/bootstrap' \
	env EXECLAB_VM_CACHE="$T/nothing-here" PATH="$T/fakebin:$PATH" "$R" x86_64 "$B/memprot/pkeys"
refuse 125 'cannot read' \
	env EXECLAB_VM_CACHE="$T/cache" PATH="$T/fakebin:$PATH" "$R" x86_64 "$T/none"
if command -v readelf > /dev/null 2>&1; then
	refuse 125 'dynamically linked; /init must be static' \
		env EXECLAB_VM_CACHE="$T/cache" PATH="$T/fakebin:$PATH" "$R" x86_64 "$B/memprot/faults"
fi
pass "run-vm refuses bad usage, unknown architectures, unusable arguments, a missing emulator or image"

refuse 2 '^usage: mkinitramfs' "$M" "$T/x"
refuse 1 'cannot read' "$M" "$T/x" "$T/none"
printf 'abcde' > "$T/odd"
"$M" "$T/initramfs" "$T/odd" || fail "mkinitramfs exited $?"
need python3 "reading the archive back"
"$PYTHON3" - "$T/initramfs" > "$T/entries" <<'PY' || fail "the archive does not parse as newc"
import sys
data = open(sys.argv[1], "rb").read()
pos = 0
assert len(data) % 4 == 0, "length not a multiple of 4"
while True:
    h = data[pos:pos + 110]
    assert h[:6] == b"070701", "bad magic at %d" % pos
    f = [int(h[6 + 8 * i:14 + 8 * i], 16) for i in range(13)]
    mode, size, rmaj, rmin, namesize = f[1], f[6], f[9], f[10], f[11]
    name = data[pos + 110:pos + 110 + namesize - 1].decode()
    assert data[pos + 110 + namesize - 1] == 0
    pos = (pos + 110 + namesize + 3) & ~3
    body = data[pos:pos + size]
    pos = (pos + size + 3) & ~3
    if name == "TRAILER!!!":
        break
    print("%s %o %d:%d %r" % (name, mode, rmaj, rmin, body))
assert pos == len(data), "bytes after the trailer"
PY
cat > "$T/want" <<'EOF2'
dev 40755 0:0 b''
dev/console 20600 5:1 b''
init 100755 0:0 b'abcde'
EOF2
diff -u "$T/want" "$T/entries" >&2 || fail "the archive's entries"
pass "mkinitramfs: /dev, /dev/console (c 5 1) and /init, padded as newc requires"
