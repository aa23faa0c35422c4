/*
 * tests/trace/progs/classes.c: one or more calls of every strace class (-e trace=%CLASS),
 * each made with syscall(2) so that the C library adds or replaces none: stat and statfs
 * variants, descriptors, files, processes, sockets, signals, SysV IPC, memory, credentials
 * and clocks. Calls that would change something are made so that they fail or change
 * nothing (IPC on id -1, kill with signal 0). For tests/trace/classes.sh.
 * Usage: classes
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <signal.h>
#include <stddef.h>
#include <sys/ipc.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/timex.h>
#include <time.h>
#include <unistd.h>
#include <linux/stat.h>

int main(void)
{
	char buf[4096];
	struct stat st;
	struct statx stx;
	struct timex tx = { 0 };
	int fd, sv[2], pfd[2];
	void *p;

	/* %stat, %lstat, %fstat, %%stat, %statfs, %fstatfs, %%statfs (with %file, %desc) */
	syscall(SYS_stat, ".", &st);
	syscall(SYS_lstat, ".", &st);
	fd = (int)syscall(SYS_openat, AT_FDCWD, ".", O_RDONLY | O_DIRECTORY);
	syscall(SYS_fstat, fd, &st);
	syscall(SYS_newfstatat, AT_FDCWD, ".", &st, 0);
	syscall(SYS_statx, AT_FDCWD, ".", 0, STATX_BASIC_STATS, &stx);
	syscall(SYS_statfs, ".", buf);
	syscall(SYS_fstatfs, fd, buf);
	syscall(SYS_ustat, 0, buf);
	/* %file, %desc */
	syscall(SYS_access, ".", R_OK);
	syscall(SYS_readlink, "/proc/self/exe", buf, sizeof(buf));
	syscall(SYS_chdir, ".");
	syscall(SYS_getdents64, fd, buf, sizeof(buf));
	syscall(SYS_fcntl, fd, F_GETFD);
	syscall(SYS_dup, fd);
	syscall(SYS_pipe2, pfd, O_CLOEXEC);
	syscall(SYS_write, pfd[1], "x", 1);
	syscall(SYS_read, pfd[0], buf, 1);
	syscall(SYS_close, fd);
	/* %network */
	syscall(SYS_socketpair, AF_UNIX, SOCK_STREAM, 0, sv);
	syscall(SYS_socket, AF_UNIX, SOCK_DGRAM, 0);
	syscall(SYS_shutdown, sv[0], SHUT_RDWR);
	/* %signal, %process */
	syscall(SYS_rt_sigprocmask, SIG_BLOCK, NULL, buf, 8);
	syscall(SYS_rt_sigaction, SIGUSR1, NULL, buf, 8);
	syscall(SYS_sigaltstack, NULL, buf);
	syscall(SYS_rt_sigpending, buf, 8);
	syscall(SYS_kill, syscall(SYS_getpid), 0);
	syscall(SYS_tgkill, syscall(SYS_getpid), syscall(SYS_gettid), 0);
	syscall(SYS_wait4, -1, NULL, 1, NULL);	/* WNOHANG, no child: ECHILD */
	/* %ipc: id -1 is no object */
	syscall(SYS_shmctl, -1, IPC_STAT, NULL);
	syscall(SYS_msgctl, -1, IPC_STAT, NULL);
	syscall(SYS_semctl, -1, 0, IPC_STAT, NULL);
	/* %memory */
	p = (void *)syscall(SYS_mmap, NULL, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	syscall(SYS_mprotect, p, 4096, PROT_READ | PROT_WRITE);
	syscall(SYS_madvise, p, 4096, MADV_DONTNEED);
	syscall(SYS_munmap, p, 4096);
	syscall(SYS_brk, 0);
	/* %pure, %creds */
	syscall(SYS_getppid);
	syscall(SYS_getpgrp);
	syscall(SYS_getuid);
	syscall(SYS_getgid);
	syscall(SYS_geteuid);
	syscall(SYS_getegid);
	syscall(SYS_getresuid, buf, buf + 4, buf + 8);
	syscall(SYS_getgroups, 0, NULL);
	/* %clock */
	syscall(SYS_clock_gettime, CLOCK_MONOTONIC, NULL);
	syscall(SYS_clock_getres, CLOCK_MONOTONIC, NULL);
	syscall(SYS_gettimeofday, NULL, NULL);
	syscall(SYS_adjtimex, &tx);
	return 0;
}
