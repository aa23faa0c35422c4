#!/bin/sh
# tests/layout/outside-refs.sh: the product names no file outside itself. No tracked file
# (the distributed ones, in a tarball) cites the shared notes of the people who wrote it
# (a parent directory's "shared" tree, or its "reference" notes), which a user of the
# tree does not have.
. "$top_srcdir/tests/lib.sh"

# the patterns are written so that this file does not match them itself
pattern='\.\./shared|shared/[r]eference'
if git -C "$S" rev-parse --show-toplevel > /dev/null 2>&1 &&
   [ "$(cd "$(git -C "$S" rev-parse --show-toplevel)" && pwd -P)" = "$(cd "$S" && pwd -P)" ]; then
	(cd "$S" && git ls-files -z | xargs -0 grep -InE "$pattern" -- 2> /dev/null) > "$T/hits"
	what="tracked files"
else
	(cd "$S" && find . -type f -not -path './.git/*' -print0 |
		xargs -0 grep -InE "$pattern" -- 2> /dev/null) > "$T/hits"
	what="files of $S"
fi
[ -s "$T/hits" ] && fail "files outside the tree are cited:
$(head -n 20 "$T/hits")"
pass "no reference to files outside the tree in the $what"
