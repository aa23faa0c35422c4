#!/bin/sh
# tests/corpus/prefix.sh: the normaliser compares each line's `-f -o` pid prefix too: the same
# calls written with `[pid N] ` (or no prefix) instead of strace's `PID ` are mismatches of
# their own kind, not identical lines.
. "$top_srcdir/tests/lib.sh"
need python3 "tests/corpus/normalise is python3"
N="$PYTHON3 $S/tests/corpus/normalise"
cat > "$T/strace" <<'LOG'
100 set_tid_address(0x7f0000001000)   = 100
100 clone(child_stack=NULL, flags=SIGCHLD) = 101
101 getpid()                          = 101
101 +++ exited with 0 +++
100 exit_group(0)                     = ?
100 +++ exited with 0 +++
LOG
sed 's/^\(10[01]\) /[pid \1] /' "$T/strace" > "$T/pid"
# `[pid N] ` for the child, then no prefix for the last process left
sed -e 's/^101 /[pid 101] /' -e 's/^100 \(exit_group\|+++\)/\1/' "$T/strace" > "$T/none"
$N --compare "$T/strace" "$T/strace" > "$T/same" || { cat "$T/same" >&2; fail "a log differs from itself"; }
grep -q '^100.00% identical (6 of 6 lines' "$T/same" || fail "self-comparison: $(head -1 "$T/same")"
$N --compare "$T/strace" "$T/pid" > "$T/out.pid" && fail "[pid N] prefixes compared as identical"
grep -q '^0.00% identical (0 of 6 lines' "$T/out.pid" || fail "[pid N]: $(head -1 "$T/out.pid")"
grep -q "^ *6  -f -o: pid prefix: strace's \`PID \` | \`\[pid N\] \`$" "$T/out.pid" ||
	{ cat "$T/out.pid" >&2; fail "[pid N]: no prefix kind"; }
$N --compare "$T/strace" "$T/none" > "$T/out.none" && fail "missing prefixes compared as identical"
grep -q '^33.33% identical (2 of 6 lines' "$T/out.none" || { cat "$T/out.none" >&2; fail "no prefix: $(head -1 "$T/out.none")"; }
grep -q "^ *2  -f -o: pid prefix: strace's \`PID \` | (no prefix)$" "$T/out.none" ||
	{ cat "$T/out.none" >&2; fail "no prefix: no prefix kind"; }
pass "the -f -o pid prefix is compared"
