#!/bin/sh
# The same hello.c built freestanding and against glibc (dynamic, static) prints the same
# text and exits 0 (hello_musl.sh: musl; hello_counts.sh: their system calls).
. "$top_srcdir/tests/lib.sh"

for v in hello hello-glibc hello-glibc-static; do
	p=$B/nostd-demo/$v
	need_built "$p" "make builds it"
	out=$(run_timeout 10 "$p") || fail "$v exited with $?"
	assert_eq "$v output" "hello, world" "$out"
done
file_type() { od -An -t u2 -j 16 -N 2 "$1" | tr -d ' '; }	# e_type
assert_eq "hello is ET_EXEC" 2 "$(file_type "$B/nostd-demo/hello")"
assert_eq "hello-glibc is ET_DYN (PIE)" 3 "$(file_type "$B/nostd-demo/hello-glibc")"

pass "hello variants"
