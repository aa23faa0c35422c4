#!/bin/sh
# tests/trace/unfinished.sh: a call interrupted by another process's line ends as strace
# 6.1 ends it: with ", " only when its second half prints an argument, so poll, whose
# arguments are all known at entry, ends "5000 <unfinished ...>" (strace's own line).
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/trace/lib-trace.sh"
need_strace
need_trace
cd "$T" || fail "cd $T"

"$TRACE" -f -o t.log "$P/pollwait" || fail "trace -f pollwait exited $?"
"$STRACE" -f -o s.log "$P/pollwait" || fail "strace -f pollwait exited $?"
for k in t s; do
	sed -nE 's/^[0-9]+ +//; /^poll\(|^<\.\.\. poll resumed>/p' $k.log > $k.poll
done
want='poll([{fd=3, events=POLLIN}], 1, 5000 <unfinished ...>'
grep -qxF "$want" s.poll || { cat s.log >&2; error "strace does not print: $want"; }
diff -u s.poll t.poll >&2 || fail "poll's two halves differ from strace's (- strace, + trace)"
pass "an interrupted poll ends as strace's: $want"
