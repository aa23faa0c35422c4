#!/bin/sh
# tests/trace/classes.sh: -e trace=%CLASS selects what strace 6.1 selects, for every class
# strace has: progs/classes makes calls of each class, and the calls trace shows (with the
# seccomp filter and without) are, in order, the calls strace shows.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/trace/lib-trace.sh"
need_strace
need_trace

# names < LOG: the name of each call line, in order (the +++ line kept as it is).
names() {
	strace61_lines | sed -nE 's/^([a-z_0-9]+)\(.*/\1/p; /^\+\+\+/p'
}

cd "$T" || fail "cd $T"
for c in %file %desc %process %network %net %signal %ipc %memory %stat %lstat %fstat \
	 %statfs %fstatfs %%stat %%statfs %pure %creds %clock; do
	"$STRACE" -e trace="$c" -o s.log "$P/classes" || fail "strace -e trace=$c: exit $?"
	"$TRACE" -e trace="$c" -o t.log "$P/classes" || fail "trace -e trace=$c: exit $?"
	"$TRACE" --no-seccomp -e trace="$c" -o n.log "$P/classes" ||
		fail "trace --no-seccomp -e trace=$c: exit $?"
	names < s.log > s.names
	names < t.log > t.names
	names < n.log > n.names
	[ "$(wc -l < s.names)" -gt 1 ] || { cat s.log >&2; fail "$c: strace shows no call of progs/classes"; }
	diff -u s.names t.names >&2 || fail "-e trace=$c: trace's calls differ from strace's (- strace, + trace)"
	diff -u t.names n.names >&2 || fail "-e trace=$c: --no-seccomp shows other calls than the filter"
	note "$c: $(($(wc -l < s.names) - 1)) calls, as strace"
done
pass "-e trace=%CLASS selects strace's calls"
