/*
 * memprot/fault_decode.h: names for what a page fault leaves in a SIGSEGV: the x86 page-fault
 * error code (the signal context's REG_ERR, pushed by the CPU with exception 14) and the
 * signal's si_code. Pure functions over values.
 */
#ifndef EXECLAB_MEMPROT_FAULT_DECODE_H
#define EXECLAB_MEMPROT_FAULT_DECODE_H

#include <stddef.h>

/* The page-fault error code bits (Intel SDM vol. 3, "Page-Fault Exceptions"). */
enum {
	PF_PRESENT = 1UL << 0,	/* the page was present: a protection violation */
	PF_WRITE = 1UL << 1,	/* the access was a write */
	PF_USER = 1UL << 2,	/* the access came from user mode (CPL 3) */
	PF_RSVD = 1UL << 3,	/* a reserved bit was set in a paging entry */
	PF_INSTR = 1UL << 4,	/* the access was an instruction fetch */
	PF_PK = 1UL << 5,	/* the protection key's rights (PKRU) denied it */
	PF_SHSTK = 1UL << 6,	/* a shadow-stack access */
	PF_SGX = 1UL << 15,	/* an SGX enclave access-control violation */
};

/* The exception number of a page fault, in REG_TRAPNO. */
#define PF_TRAPNO 14

/*
 * Writes the error code's meaning into buf as space-separated words, always saying
 * present/not-present, read/write (read only for a data access) and user/kernel, then
 * each other bit that is set: "not-present read user", "present user instruction-fetch",
 * "present write user protection-key". Unknown bits are shown as "bit15"-style words.
 * Returns the length written (truncated like snprintf).
 */
size_t pf_error_format(unsigned long err, char *buf, size_t len);

/* "SEGV_MAPERR" etc. for a SIGSEGV si_code, or NULL when the code has no name here. */
const char *segv_code_name(int code);

#endif
