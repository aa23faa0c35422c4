#!/bin/sh
# Refusals that come from who trace runs as, said as the kernel decides them: -p on another
# user's process names the owner before any container hint (with strace's exit status), and
# a PROGRAM not found where a PATH directory cannot be searched gets env(1)'s status (126)
# and the loader's detail naming the directory. Root passes both checks, so trace runs as
# uid 65534 here (setpriv).
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/trace/lib-trace.sh"
need_trace
need_root "a second user to run trace as"
need setpriv "running trace as uid 65534"
need strace "strace's exit status is the oracle for -p"
L=$B/loader/loader
need_built "$L" "the loader"
as="setpriv --reuid=65534 --regid=65534 --clear-groups env HOME=/tmp"
chmod 755 "$T"

# ---- -p PID of a root-owned process -----------------------------------------------------
sleep 60 &
sp=$!
stop_sleep() { kill $sp 2> /dev/null; wait $sp 2> /dev/null; true; }
at_exit stop_sleep
# $as is split on blanks on purpose: a command prefix.
(cd / && $as "$TRACE" -p $sp > /dev/null 2> "$T/attach.err")
trc=$?
owner="Operation not permitted: it belongs to another user: its real uid is 0 (root), trace runs as uid 65534"
grep -qF "trace: cannot attach to process $sp: $owner" "$T/attach.err" ||
	{ cat "$T/attach.err" >&2; fail "-p of root's process: the owner is not named first"; }
(cd / && $as "$STRACE" -p $sp > /dev/null 2> "$T/attach.strace")
src=$?
note "strace -p as uid 65534: exit $src, '$(cat "$T/attach.strace")'"
assert_eq "-p of another user's process: exit status (strace's)" "$src" "$trc"
kill -0 $sp || fail "the refused attach harmed the process"
stop_sleep

# ---- PROGRAM behind an unsearchable PATH directory ----------------------------------------
mkdir "$T/locked" "$T/empty"
chmod 0 "$T/locked"
(cd / && $as env PATH="$T/locked:$T/empty" prog > /dev/null 2> "$T/env.err")
erc=$?
(cd / && $as env PATH="$T/locked:$T/empty" "$L" prog > /dev/null 2> "$T/loader.err")
(cd / && $as env PATH="$T/locked:$T/empty" "$TRACE" prog > /dev/null 2> "$T/trace.err")
trc=$?
note "env(1): exit $erc '$(cat "$T/env.err")'"
assert_eq "unsearchable PATH directory: exit status (env(1)'s)" "$erc" "$trc"
assert_eq "unsearchable PATH directory: the message (the loader's)" \
	"$(sed 's/^loader: //' "$T/loader.err")" "$(sed 's/^trace: //' "$T/trace.err")"
assert_eq "unsearchable PATH directory: the directory named" \
	"trace: prog: Permission denied (cannot search directory $T/locked: no execute permission on it)" \
	"$(cat "$T/trace.err")"
# With a slash: the same lookup, the same detail.
(cd / && $as "$TRACE" "$T/locked/prog" > /dev/null 2> "$T/slash.err")
assert_eq "unsearchable directory in PROGRAM's path: exit status" 126 $?
assert_eq "unsearchable directory in PROGRAM's path: the message" \
	"trace: $T/locked/prog: Permission denied (cannot search directory $T/locked: no execute permission on it)" \
	"$(cat "$T/slash.err")"
chmod 700 "$T/locked"
pass "another user's process and an unsearchable PATH directory"
