#!/bin/sh
# nostd-demo/hello prints "hello, world", exits 0, and makes exactly two system calls of
# its own after the execve that started it: write and exit. strace is the oracle.
. "$top_srcdir/tests/lib.sh"
hello=$B/nostd-demo/hello

out=$(run_timeout 10 "$hello") || fail "hello exited with $?"
assert_eq "hello's output" "hello, world" "$out"

need_strace
run_timeout 20 "$STRACE" -o "$T/log" "$hello" > "$T/out" || fail "strace hello failed"
strace_syscalls "$T/log" > "$T/calls"
assert_eq "syscalls under strace" "execve write exit" "$(echo $(cat "$T/calls"))"
grep -Eq '^write\(1, "hello, world\\n", 13\) += 13$' "$T/log" || fail "unexpected write line: $(cat "$T/log")"
grep -Eq '^exit\(0\) += \?$' "$T/log" || fail "unexpected exit line: $(cat "$T/log")"
pass "hello: write + exit, nothing else"
