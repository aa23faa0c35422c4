#!/bin/sh
# tests/trace/json.sh: --json (alone, with --compare, --cost and --tree) is JSON that
# python3's parser accepts, and its rows and totals equal the -c table of the same
# deterministic program.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/trace/lib-trace.sh"
need_trace
need python3 "python3 parses the JSON"

A="$P/syscalls 3 2"
Bc="$P/forker 2 /bin/true"

"$TRACE" -o "$T/cmp.json" --json --compare "$A" /bin/true > /dev/null || fail "--compare --json exited $?"
"$PYTHON3" -m json.tool "$T/cmp.json" > /dev/null || { cat "$T/cmp.json" >&2; fail "--compare --json does not parse"; }
"$TRACE" -c -o "$T/c" $A > /dev/null || fail "trace -c exited $?"
# ---- --json: parses, rows and totals equal the -c table's (a deterministic program) ----
"$TRACE" --json -o "$T/j" $A > /dev/null || fail "trace --json exited $?"
"$PYTHON3" -m json.tool "$T/j" > /dev/null || { cat "$T/j" >&2; fail "--json does not parse"; }
"$PYTHON3" - "$T/j" > "$T/j.rows" <<'PY' || fail "--json: totals do not add up"
import json, sys
d = json.load(open(sys.argv[1]))
rows = d["syscalls"]
assert sum(r["calls"] for r in rows) == d["total"]["calls"]
assert sum(r["errors"] for r in rows) == d["total"]["errors"]
assert d["exit"] == {"status": 0}, d["exit"]
for r in rows:
    print(r["name"], r["calls"], r["errors"])
print("total", d["total"]["calls"], d["total"]["errors"])
PY
awk '$1 ~ /^[0-9]+\.[0-9][0-9]$/ { print $NF, $4, (NF == 6 ? $5 : 0) }' "$T/c" | sort > "$T/c.rows"
sort "$T/j.rows" | diff -u "$T/c.rows" - >&2 || fail "--json rows/totals differ from the -c table"
"$TRACE" --json -o "$T/j3" sh -c 'exit 3' > /dev/null
assert_eq "--json exit status of sh -c 'exit 3'" 0 "$("$PYTHON3" -c 'import json,sys; d=json.load(open(sys.argv[1])); sys.exit(0 if d["exit"]=={"status": 3} else 1)' "$T/j3"; echo $?)"
"$TRACE" --json -o "$T/jk" sh -c 'kill -TERM $$' > /dev/null 2>&1
"$PYTHON3" -c 'import json,sys; d=json.load(open(sys.argv[1])); sys.exit(0 if d["exit"]["signal"]=="SIGTERM" else 1)' "$T/jk" ||
	{ cat "$T/jk" >&2; fail "--json: no SIGTERM for a killed program"; }
"$TRACE" -f --json --cost --tree -o "$T/jct" $Bc > /dev/null
"$PYTHON3" -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["cost"]["ptrace_stops"] > 0; assert len(d["tree"]) == 3' "$T/jct" ||
	{ cat "$T/jct" >&2; fail "--json --cost --tree: cost or tree missing"; }
pass "--json parses and equals the -c table"

