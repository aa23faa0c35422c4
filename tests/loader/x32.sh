#!/bin/sh
# An x32 program (ELFCLASS32 with EM_X86_64: the x86_64 instruction set with 32-bit
# pointers). The kernel's 64-bit binfmt_elf never looks at EI_CLASS: it reads the file as
# 64-bit and refuses it in load_elf_phdrs() (ENOEXEC), unless the kernel is built with
# CONFIG_X86_X32_ABI, whose compat_binfmt_elf runs it. The loader refuses it with the same
# ENOEXEC and a detail naming x32; on a kernel with x32 support the kernel runs it and the
# loader's refusal is its documented limit (noted). The file is built here, byte by byte:
# one PT_LOAD whose code writes "ok" and exits 0 through x32 system calls.
. "$top_srcdir/tests/loader/lib-loader.sh"
need_python
need_prog basic-static

"$PY" - "$T/x32" <<'PY' || error "could not write the x32 file"
import os, struct, sys
BASE, CODE = 0x400000, 0x60
code = bytearray()
code += b"\xb8\x01\x00\x00\x40"          # mov eax, 0x40000001 (x32 write)
code += b"\xbf\x01\x00\x00\x00"          # mov edi, 1
lea = len(code)
code += b"\x48\x8d\x35\0\0\0\0"          # lea rsi, [rip+msg]
code += b"\xba\x03\x00\x00\x00"          # mov edx, 3
code += b"\x0f\x05"                      # syscall
code += b"\xb8\x3c\x00\x00\x40"          # mov eax, 0x4000003c (x32 exit)
code += b"\x31\xff"                      # xor edi, edi
code += b"\x0f\x05"                      # syscall
code[lea + 3:lea + 7] = struct.pack("<i", len(code) - (lea + 7))
code += b"ok\n"
size = CODE + len(code)
ident = b"\x7fELF\x01\x01\x01" + b"\0" * 9          # ELFCLASS32, little endian
ehdr = ident + struct.pack("<HHIIIIIHHHHHH", 2, 62, 1, BASE + CODE, 52, 0, 0,
                           52, 32, 1, 40, 0, 0)    # ET_EXEC, EM_X86_64, one 32-byte phdr
phdr = struct.pack("<IIIIIIII", 1, 0, BASE, BASE, size, size, 5, 0x1000)  # PT_LOAD R+X
data = (ehdr + phdr).ljust(CODE, b"\0") + bytes(code)
with open(sys.argv[1], "wb") as f:
    f.write(data)
os.chmod(sys.argv[1], 0o755)
PY

# x32_case FILE: the kernel's verdict, and the loader's refusal that must go with it.
x32_case() {
	local f=$1 kv
	kv=$(kernel_verdict "$f")
	case $kv in
	"errno ENOEXEC")
		note "$(basename "$f"): the kernel refuses it with ENOEXEC (no x32 support)" ;;
	"exit 0")
		note "$(basename "$f"): this kernel runs x32 programs (CONFIG_X86_X32_ABI); the loader does not (documented)" ;;
	*)
		mismatch "$(basename "$f"): unexpected kernel verdict '$kv'" ;;
	esac
	expect_refusal "$(basename "$f")" 126 \
		"Exec format error (ELFCLASS32 with EM_X86_64: an x32 program;" "$f"
}
x32_case "$T/x32"

# The same from the toolchain, where the compiler can build freestanding x32 code.
printf 'void _start(void) { __asm__ volatile ("mov $0x4000003c, %%eax; xor %%edi, %%edi; syscall"); }\n' > "$T/x32cc.c"
if ${CC:-cc} -mx32 -nostdlib -static -ffreestanding -fno-pie -no-pie -o "$T/x32-cc" \
	"$T/x32cc.c" 2> /dev/null; then
	x32_case "$T/x32-cc"
else
	note "${CC:-cc} cannot build freestanding -mx32 code: only the hand-made file is checked"
fi

# A 64-bit file marked ELFCLASS32 is no x32 program: the kernel reads it as 64-bit and
# runs it, and so must the loader (malformed.sh's ei_class-32 does the same on mkelf.py's).
"$PY" -c 'import sys
d = bytearray(open(sys.argv[1], "rb").read()); d[4] = 1
open(sys.argv[2], "wb").write(d)' "$P/basic-static" "$T/class32-64bit" ||
	error "could not write class32-64bit from $P/basic-static"
chmod 755 "$T/class32-64bit"
check_like_kernel class32-64bit "$T/class32-64bit" --exit=0
finish "an x32 program is refused as the kernel refuses it, and named"
