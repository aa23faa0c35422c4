/*
 * tests/trace/progs/xstyle.c: calls whose arguments are named constants of each kind trace
 * prints through its name tables, for -X raw|abbrev|verbose: open flags (O_RDONLY alone,
 * with unknown bits), access modes (F_OK), mmap's protection and flags, enums known and
 * unknown (madvise, arch_prctl), a signal set, fcntl commands and flags, lseek's whence,
 * socket's type with flags, wait4's options, mmap's huge page size (MAP_HUGE_SHIFT), and
 * stat and statx structs (-v prints them in full).
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void)
{
	sigset_t s;
	struct stat st;
	struct statx stx;
	int fd = open("/dev/null", O_RDONLY);
	void *p;

	access("/", F_OK);
	access("/", R_OK | W_OK);
	syscall(SYS_openat, AT_FDCWD, "/nonexistent-dir/x", O_WRONLY | O_CREAT | 0x40000000, 0644);
	p = mmap(0, 4096, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	/* No fd and no MAP_ANONYMOUS: EBADF, whatever huge pages the machine has. */
	syscall(SYS_mmap, 0, 2097152, PROT_READ, MAP_PRIVATE | MAP_HUGETLB | 21 << MAP_HUGE_SHIFT,
		-1, 0);
	syscall(SYS_mmap, 0, 4096, PROT_READ, MAP_SHARED | 1 << MAP_HUGE_SHIFT, -1, 0);
	stat("/dev/null", &st);
	statx(AT_FDCWD, "/dev/null", 0, STATX_ALL, &stx);
	madvise(p, 4096, MADV_DONTNEED);
	madvise(p, 4096, 77);
	syscall(SYS_arch_prctl, 0x3001, 0);
	sigemptyset(&s);
	sigaddset(&s, SIGUSR1);
	sigaddset(&s, SIGTERM);
	sigprocmask(SIG_BLOCK, &s, 0);
	fcntl(fd, F_GETFD);
	fcntl(fd, F_SETFD, FD_CLOEXEC);
	fcntl(fd, F_GETFD);
	fcntl(fd, F_GETFL);
	lseek(fd, 0, SEEK_END);
	socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	wait4(-1, 0, WNOHANG, 0);
	return 0;
}
