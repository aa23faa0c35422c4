#!/bin/sh
# tests/trace/json-attach.sh: `trace -p PID --json`, interrupted, detaches and prints a
# JSON document whose "exit" is null: the process goes on, so it has no exit status yet.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/trace/lib-trace.sh"
need_trace
need ptrace-attach "trace -p attaches to a process it did not start"
need python3 "python3 parses the JSON"

attached() { grep -q " attached$" "$2" && sig_in "$1" SigCgt 2; }

"$P/loop" "$T/pid" 20 &
lp=$!
wait_until 20 test -s "$T/pid"
"$TRACE" -p $lp --json -o "$T/j" 2> "$T/err" &
tp=$!
wait_until 20 attached $tp "$T/err"
# One getppid seen by trace, so the table has a row.
touch "$T/pid.ping"
wait_until 20 test -e "$T/pid.pong"
kill -INT $tp
wait_until 20 gone $tp
wait $tp
assert_eq "trace -p --json's exit status after detaching" 0 $?
"$PYTHON3" - "$T/j" <<'PY' || { cat "$T/j" "$T/err" >&2; fail "-p --json: not the expected document"; }
import json, sys
d = json.load(open(sys.argv[1]))
assert "exit" in d and d["exit"] is None, d.get("exit")
assert any(r["name"] == "getppid" for r in d["syscalls"]), d["syscalls"]
assert sum(r["calls"] for r in d["syscalls"]) == d["total"]["calls"]
PY
kill -0 $lp || fail "the process died when trace detached"
touch "$T/pid.stop"
wait $lp
assert_eq "the process's own exit status" 0 $?
pass "-p --json: detached, \"exit\": null"
