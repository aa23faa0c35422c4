/*
 * tests/trace/progs/newer.c: the calls and flags trace names where strace 6.1 prints
 * numbers (tests/trace/strace-6.1-differences): each listed system call once, by number,
 * with arguments that make it fail at once (-1 as the first one), and execveat with
 * AT_EXECVE_CHECK alone and after AT_EMPTY_PATH on a bad descriptor.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <unistd.h>
#include <sys/syscall.h>

#ifndef AT_EXECVE_CHECK
#define AT_EXECVE_CHECK 0x10000
#endif

int main(void)
{
	/* cachestat (451) to futex_requeue (456), numbers from the x86_64 table */
	for (long nr = 451; nr <= 456; nr++)
		syscall(nr, -1L, 0L, 0L, 0L, 0L, 0L);
	syscall(SYS_execveat, -1, "", NULL, NULL, AT_EXECVE_CHECK);
	syscall(SYS_execveat, -1, "", NULL, NULL, AT_EMPTY_PATH | AT_EXECVE_CHECK);
	return 0;
}
