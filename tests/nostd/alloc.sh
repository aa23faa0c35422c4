#!/bin/sh
# nostd-demo/alloc-demo: the freestanding allocator reuses freed blocks (no new mmap).
. "$top_srcdir/tests/lib.sh"
run_timeout 10 "$B/nostd-demo/alloc-demo" > "$T/out" || fail "alloc-demo exited with $?"
cat > "$T/expected" <<'TXT'
allocated 10000 nodes with 5 mmap calls
freed 5000 nodes, free list has 5000 blocks
reallocated 5000 nodes with 0 new mmap calls; checksum 25000000
TXT
diff -u "$T/expected" "$T/out" >&2 || fail "alloc-demo output differs"
pass "alloc-demo"
