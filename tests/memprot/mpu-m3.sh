#!/bin/sh
# The MPU demo on a Cortex-M3 (QEMU mps2-an385, PMSAv7): 8 MPU regions; the table as read
# back from the MPU; each case's MemManage fault status (MMFSR) and address (MMFAR) as
# ARMv7-M defines them: a refused load or store DACCVIOL|MMARVALID = 0x82 with MMFAR the
# address, a refused fetch IACCVIOL = 0x01 with the stacked PC the address, a refused
# exception entry MSTKERR = 0x10, a refused exception return MUNSTKERR = 0x08. RASR:
# XN bit 28, AP bits 26:24, C bit 17 (normal) or B bit 16 (device), SIZE = log2(size) - 1
# in bits 5:1, ENABLE bit 0; RBAR reads back the region number in bits 3:0.
. "$top_srcdir/tests/lib.sh"
. "$S/tests/memprot/mpu-common.sh"

mpu_run m3 cortex-m3
cat > "$T/expected" <<'OUT'
MPU demo: Cortex-M3, PMSAv7 on mps2-an385
MPU_TYPE 0x00000800: DREGION 8 regions, unified
  0 flash RBAR 0x00000000 RASR 0x0602002b: 0x00000000-0x003fffff priv RO, user RO, exec, normal
  1 ram RBAR 0x20000001 RASR 0x1102001d: 0x20000000-0x20007fff priv RW, user --, XN, normal
  2 shared RBAR 0x20005102 RASR 0x1202000f: 0x20005100-0x200051ff priv RW, user RO, XN, normal
  3 task stack RBAR 0x20005803 RASR 0x13020015: 0x20005800-0x20005fff priv RW, user RW, XN, normal
  4 guard RBAR 0x20005804 RASR 0x10020009: 0x20005800-0x2000581f priv --, user --, XN, normal
  5 uart0 RBAR 0x40004005 RASR 0x11010017: 0x40004000-0x40004fff priv RW, user --, XN, device
MPU_CTRL 0x00000001: ENABLE, PRIVDEFENA clear: no region, no access
1 kernel writes the guard 0x20005800
  MemManage: MMFSR 0x82 DACCVIOL MMARVALID, MMFAR 0x20005800; instruction skipped
2 kernel writes flash (the vector table) 0x00000000
  MemManage: MMFSR 0x82 DACCVIOL MMARVALID, MMFAR 0x00000000; instruction skipped
3 task reads CONTROL
  task returned 0x00000003
4 task reads the shared word 0x20005100
  task returned 0x5eed5eed
5 task writes the shared word 0x20005100
  MemManage: MMFSR 0x82 DACCVIOL MMARVALID, MMFAR 0x20005100; task killed
6 task reads the kernel's secret 0x20005000
  MemManage: MMFSR 0x82 DACCVIOL MMARVALID, MMFAR 0x20005000; task killed
7 task writes UART0's data register 0x40004000
  MemManage: MMFSR 0x82 DACCVIOL MMARVALID, MMFAR 0x40004000; task killed
8 task calls code in RAM 0x20005180
  MemManage: MMFSR 0x01 IACCVIOL, stacked PC 0x20005180; task killed
9 task pushes until its stack overflows
  MemManage: MMFSR 0x92 DACCVIOL MSTKERR MMARVALID, MMFAR 0x20005810; task killed
10 task takes an exception with SP at the guard's top 0x20005820
  MemManage: MMFSR 0x10 MSTKERR; task killed
11 kernel returns to the task through a PSP in the guard
  MemManage: MMFSR 0x08 MUNSTKERR; task killed
11 of 11 cases as expected
OUT
mpu_compare "$T/expected"
assert_eq "the demo's exit status (semihosting)" 0 "$MPU_RC"
mpu_check_vectors 0x20000000 0x00000000
pass "Cortex-M3 MPU demo: 8 regions, 11 cases, MMFSR and MMFAR as ARMv7-M defines them"
