#!/bin/sh
# tests/corpus/subset.sh: the short part of the corpus target that `make check` runs: a few
# workloads of tests/corpus/workloads on which trace -f -o is line for line strace's today
# (`make check-corpus` runs them all; tests/corpus/run says how they are compared).
: "${top_srcdir:=$(cd "$(dirname "$0")/../.." && pwd)}"
exec "${BASH:-bash}" "$top_srcdir/tests/corpus/run" ls-la wc pipeline sh-trap
