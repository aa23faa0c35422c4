#!/bin/sh
# The MPU demo on a Cortex-M33 (QEMU mps2-an505, PMSAv8, Secure state): 16 MPU regions;
# the table as read back: RBAR = base | AP << 1 | XN, RLAR = limit (last 32-byte block) |
# AttrIndx << 1 | EN, with the 32-byte granularity that lets the task stack start at
# RAM + 0x5820 and the guard be the unmapped 32 bytes below it; the same MMFSR and MMFAR
# as on the M3 (mpu-m3.sh), since ARMv8-M keeps the bits.
. "$top_srcdir/tests/lib.sh"
. "$S/tests/memprot/mpu-common.sh"

mpu_run m33 cortex-m33
cat > "$T/expected" <<'OUT'
MPU demo: Cortex-M33, PMSAv8 on mps2-an505
MPU_TYPE 0x00001000: DREGION 16 regions, unified
  0 flash RBAR 0x10000006 RLAR 0x103fffe1: 0x10000000-0x103fffff priv RO, user RO, exec, normal
  1 ram RBAR 0x38000001 RLAR 0x380050e1: 0x38000000-0x380050ff priv RW, user --, XN, normal
  2 shared RBAR 0x38005107 RLAR 0x380051e1: 0x38005100-0x380051ff priv RO, user RO, XN, normal
  3 task stack RBAR 0x38005823 RLAR 0x38005fe1: 0x38005820-0x38005fff priv RW, user RW, XN, normal
  4 uart0 RBAR 0x50200001 RLAR 0x50200fe3: 0x50200000-0x50200fff priv RW, user --, XN, device
MPU_CTRL 0x00000001: ENABLE, PRIVDEFENA clear: no region, no access
1 kernel writes the guard 0x38005800
  MemManage: MMFSR 0x82 DACCVIOL MMARVALID, MMFAR 0x38005800; instruction skipped
2 kernel writes flash (the vector table) 0x10000000
  MemManage: MMFSR 0x82 DACCVIOL MMARVALID, MMFAR 0x10000000; instruction skipped
3 task reads CONTROL
  task returned 0x00000003
4 task reads the shared word 0x38005100
  task returned 0x5eed5eed
5 task writes the shared word 0x38005100
  MemManage: MMFSR 0x82 DACCVIOL MMARVALID, MMFAR 0x38005100; task killed
6 task reads the kernel's secret 0x38005000
  MemManage: MMFSR 0x82 DACCVIOL MMARVALID, MMFAR 0x38005000; task killed
7 task writes UART0's data register 0x50200000
  MemManage: MMFSR 0x82 DACCVIOL MMARVALID, MMFAR 0x50200000; task killed
8 task calls code in RAM 0x38005180
  MemManage: MMFSR 0x01 IACCVIOL, stacked PC 0x38005180; task killed
9 task pushes until its stack overflows
  MemManage: MMFSR 0x92 DACCVIOL MSTKERR MMARVALID, MMFAR 0x38005810; task killed
10 task takes an exception with SP at the guard's top 0x38005820
  MemManage: MMFSR 0x10 MSTKERR; task killed
11 kernel returns to the task through a PSP in the guard
  MemManage: MMFSR 0x08 MUNSTKERR; task killed
11 of 11 cases as expected
OUT
mpu_compare "$T/expected"
assert_eq "the demo's exit status (semihosting)" 0 "$MPU_RC"
mpu_check_vectors 0x38000000 0x10000000
pass "Cortex-M33 MPU demo: 16 regions, 11 cases, PMSAv8 regions at 32-byte granularity"
