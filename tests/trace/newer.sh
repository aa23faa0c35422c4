#!/bin/sh
# tests/trace/newer.sh: the committed list of differences from strace 6.1
# (tests/trace/strace-6.1-differences) is exact: trace prints each row's own form, strace
# 6.1 the other, and once the list is applied the two logs and -c tables of a program
# making exactly those calls are identical (so nothing else differs either).
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/trace/lib-trace.sh"
need_strace
need_trace

"$TRACE" -o "$T/t.log" "$P/newer" || fail "trace newer exited $?"
"$TRACE" -c -o "$T/t.c" "$P/newer" || fail "trace -c newer exited $?"
sed -E 's/^\[pid +[0-9]+\] //' "$T/t.log" > "$T/t.lines"
tab=$(printf '\t')
while IFS="$tab" read -r kind mine theirs reason; do
	case $kind in
	syscall)
		grep -q "^$mine(" "$T/t.lines" || fail "trace does not name $mine ($reason)" ;;
	text)
		grep -qF -- "$mine" "$T/t.lines" || fail "trace does not print '$mine' ($reason)" ;;
	'#'* | '' | gap) ;;
	*) error "strace-6.1-differences: unknown kind '$kind'" ;;
	esac
done < "$STRACE61_DIFFERENCES"

version=$("$STRACE" -V | sed -n '1s/^strace -- version //p')
case $version in
6.1) ;;
*) skip "the list describes strace 6.1; this strace is $version (trace's own forms checked)" ;;
esac
"$STRACE" -o "$T/s.log" "$P/newer" || fail "strace newer exited $?"
"$STRACE" -c -o "$T/s.c" "$P/newer" > /dev/null 2>&1
while IFS="$tab" read -r kind mine theirs reason; do
	case $kind in
	syscall) grep -q "^$theirs(" "$T/s.log" || fail "strace 6.1 names $theirs now? ($reason)" ;;
	text) grep -qF -- "$theirs" "$T/s.log" || fail "strace 6.1 does not print '$theirs' ($reason)" ;;
	esac
done < "$STRACE61_DIFFERENCES"
# (what differs between any two runs: the thread id, the random bytes)
vary() { normalise | sed -E -e 's/\) +=/) =/' -e 's/^(set_tid_address\(.*= )[0-9]+$/\1TID/' -e 's/^getrandom\("[^"]*"/getrandom("BYTES"/'; }
strace61_lines "$T/t.log" | vary > "$T/t.61"
strace61_lines "$T/s.log" | vary > "$T/s.61"
diff -u "$T/s.61" "$T/t.61" >&2 || fail "with the list applied, trace's log still differs from strace 6.1's"
counts "$T/t.c" > "$T/t.n"
counts "$T/s.c" > "$T/s.n"
diff -u "$T/s.n" "$T/t.n" >&2 || fail "with the list applied, trace -c differs from strace 6.1 -c"
pass "$(grep -c '^[a-z]' "$STRACE61_DIFFERENCES") listed differences from strace 6.1, and no other"
