#!/bin/sh
# tests/labs/doctest.sh: every runnable block of every lab (docs/labs/NN-*.md) runs as
# printed and shows the output the lab shows (docs/labs/doctest; the format is in
# docs/labs/README.md). As root, the labs' user=nobody blocks run as uid 65534.
. "$top_srcdir/tests/lib.sh"

need python3
labs=
for f in "$S"/docs/labs/[0-9][0-9]-*.md; do
	[ -f "$f" ] && labs="$labs $f"
done
[ -n "$labs" ] || skip "no lab yet (docs/labs/NN-*.md)"
# shellcheck disable=SC2086
"$PYTHON3" "$S/docs/labs/doctest" --builddir "$B" $labs > "$T/out" 2>&1
rc=$?
cat "$T/out"
case $rc in
0) ;;
1) fail "a lab's block failed (above)" ;;
3) fail "a lab is malformed (above)" ;;
*) error "docs/labs/doctest exited $rc" ;;
esac
# The last line is the sum: "all: P passed, S skipped, F failed" (or the one lab's).
set -- $(tail -n 1 "$T/out" | sed -E 's/.*: ([0-9]+) passed, ([0-9]+) skipped, ([0-9]+) failed$/\1 \2 \3/')
[ $# -eq 3 ] || error "docs/labs/doctest's last line is not its summary"
if [ "$1" -eq 0 ] && [ "$2" -gt 0 ]; then
	skip "every block needs what this machine lacks: $(grep -o 'SKIP (.*)' "$T/out" | sort -u | tr '\n' ' ')"
fi
pass "$1 blocks ran as printed ($2 skipped)"
