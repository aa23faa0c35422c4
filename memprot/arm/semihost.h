/*
 * memprot/arm/semihost.h: leaving QEMU with an exit status, through Arm semihosting (QEMU
 * runs with -semihosting). Semihosting is a debugger's service: on M-profile the program
 * executes BKPT 0xAB with the operation in r0 and its argument in r1, and QEMU (standing in
 * for the debugger) performs it.
 */
#ifndef MEMPROT_ARM_SEMIHOST_H
#define MEMPROT_ARM_SEMIHOST_H

#include <stdint.h>

/* SYS_EXIT_EXTENDED with ADP_Stopped_ApplicationExit: QEMU exits with STATUS. Call it
 * from privileged code: QEMU refuses semihosting to unprivileged code by default. */
__attribute__((noreturn)) void semihost_exit(uint32_t status);

#endif
