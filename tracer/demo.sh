#!/bin/sh
# tracer part of `make demo`: what programs ask of the kernel, counted by trace -c.
B=${top_builddir:-.}
TRACE=$B/tracer/trace
if ! "$TRACE" -o /dev/null true 2>/dev/null; then
	echo "trace cannot trace here (ptrace not permitted): tracer demo skipped"
	exit 0
fi
cat <<'TXT'

== trace -c: the same hello world, four ways ==
The freestanding hello makes 3 calls: execve, write and exit (exit never returns, so -c
does not list it, as strace does not). A static glibc program adds its start-up (TLS,
brk, ...); a dynamic one adds the dynamic loader's openat/mmap of libc.
TXT
for v in hello hello-musl hello-glibc-static hello-glibc; do
	p=$B/nostd-demo/$v
	if [ ! -x "$p" ]; then
		echo "(nostd-demo/$v not built: skipped)"
		continue
	fi
	echo "\$ trace -c nostd-demo/$v"
	"$TRACE" -c "$p" 2>&1 >/dev/null
	echo
done

cat <<'TXT'
== trace -f -c: the kernel's exec vs loader/loader ==
The same /bin/true started by the kernel's execve, then by the user-space loader: the
loader's own mmaps and reads replace the kernel's work inside execve.
TXT
echo "\$ trace -f -c /bin/true"
"$TRACE" -f -c /bin/true 2>&1
echo
echo "\$ trace -f -c loader/loader /bin/true"
"$TRACE" -f -c "$B/loader/loader" /bin/true 2>&1
echo
echo "\$ trace -f sh -c 'echo a | cat'   (per-call lines; [pid N] when several tracees)"
"$TRACE" -f sh -c 'echo a | cat' 2>&1 | tail -n 12

cat <<'TXT'

== trace --compare: one table, a column per command ==
Each command runs under trace -f -c; rows are sorted by the largest count, and `*` marks a
syscall that only one command made.
TXT
set --
for v in hello hello-musl hello-glibc-static hello-glibc; do
	[ -x "$B/nostd-demo/$v" ] && set -- "$@" "$B/nostd-demo/$v"
done
if [ $# -gt 0 ]; then
	echo "\$ trace --compare $*"
	"$TRACE" --compare "$@" 2>&1 >/dev/null
fi
if [ -x "$B/loader/loader" ]; then
	echo
	echo "\$ trace --compare /bin/true '$B/loader/loader /bin/true'"
	"$TRACE" --compare /bin/true "$B/loader/loader /bin/true" 2>&1 >/dev/null
fi
