/*
 * memprot/fault_catch.h: run a function that may fault, and say how it ended.
 *
 * The function runs in a forked child whose SIGSEGV/SIGBUS handler (on an alternate
 * stack, so a blown stack can still be reported) sends the fault's details to the parent
 * and ends the child. Nothing has to be repaired after a fault: no siglongjmp out of a
 * handler, whose PKRU the kernel has reset to its default for signal delivery, and no
 * half-done state in the caller.
 */
#ifndef EXECLAB_MEMPROT_FAULT_CATCH_H
#define EXECLAB_MEMPROT_FAULT_CATCH_H

struct fault_report {
	int faulted;		/* 1: a fault ended fn; 0: fn returned ret */
	int ret;		/* fn's return value */
	int signo, code;	/* SIGSEGV/SIGBUS and its si_code */
	unsigned long addr;	/* si_addr: the faulting address (the CPU's CR2) */
	unsigned long err;	/* REG_ERR: the page-fault error code */
	unsigned long trapno;	/* REG_TRAPNO: 14 for a page fault */
	unsigned long ip;	/* REG_RIP: the faulting instruction */
	int pkey;		/* si_pkey for SEGV_PKUERR, else -1 */
};

typedef int fault_fn(void *arg);

/*
 * Runs fn(arg) in a child and fills *r. Returns 0, or a negative errno when the child
 * could not be run or ended otherwise (killed by another signal: -EINTR).
 */
int fault_catch(fault_fn *fn, void *arg, struct fault_report *r);

/*
 * One line, no newline: "SEGV_ACCERR at 0x7f..., trap 14, error code 0x7 (present write
 * user)", ending in ", si_pkey 1" after a SEGV_PKUERR; or "returned 42". With base
 * nonzero the address is also shown as base + offset.
 */
void fault_report_format(const struct fault_report *r, unsigned long base, char *buf,
			 unsigned long len);

#endif
