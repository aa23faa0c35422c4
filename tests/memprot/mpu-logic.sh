#!/bin/sh
# The MPU demo's pure logic on the host (memprot/arm/mpu-logic-test, Check): PMSAv7 and
# PMSAv8 region encodings worked out by hand, the refusals each architecture needs (sizes,
# alignment, accesses it cannot express, overlaps), MMFSR names, the formatter, Thumb
# instruction sizes. Needs no ARM toolchain.
. "$top_srcdir/tests/lib.sh"
need_built "$B/memprot/arm/mpu-logic-test" "make check builds it"
"$B/memprot/arm/mpu-logic-test" || fail "mpu-logic-test failed (see above)"
pass "MPU region encodings, MMFSR names, fmt, Thumb sizes"
