#!/bin/sh
# Count parity: for deterministic workloads the per-syscall calls and errors of
# `trace -f -c` equal `strace -f -c` exactly. Time columns are not compared.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/trace/lib-trace.sh"
need_strace
need_trace

parity true "" /bin/true
parity static-loop "" "$P/syscalls" 1000 50
# The shell may be inside clone() for `cat` when `echo`'s SIGCHLD arrives: clone then
# fails with ERESTARTNOINTR and is restarted (one more call, one error), and the
# rt_sigreturn of the handler returns that error value. strace's own runs differ there.
parity pipeline "clone|rt_sigreturn" sh -c 'echo a | cat'
parity ls "" ls -la /
parity fork20 "" "$P/forker" 20
parity vfork20 "" "$P/vforker" 20 /bin/true
# pthread_join sleeps on a futex only if its thread has not ended yet: scheduling decides,
# and strace's own futex count differs between runs (2 or 3 here).
parity threads "futex" "$P/threads" 4 1000
parity execchain "" "$P/execchain" 5
# 2000 short-lived threads; futex varies as above.
parity manythreads "futex" "$P/manythreads" 2000
# execve by a non-leader thread: the pid switch.
parity execthread "" "$P/execchain" 3 thread
pass "trace -f -c agrees with strace -f -c"
