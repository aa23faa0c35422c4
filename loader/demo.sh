#!/bin/sh
# loader part of `make demo`: a program run by loader/loader, step by step.
# The commands run as printed, with the tools on PATH (execlab-env, made by `make`).
B=${top_builddir:-.}
. "$B/execlab-env" || exit 1
cat <<'TXT'
== loader: execve(2) done in user space ==
loader replays the kernel's exec path: open the file, check the ELF headers,
find the interpreter (ld.so), map every PT_LOAD, build argc/argv/envp/auxv on the stack,
then zero the registers and jump. -v names each step after its kernel function;
--map draws the memory image just before the jump.
TXT
echo "\$ loader -v --map /bin/echo hello from the loader"
loader -v --map /bin/echo hello from the loader
echo "exit status $?"
cat <<'TXT'

What to notice: echo is a PIE, so the loader placed it at ELF_ET_DYN_BASE plus a random
offset (0x55...), and ld.so where mmap chose (0x7f...); the stack is the loader's own
[stack], reused; execution starts at ld.so's entry with every register zero.

== a malformed file is refused with the kernel's errno, before anything is mapped ==
TXT
T=$(mktemp -d "${TMPDIR:-/tmp}/loader-demo.XXXXXX")
trap 'rm -rf "$T"' EXIT
printf '\177ELF' > "$T/four-bytes"
chmod +x "$T/four-bytes"
echo "\$ loader ./four-bytes      (a file holding only \"\\177ELF\")"
(cd "$T" && loader ./four-bytes)
echo "exit status $?"
echo
