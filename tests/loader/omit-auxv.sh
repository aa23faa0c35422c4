#!/bin/sh
# loader --omit-auxv NAME (a teaching option) leaves one entry out of the new program's
# auxv. The oracles: nostd-demo/auxv, which prints the auxv it was given (the entry is gone,
# every other key stays, in order); a glibc program, which reads its stack canary through
# AT_RANDOM unchecked and so dies of SIGSEGV without it (omit-auxv-musl.sh: a musl one runs).
# An unknown name is bad usage.
. "$top_srcdir/tests/loader/lib-loader.sh"
auxv=$B/nostd-demo/auxv
need_built "$auxv" "make builds it"

keys() { sed -n 's/^\(AT_[A-Z0-9_]*\) .*/\1/p' "$1"; }

run_timeout 10 "$L" "$auxv" > "$T/all" 2> "$T/all.err" || fail "loader auxv exited $?: $(cat "$T/all.err")"
grep -q '^AT_RANDOM ' "$T/all" || error "nostd-demo/auxv shows no AT_RANDOM under the loader"
for name in AT_RANDOM AT_SYSINFO_EHDR AT_PLATFORM; do
	run_timeout 10 "$L" --omit-auxv "$name" "$auxv" > "$T/$name" 2> "$T/$name.err" ||
		fail "loader --omit-auxv $name auxv exited $?: $(cat "$T/$name.err")"
	keys "$T/all" | grep -vx "$name" > "$T/$name.expected"
	keys "$T/$name" > "$T/$name.got"
	diff -u "$T/$name.expected" "$T/$name.got" >&2 ||
		fail "--omit-auxv $name: the auxv keys are not the others, in order"
done
# the =NAME spelling too
run_timeout 10 "$L" --omit-auxv=AT_HWCAP "$auxv" > "$T/hwcap" || fail "--omit-auxv=AT_HWCAP exited $?"
grep -q '^AT_HWCAP ' "$T/hwcap" && fail "--omit-auxv=AT_HWCAP left AT_HWCAP in"

# glibc, static and dynamic: SIGSEGV before main, nothing printed
for p in "$B/nostd-demo/hello-glibc-static" "$B/nostd-demo/hello-glibc"; do
	need_built "$p" "make builds it"
	out=$(run_timeout 10 "$L" "$p") || fail "$p under the loader exited $?"
	assert_eq "$p under the loader" "hello, world" "$out"
	run_timeout 10 "$L" --omit-auxv AT_RANDOM "$p" > "$T/glibc.out" 2> "$T/glibc.err"
	rc=$?
	[ "$rc" -gt 128 ] && [ "$(kill -l "$rc")" = SEGV ] ||
		fail "$p with --omit-auxv AT_RANDOM: expected death by SIGSEGV, got status $rc"
	[ -s "$T/glibc.out" ] && fail "$p with --omit-auxv AT_RANDOM printed: $(cat "$T/glibc.out")"
	note "$p without AT_RANDOM: status $rc (SIGSEGV)"
done

# bad usage: one line, status 2, nothing run
for bad in AT_NULL AT_BOGUS random 25 ''; do
	run_timeout 10 "$L" --omit-auxv "$bad" "$auxv" > "$T/bad.out" 2> "$T/bad.err"
	rc=$?
	assert_eq "--omit-auxv '$bad': status" 2 "$rc"
	[ -s "$T/bad.out" ] && fail "--omit-auxv '$bad' ran the program"
	assert_eq "--omit-auxv '$bad': lines on stderr" 1 "$(wc -l < "$T/bad.err")"
done
run_timeout 10 "$L" --omit-auxv > /dev/null 2> "$T/bad.err"
assert_eq "--omit-auxv without NAME: status" 2 "$?"
pass "--omit-auxv leaves the entry out; glibc dies without AT_RANDOM"
