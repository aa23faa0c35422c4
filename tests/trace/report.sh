#!/bin/sh
# tests/trace/report.sh: --compare, --cost and --tree (json.sh checks --json). The oracles:
# trace's own -c table of the same deterministic command, strace -f for the process tree.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/trace/lib-trace.sh"
need_strace
need_trace

A="$P/syscalls 3 2"
Bc="$P/forker 2 /bin/true"

# ---- --compare: each column equals the command's own -f -c counts ----
"$TRACE" -o "$T/cmp" --compare "$A" "$Bc" /bin/true > /dev/null || fail "--compare exited $?"
col=2
for cmd in "$A" "$Bc" /bin/true; do
	# shellcheck disable=SC2086
	"$TRACE" -f -c -o "$T/own.c" $cmd > /dev/null || fail "trace -f -c $cmd exited $?"
	awk '$1 ~ /^[0-9]+\.[0-9][0-9]$/ && $NF != "total" { print $NF, $4 }' "$T/own.c" |
		sort > "$T/own"
	awk -v c=$col 'NR > 2 && $1 !~ /^-/ && $1 != "total" && $1 != "*" && NF >= 4 &&
		$c != 0 { print $1, $c }' "$T/cmp" | sort > "$T/col"
	diff -u "$T/own" "$T/col" >&2 || { cat "$T/cmp" >&2; fail "--compare column $col ('$cmd') differs from its own -c counts"; }
	col=$((col + 1))
done
grep -q '^\* only in one command$' "$T/cmp" || fail "--compare: no marker legend"
note "--compare: 3 columns equal each command's -c counts"
# every command gets the signal dispositions trace got (not trace's own SIGINT/SIGQUIT)
want=$(grep SigIgn /proc/self/status)
"$TRACE" -o /dev/null --compare "grep SigIgn /proc/self/status" "grep SigIgn /proc/self/status" \
	> "$T/sigign" || fail "--compare grep exited $?"
assert_eq "--compare: ignored signals of the commands" "$want
$want" "$(cat "$T/sigign")"
# -e applies to every command
"$TRACE" -e trace=openat,close -o "$T/cmpe" --compare "$A" /bin/true > /dev/null ||
	fail "-e ... --compare exited $?"
awk 'NR > 2 && $1 !~ /^-/ && $1 != "total" && $1 != "*" && NF >= 3 { print $1 }' "$T/cmpe" | sort -u |
	grep -Evx 'openat|close' >&2 && { cat "$T/cmpe" >&2; fail "-e trace=openat,close --compare: other rows"; }
grep -q '^openat ' "$T/cmpe" || fail "-e trace=openat,close --compare: no openat row"
"$TRACE" --compare /nonexistent/prog > /dev/null 2>&1
assert_eq "--compare with a missing command" 127 $?

# ---- plain -c keeps strace's layout; --cost adds its lines after a blank line ----
"$TRACE" -c -o "$T/c" $A > /dev/null || fail "trace -c exited $?"
tail -1 "$T/c" | grep -Eq '^100\.00 +[0-9.]+ +[0-9]+ +[0-9]+ +[0-9]+ total$' || fail "-c: last line is not the total"
"$TRACE" --cost -o "$T/cost" $A > /dev/null || fail "--cost exited $?"
# (rows are sorted by time, which varies between runs: compare them as sets)
head -n "$(wc -l < "$T/c")" "$T/cost" | awk '{ print $NF, $4 }' | sort > "$T/cost.head"
awk '{ print $NF, $4 }' "$T/c" | sort | diff -u - "$T/cost.head" >&2 || fail "--cost changed the -c table"
tail -n +"$(( $(wc -l < "$T/c") + 1 ))" "$T/cost" > "$T/cost.tail"
[ "$(head -1 "$T/cost.tail")" = "" ] || fail "--cost: no blank line after the table"
grep -Eq '^ptrace stops: [0-9]+$' "$T/cost.tail" || { cat "$T/cost.tail" >&2; fail "--cost: stops"; }
grep -q '^stops avoided by seccomp filter: 0$' "$T/cost.tail" || fail "--cost without a filter avoids 0 stops"
grep -q '^estimated tracing overhead: ' "$T/cost.tail" || fail "--cost: no overhead line"

# ---- --tree: every process of a fork/exec chain with its exit status (strace -f: oracle) --
W='/bin/true; (exit 3); sh -c "kill -TERM \$\$"; true'
"$TRACE" -f --tree -o "$T/tree" sh -c "$W" > /dev/null 2>&1
sed -n '/^process tree:$/,$p' "$T/tree" | tail -n +2 > "$T/tree.lines"
[ -s "$T/tree.lines" ] || { cat "$T/tree" >&2; fail "--tree printed no tree"; }
sed -E 's/^ *[0-9]+ [^:]*: //' "$T/tree.lines" | sort > "$T/tree.st"
"$STRACE" -f -o "$T/tree.strace" sh -c "$W" > /dev/null 2>&1
sed -nE 's/^[0-9]+ +\+\+\+ (exited with [0-9]+|killed by SIG[A-Z]+).*/\1/p' "$T/tree.strace" |
	sort > "$T/tree.sst"
diff -u "$T/tree.sst" "$T/tree.st" >&2 || { cat "$T/tree.lines" >&2; fail "--tree: processes/statuses differ from strace -f"; }
grep -q 'exited with 3' "$T/tree.lines" || fail "--tree: no 'exited with 3'"
grep -q 'killed by SIGTERM' "$T/tree.lines" || fail "--tree: no 'killed by SIGTERM'"
# every pid that trace saw end is in the tree
sed -nE 's/^([0-9]+) +\+\+\+ (exited|killed).*/\1/p' "$T/tree" | sort -u > "$T/pids.out"
"$TRACE" -f -o "$T/tree2" --tree "$P/forker" 3 /bin/true > /dev/null 2>&1
[ "$(sed -n '/^process tree:$/,$p' "$T/tree2" | grep -c 'exited with 0')" = 4 ] ||
	{ cat "$T/tree2" >&2; fail "--tree: forker 3 should list 4 processes that exited with 0"; }
pass "--compare, --cost and --tree"
