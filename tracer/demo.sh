#!/bin/sh
# tracer part of `make demo`: what programs ask of the kernel, counted by trace -c.
# The commands run as printed, from the build directory, with the tools on PATH
# (execlab-env, made by `make`).
B=${top_builddir:-.}
cd "$B" && . ./execlab-env || exit 1
if ! trace -o /dev/null true 2>/dev/null; then
	echo "trace cannot trace here (ptrace not permitted): tracer demo skipped"
	exit 0
fi
cat <<'TXT'

== trace -c: the same hello world, six ways ==
The freestanding hello makes 3 calls: execve, write and exit (exit never returns, so -c
does not list it, as strace does not); so does Rust's no_std one. A static glibc program
adds its start-up (TLS, brk, ...); a dynamic one adds the dynamic loader's openat/mmap of
libc; Rust's std adds its own runtime's start-up on top of glibc's.
TXT
built=
for v in hello hello-rust-nostd hello-musl hello-glibc-static hello-glibc hello-rust; do
	if [ ! -x "nostd-demo/$v" ]; then
		echo "(nostd-demo/$v not built: skipped)"
		continue
	fi
	built="$built nostd-demo/$v"
	echo "\$ trace -c nostd-demo/$v"
	trace -c "nostd-demo/$v" 2>&1 >/dev/null
	echo
done

cat <<'TXT'
== trace -f -c: the kernel's exec vs loader ==
The same /bin/true started by the kernel's execve, then by the user-space loader: the
loader's own mmaps and reads replace the kernel's work inside execve.
TXT
echo "\$ trace -f -c /bin/true"
trace -f -c /bin/true 2>&1
echo
echo "\$ trace -f -c loader /bin/true"
trace -f -c loader /bin/true 2>&1
echo
echo "\$ trace -f sh -c 'echo a | cat'   (per-call lines; [pid N] when several tracees)"
trace -f sh -c 'echo a | cat' 2>&1 | tail -n 12

cat <<'TXT'

== trace --compare: one table, a column per command ==
Each command runs under trace -f -c; rows are sorted by the largest count, and `*` marks a
syscall that only one command made.
TXT
if [ -n "$built" ]; then
	echo "\$ trace --compare$built"
	# shellcheck disable=SC2086
	trace --compare $built 2>&1 >/dev/null
fi
echo
echo "\$ trace --compare /bin/true 'loader /bin/true'"
trace --compare /bin/true 'loader /bin/true' 2>&1 >/dev/null
