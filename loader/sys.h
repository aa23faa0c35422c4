/*
 * loader/sys.h: the typed system calls the loader makes, over the freestanding base
 * shared with nostd-demo/ (lib/freestanding/sys.h: write, mmap, munmap, exit_group; the
 * raw register binding in lib/freestanding/arch/$(ARCH)/syscall_arch.h). Every wrapper
 * returns the kernel's value: >= 0 on success, -errno on failure (no errno, no libc).
 */
#ifndef LOADER_SYS_H
#define LOADER_SYS_H

#include <asm/stat.h>
#include <asm/statfs.h>
#include <linux/fcntl.h>
#include <linux/mman.h>
#include <linux/prctl.h>
#include <linux/stat.h>
#include "lib/freestanding/sys.h"

static inline long sys_openat(int dirfd, const char *path, int flags)
{
	return sys_call4(__NR_openat, dirfd, (long)path, flags, 0);
}

static inline long sys_read(int fd, void *buf, unsigned long len)
{
	return sys_call3(__NR_read, fd, (long)buf, (long)len);
}

static inline long sys_pread(int fd, void *buf, unsigned long len, unsigned long off)
{
	return sys_call4(__NR_pread64, fd, (long)buf, (long)len, (long)off);
}

static inline long sys_close(int fd)
{
	return sys_call1(__NR_close, fd);
}

static inline long sys_fstat(int fd, struct stat *st)
{
	return sys_call2(__NR_fstat, fd, (long)st);
}

static inline long sys_newfstatat(int dirfd, const char *path, struct stat *st, int flags)
{
	return sys_call4(__NR_newfstatat, dirfd, (long)path, (long)st, flags);
}

static inline long sys_statx(int dirfd, const char *path, int flags, unsigned mask,
			     struct statx *stx)
{
	return sys_call5(__NR_statx, dirfd, (long)path, flags, mask, (long)stx);
}

static inline long sys_prlimit(int resource, unsigned long long lim[2])
{
	return sys_call4(__NR_prlimit64, 0, resource, 0, (long)lim);
}

static inline long sys_fstatfs(int fd, struct statfs *sf)
{
	return sys_call2(__NR_fstatfs, fd, (long)sf);
}

static inline long sys_execveat(int dirfd, const char *path, const char *const *argv,
				const char *const *envp, int flags)
{
	return sys_call5(__NR_execveat, dirfd, (long)path, (long)argv, (long)envp, flags);
}

static inline long sys_close_range(unsigned first, unsigned last, unsigned flags)
{
	return sys_call3(__NR_close_range, first, last, flags);
}

static inline long sys_faccessat2(int dirfd, const char *path, int mode, int flags)
{
	return sys_call4(__NR_faccessat2, dirfd, (long)path, mode, flags);
}

static inline long sys_mprotect(void *addr, unsigned long len, int prot)
{
	return sys_call3(__NR_mprotect, (long)addr, (long)len, prot);
}

static inline long sys_getrandom(void *buf, unsigned long len, unsigned flags)
{
	return sys_call3(__NR_getrandom, (long)buf, (long)len, flags);
}

static inline long sys_prctl(int op, unsigned long a2, unsigned long a3, unsigned long a4,
			     unsigned long a5)
{
	return sys_call5(__NR_prctl, op, (long)a2, (long)a3, (long)a4, (long)a5);
}

/* A mmap result is an error when it is in the last page of the address space. */
static inline int mmap_failed(void *p)
{
	return (unsigned long)p >= -4095UL;
}

static inline long sys_memfd_create(const char *name, unsigned flags)
{
	return sys_call2(__NR_memfd_create, (long)name, flags);
}

static inline long sys_unshare(unsigned long flags)
{
	return sys_call1(__NR_unshare, (long)flags);
}

#endif
