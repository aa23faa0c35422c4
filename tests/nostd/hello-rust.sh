#!/bin/sh
# The Rust hellos: hello-rust (std) and hello-rust-nostd (no std, no libc, its own _start)
# print "hello, world" and exit 0, natively and under the loader. strace is the oracle of
# what each asks of the kernel: hello-rust-nostd makes execve, write and exit and nothing
# else; hello-rust, with std's runtime start-up, more than glibc's own C hello.
. "$top_srcdir/tests/lib.sh"
std=$B/nostd-demo/hello-rust
nostd=$B/nostd-demo/hello-rust-nostd
need rustc "the Rust hellos are built with rustc"
[ -x "$std" ] && [ -x "$nostd" ] ||
	error "rustc is installed but the Rust hellos were not built: run configure again"

for p in "$std" "$nostd"; do
	out=$(run_timeout 10 "$p") || fail "$p exited with $?"
	assert_eq "$p output" "hello, world" "$out"
	out=$(run_timeout 10 "$B/loader/loader" "$p") || fail "loader $p exited with $?"
	assert_eq "loader $p output" "hello, world" "$out"
done
# a failed write is seen: stdout closed, write(2) returns EBADF, the status says so
run_timeout 10 "$nostd" >&- 2>/dev/null
assert_eq "hello-rust-nostd with stdout closed: status" 1 "$?"

# hello-rust-nostd is what its name says: ET_EXEC, no PT_INTERP, no libc
file_type() { od -An -t u2 -j 16 -N 2 "$1" | tr -d ' '; }	# e_type
assert_eq "hello-rust-nostd is ET_EXEC" 2 "$(file_type "$nostd")"

need_strace
"$STRACE" -f -o "$T/nostd.log" "$nostd" > /dev/null || fail "hello-rust-nostd under strace exited $?"
assert_eq "hello-rust-nostd's system calls" "execve write exit" \
	"$(strace_syscalls "$T/nostd.log" | tr '\n' ' ' | sed 's/ $//')"
"$STRACE" -f -o "$T/std.log" "$std" > /dev/null || fail "hello-rust under strace exited $?"
"$STRACE" -f -o "$T/glibc.log" "$B/nostd-demo/hello-glibc" > /dev/null ||
	fail "hello-glibc under strace exited $?"
n_std=$(strace_syscalls "$T/std.log" | wc -l)
n_glibc=$(strace_syscalls "$T/glibc.log" | wc -l)
note "syscalls (with execve): Rust no_std 3, Rust std $n_std, C glibc dynamic $n_glibc"
note "Rust std's calls: $(strace_syscalls "$T/std.log" | sort | uniq -c | sort -rn | awk '{ printf "%s %s, ", $2, $1 }' | sed 's/, $//')"
[ "$n_std" -gt "$n_glibc" ] || fail "hello-rust made $n_std calls, no more than glibc's C hello ($n_glibc)"
grep -Eq '^([0-9]+ +)?write\(1, "hello, world\\n", 13\)' "$T/std.log" || fail "hello-rust's write is not one write of the line"
pass "Rust hellos: no_std makes execve+write+exit; std $n_std calls"
