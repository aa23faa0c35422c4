/*
 * lib/freestanding/sys.h: the typed system calls both loader/ and nostd-demo/ make, over
 * the architecture's raw sys_callN() (syscall_arch.h). Each returns the kernel's value:
 * >= 0 on success, -errno on failure (no errno variable, no libc).
 */
#ifndef FREESTANDING_SYS_H
#define FREESTANDING_SYS_H

#include "syscall_arch.h"

static inline long sys_write(int fd, const void *buf, unsigned long len)
{
	return sys_call3(__NR_write, fd, (long)buf, (long)len);
}

static inline void *sys_mmap(void *addr, unsigned long len, int prot, int flags, int fd, long off)
{
	return (void *)sys_call6(__NR_mmap, (long)addr, (long)len, prot, flags, fd, off);
}

static inline long sys_munmap(void *addr, unsigned long len)
{
	return sys_call2(__NR_munmap, (long)addr, (long)len);
}

static inline __attribute__((noreturn)) void sys_exit(int status)
{
	/* exit, not exit_group: for programs that never start a second thread */
	sys_call1(__NR_exit, status);
	__builtin_unreachable();
}

static inline __attribute__((noreturn)) void sys_exit_group(int status)
{
	sys_call1(__NR_exit_group, status);
	__builtin_unreachable();
}

#endif
