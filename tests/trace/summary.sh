#!/bin/sh
# -c variants on real runs: -w measures wall-clock time (a 0.3 s sleep shows as at least
# that, and no more than the whole run took), -S orders the rows, -C prints the calls and
# the table, -c alone prints no calls.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/trace/lib-trace.sh"
need_trace

start=$(date +%s%N)
"$TRACE" -c -w -o "$T/w" /bin/sleep 0.3 || fail "trace -c -w sleep failed"
run=$(( $(date +%s%N) - start ))
secs=$(awk '$NF == "clock_nanosleep" || $NF == "nanosleep" { print $2 }' "$T/w")
[ -n "$secs" ] || { cat "$T/w" >&2; fail "no nanosleep row with -w"; }
awk -v s="$secs" -v run="$run" 'BEGIN { exit !(s >= 0.29 && s <= run / 1e9) }' ||
	fail "-w: nanosleep took $secs s, expected 0.3 or more, and less than the $run ns of the run"
# Without -w the time is system CPU time: a sleep costs next to none.
"$TRACE" -c -o "$T/cpu" /bin/sleep 0.3
secs=$(awk '$NF == "clock_nanosleep" || $NF == "nanosleep" { print $2 }' "$T/cpu")
awk -v s="$secs" 'BEGIN { exit !(s < 0.1) }' || fail "default time counts sleeping: $secs s"

"$TRACE" -c -S calls -o "$T/calls" "$P/syscalls" 300 20
head -n 3 "$T/calls" | tail -n 1 | grep -Eq ' 300 +getppid$' || fail "-S calls: getppid not first"
sed -n 4p "$T/calls" | grep -Eq ' 20 +20 openat$' || fail "-S calls: openat (20, 20 errors) not second"
"$TRACE" -c -S errors -o "$T/errors" "$P/syscalls" 300 20
sed -n 3p "$T/errors" | grep -Eq ' 20 +20 openat$' || fail "-S errors: openat not first"
"$TRACE" -c -S name -o "$T/name" "$P/syscalls" 300 20
awk '$1 ~ /^[0-9]+\.[0-9][0-9]$/ && $NF != "total" { print $NF }' "$T/name" > "$T/names"
LC_ALL=C sort -c "$T/names" || fail "-S name: rows not in name order"

"$TRACE" -C -o "$T/both" "$P/syscalls" 3 1
grep -q '^getppid()' "$T/both" || fail "-C: no call lines"
grep -Eq ' 3 +getppid$' "$T/both" || fail "-C: no table"
grep -q '^getppid()' "$T/calls" && fail "-c printed call lines"
pass "-c, -C, -w, -S"
