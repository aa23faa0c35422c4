/*
 * tests/trace/progs/mempolicy.c: NUMA policy calls whose lines trace must print as strace
 * does: modes with and without mode flags, node masks of several sizes, get_mempolicy's
 * flags, mbind's flags, and failures.
 */
#define _GNU_SOURCE
#include <linux/mempolicy.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

/* (a mode no kernel defines) */
#define MPOL_UNKNOWN 0x10

int main(void)
{
	unsigned long mask[16] = { 1 }, maxnode = 8 * sizeof mask;
	int mode = -1;
	void *page = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (page == MAP_FAILED)
		return 1;
	syscall(SYS_set_mempolicy, MPOL_PREFERRED_MANY, mask, maxnode);
	syscall(SYS_set_mempolicy, MPOL_BIND | MPOL_F_STATIC_NODES, mask, 65);
	syscall(SYS_set_mempolicy, MPOL_INTERLEAVE | MPOL_F_RELATIVE_NODES, mask, 2);
	syscall(SYS_set_mempolicy, MPOL_UNKNOWN, mask, 1);
	syscall(SYS_set_mempolicy, MPOL_UNKNOWN | MPOL_F_STATIC_NODES, NULL, 0);
	syscall(SYS_get_mempolicy, &mode, mask, maxnode + 1, NULL, 0);
	syscall(SYS_get_mempolicy, &mode, mask, maxnode, page, MPOL_F_ADDR);
	syscall(SYS_get_mempolicy, NULL, mask, maxnode, NULL, MPOL_F_MEMS_ALLOWED);
	syscall(SYS_get_mempolicy, &mode, NULL, 0, NULL, 0x80);		/* EINVAL */
	syscall(SYS_set_mempolicy, MPOL_DEFAULT, NULL, 0);
	syscall(SYS_mbind, page, 4096, MPOL_BIND, mask, 64, MPOL_MF_STRICT | MPOL_MF_MOVE);
	syscall(SYS_mbind, page, 4096, MPOL_LOCAL, NULL, 0, 0);
	syscall(SYS_mbind, page, 4096, MPOL_PREFERRED | MPOL_F_NUMA_BALANCING, mask, 1, 8);
	return 0;
}
