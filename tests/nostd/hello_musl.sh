#!/bin/sh
# nostd-demo/hello-musl, the same hello.c against musl, prints the same text and exits 0.
. "$top_srcdir/tests/lib.sh"
need musl-gcc "hello-musl is built with musl-gcc"
p=$B/nostd-demo/hello-musl
[ -x "$p" ] || error "musl-gcc is installed but $p was not built: run configure again"
out=$(run_timeout 10 "$p") || fail "hello-musl exited with $?"
assert_eq "hello-musl output" "hello, world" "$out"
pass "hello-musl"
