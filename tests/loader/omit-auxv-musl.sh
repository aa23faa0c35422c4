#!/bin/sh
# loader --omit-auxv AT_RANDOM: a musl program, which takes its canary from AT_RANDOM only
# when it is there, starts without it (omit-auxv.sh: a glibc one dies).
. "$top_srcdir/tests/loader/lib-loader.sh"
need musl-gcc "hello-musl is built with musl-gcc"
p=$B/nostd-demo/hello-musl
[ -x "$p" ] || error "musl-gcc is installed but $p was not built: run configure again"
out=$(run_timeout 10 "$L" --omit-auxv AT_RANDOM "$p") ||
	fail "hello-musl with --omit-auxv AT_RANDOM exited $?"
assert_eq "hello-musl without AT_RANDOM" "hello, world" "$out"
pass "a musl program runs without AT_RANDOM"
