#!/bin/sh
# tests/layout/help-width.sh: `trace --help` and `loader --help` fit an 80-column terminal.
. "$top_srcdir/tests/lib.sh"

for p in tracer/trace loader/loader; do
	need_built "$B/$p" "make builds it"
	"$B/$p" --help > "$T/help" 2>&1 || fail "$p --help exited $?"
	[ -s "$T/help" ] || fail "$p --help printed nothing"
	long=$(awk 'length > 80 { printf "%d: %s\n", length, $0 }' "$T/help")
	[ -z "$long" ] || fail "$p --help has lines over 80 columns:
$long"
	note "$p --help: $(wc -l < "$T/help") lines, the longest $(awk '{ if (length > m) m = length } END { print m }' "$T/help") columns"
done
pass "trace --help and loader --help are within 80 columns"
