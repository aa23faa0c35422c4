#!/bin/sh
# The layering rule of tracer/, loader/ and lib/: no include circle between modules (a .c
# and its .h). scripts/include-cycles prints each circle it finds.
. "$top_srcdir/tests/lib.sh"
need python3 "scripts/include-cycles is a python3 script"
out=$("$PYTHON3" "$S/scripts/include-cycles" 2>&1) || fail "include circles: $out"
pass "$out"
