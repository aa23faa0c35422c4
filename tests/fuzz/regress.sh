#!/bin/sh
# tests/fuzz/regress.sh: every fuzz target runs once over each of its seeds and regression
# inputs (tests/fuzz/seeds/NAME, tests/fuzz/regressions/NAME): an input that once crashed
# a target must not crash it again. In `make check` only when configured with --enable-fuzz.
. "$top_srcdir/tests/lib.sh"

for name in elf script stack select opts decode; do
	target=$B/tests/fuzz/fuzz_$name
	need_built "$target" "make check builds it with --enable-fuzz"
	set -- "$S/tests/fuzz/seeds/$name"
	[ -d "$S/tests/fuzz/regressions/$name" ] && set -- "$@" "$S/tests/fuzz/regressions/$name"
	# -runs=0: the inputs given, each once, and nothing new (the directories stay as they
	# are); -timeout: an input a decoder loops on fails in seconds
	"$target" -runs=0 -timeout=10 "$@" > "$T/$name.out" 2>&1 || {
		cat "$T/$name.out" >&2
		fail "fuzz_$name crashes on one of its inputs in $*"
	}
	pass "fuzz_$name: $(find "$@" -type f | wc -l) inputs," \
		"$(grep -o 'cov: [0-9]*' "$T/$name.out" | tail -n 1) edges"
done
