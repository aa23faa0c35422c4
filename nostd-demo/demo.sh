#!/bin/sh
# nostd-demo part of `make demo`: the least a program needs to start.
# The commands run as printed, from the build directory (execlab-env, made by `make`,
# puts the tools on PATH).
B=${top_builddir:-.}
cd "$B" && . ./execlab-env || exit 1
cat <<'TXT'
== nostd-demo: a program with no libc ==
nostd-demo/hello has its own _start (4 instructions), decodes the initial stack in C and
makes exactly two system calls: write(1, "hello, world\n", 13) and exit(0).
TXT
echo "\$ nostd-demo/hello"
nostd-demo/hello
echo "exit status $?"
if command -v strace >/dev/null 2>&1 && strace -o /dev/null true 2>/dev/null; then
	echo "\$ strace nostd-demo/hello   (the kernel's view: execve, then its two calls)"
	strace nostd-demo/hello 2>&1 >/dev/null
fi
cat <<'TXT'

== nostd-demo/auxv: the initial stack, as the kernel built it ==
argc, argv[], envp[], then the auxiliary vector: where the vDSO is (AT_SYSINFO_EHDR), the
program headers (AT_PHDR), the entry point, 16 random bytes for the stack canary, ...
TXT
echo "\$ env -i LANG=C nostd-demo/auxv one two"
env -i LANG=C nostd-demo/auxv one two
echo
