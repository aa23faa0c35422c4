#!/bin/sh
# The loader runs musl's kinds as the kernel does: static, dynamic (musl's dynamic linker
# trusts AT_BASE) and static-pie (rcrt1 finds itself through AT_PHDR), with TLS and a heap.
# Built by make check where musl-gcc was found at configure time.
. "$top_srcdir/tests/loader/lib-loader.sh"
need musl-gcc "the musl variants are built with musl-gcc"
need_python

# basic-musl-static-pie must be what its name says (musl-gcc quietly makes a dynamic PIE
# when asked for -static-pie): ET_DYN, no PT_INTERP, and so run by the kernel without an
# interpreter (its rcrt1.o relocates it).
elf_kind() {
	"$PY" -c 'import struct, sys
d = open(sys.argv[1], "rb").read()
if d[:4] != b"\x7fELF" or d[4] != 2:
    sys.exit("not a 64-bit ELF file")
e_type, = struct.unpack_from("<H", d, 16)
e_phoff, = struct.unpack_from("<Q", d, 32)
e_phentsize, e_phnum = struct.unpack_from("<HH", d, 54)
types = [struct.unpack_from("<I", d, e_phoff + i * e_phentsize)[0] for i in range(e_phnum)]
print({2: "ET_EXEC", 3: "ET_DYN"}.get(e_type, e_type), "PT_INTERP" if 3 in types else "no-PT_INTERP")' "$1"
}
[ -x "$P/basic-musl-static-pie" ] || error "musl-gcc is installed but basic-musl-static-pie was not built: run configure again"
check_eq "basic-musl-static-pie: e_type and PT_INTERP" "ET_DYN no-PT_INTERP" "$(elf_kind "$P/basic-musl-static-pie")"
check_eq "basic-musl-dyn: e_type and PT_INTERP" "ET_DYN PT_INTERP" "$(elf_kind "$P/basic-musl-dyn")"

for v in basic-musl basic-musl-dyn basic-musl-static-pie; do
	[ -x "$P/$v" ] || error "musl-gcc is installed but $v was not built: run configure again"
	same_run $v "$P/$v"
	same_run $v-args "$P/$v" --exit=0 'two words' '' "tab	and
newline" ünïcødé
	same_run $v-exit7 "$P/$v" --exit=7
done
for v in tls-musl heap-musl; do
	[ -x "$P/$v" ] || error "musl-gcc is installed but $v was not built: run configure again"
	same_run $v "$P/$v"
done
finish "musl programs under the loader, as natively"
