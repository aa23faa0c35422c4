/*
 * tracer/decode/table.c: which decoder prints which syscall, by NAME (so every personality
 * that has the call shares it). Alphabetical: decoder_find() searches it by bisection, and a
 * unit test checks the order. A syscall missing here prints its arguments in hex.
 */
#include <string.h>
#include "tracer/decode/common.h"

/* file.c */
DECODER(open); DECODER(openat); DECODER(openat2); DECODER(creat); DECODER(access);
DECODER(faccessat); DECODER(faccessat2); DECODER(stat); DECODER(fstat); DECODER(newfstatat);
DECODER(statx); DECODER(statfs); DECODER(fstatfs); DECODER(readlink); DECODER(readlinkat);
DECODER(getcwd); DECODER(path1); DECODER(path2); DECODER(path_mode); DECODER(mkdirat);
DECODER(mknod); DECODER(fchmodat2); DECODER(fd_mode); DECODER(chown); DECODER(fchown);
DECODER(fchownat); DECODER(unlinkat); DECODER(renameat); DECODER(renameat2); DECODER(linkat);
DECODER(symlinkat); DECODER(truncate); DECODER(umask); DECODER(getxattr); DECODER(fgetxattr);
DECODER(setxattr); DECODER(listxattr); DECODER(utimensat);
/* desc.c */
DECODER(read); DECODER(write); DECODER(pread64); DECODER(pwrite64); DECODER(readv);
DECODER(writev); DECODER(fd1); DECODER(dup2); DECODER(dup3); DECODER(pipe); DECODER(pipe2);
DECODER(lseek); DECODER(llseek); DECODER(fcntl); DECODER(ioctl); DECODER(poll); DECODER(ppoll);
DECODER(select); DECODER(pselect6); DECODER(getdents); DECODER(getdents64);
DECODER(fadvise64); DECODER(flock); DECODER(ftruncate); DECODER(epoll_create1);
DECODER(epoll_ctl); DECODER(epoll_wait); DECODER(eventfd2); DECODER(sendfile);
DECODER(close_range); DECODER(memfd_create); DECODER(copy_file_range);
/* mem.c */
DECODER(mmap); DECODER(mmap2); DECODER(mprotect); DECODER(pkey_mprotect); DECODER(munmap);
DECODER(brk); DECODER(mremap); DECODER(madvise); DECODER(msync); DECODER(mlock);
/* process.c */
DECODER(execve); DECODER(execveat); DECODER(clone); DECODER(clone3); DECODER(wait4);
DECODER(int1); DECODER(int2); DECODER(int3); DECODER(ptr1); DECODER(set_robust_list);
DECODER(rseq); DECODER(prlimit64); DECODER(getrlimit); DECODER(setrlimit);
DECODER(getrandom); DECODER(arch_prctl); DECODER(prctl); DECODER(uname); DECODER(sysinfo);
DECODER(getrusage); DECODER(futex); DECODER(sched_getaffinity); DECODER(sched_setaffinity);
DECODER(nanosleep); DECODER(clock_nanosleep); DECODER(clock_gettime); DECODER(clock_settime);
DECODER(gettimeofday); DECODER(uint1); DECODER(getpriority); DECODER(setpriority);
DECODER(personality); DECODER(membarrier); DECODER(ptrace); DECODER(seccomp);
DECODER(getgroups); DECODER(setgroups); DECODER(timer_create); DECODER(timer_settime);
DECODER(timer_gettime); DECODER(setitimer); DECODER(getitimer);
/* signal.c */
DECODER(rt_sigaction); DECODER(rt_sigprocmask); DECODER(rt_sigsuspend);
DECODER(rt_sigpending); DECODER(sigaltstack); DECODER(kill); DECODER(tgkill);
DECODER(rt_sigtimedwait); DECODER(rt_sigreturn);
/* net.c */
DECODER(socket); DECODER(connect); DECODER(accept); DECODER(accept4);
DECODER(getsockname); DECODER(socketpair); DECODER(sendto); DECODER(recvfrom);
DECODER(sendmsg); DECODER(recvmsg); DECODER(shutdown); DECODER(setsockopt);
DECODER(getsockopt);

static const struct {
	const char *name;
	decoder_fn fn;
} decoders[] = {
	{ "_llseek", dec_llseek },
	{ "_newselect", dec_select },
	{ "accept", dec_accept },
	{ "accept4", dec_accept4 },
	{ "access", dec_access },
	{ "acct", dec_path1 },
	{ "alarm", dec_uint1 },
	{ "arch_prctl", dec_arch_prctl },
	{ "bind", dec_connect },
	{ "brk", dec_brk },
	{ "chdir", dec_path1 },
	{ "chmod", dec_path_mode },
	{ "chown", dec_chown },
	{ "chown32", dec_chown },
	{ "chroot", dec_path1 },
	{ "clock_getres", dec_clock_gettime },
	{ "clock_gettime", dec_clock_gettime },
	{ "clock_nanosleep", dec_clock_nanosleep },
	{ "clock_settime", dec_clock_settime },
	{ "clone", dec_clone },
	{ "clone3", dec_clone3 },
	{ "close", dec_fd1 },
	{ "close_range", dec_close_range },
	{ "connect", dec_connect },
	{ "copy_file_range", dec_copy_file_range },
	{ "creat", dec_creat },
	{ "dup", dec_fd1 },
	{ "dup2", dec_dup2 },
	{ "dup3", dec_dup3 },
	{ "epoll_create", dec_int1 },
	{ "epoll_create1", dec_epoll_create1 },
	{ "epoll_ctl", dec_epoll_ctl },
	{ "epoll_wait", dec_epoll_wait },
	{ "eventfd2", dec_eventfd2 },
	{ "execve", dec_execve },
	{ "execveat", dec_execveat },
	{ "exit", dec_int1 },
	{ "exit_group", dec_int1 },
	{ "faccessat", dec_faccessat },
	{ "faccessat2", dec_faccessat2 },
	{ "fadvise64", dec_fadvise64 },
	{ "fchdir", dec_fd1 },
	{ "fchmod", dec_fd_mode },
	{ "fchmodat", dec_mkdirat },
	{ "fchmodat2", dec_fchmodat2 },
	{ "fchown", dec_fchown },
	{ "fchown32", dec_fchown },
	{ "fchownat", dec_fchownat },
	{ "fcntl", dec_fcntl },
	{ "fcntl64", dec_fcntl },
	{ "fdatasync", dec_fd1 },
	{ "fgetxattr", dec_fgetxattr },
	{ "flock", dec_flock },
	{ "fstat", dec_fstat },
	{ "fstatfs", dec_fstatfs },
	{ "fsync", dec_fd1 },
	{ "ftruncate", dec_ftruncate },
	{ "futex", dec_futex },
	{ "getcwd", dec_getcwd },
	{ "getdents", dec_getdents },
	{ "getdents64", dec_getdents64 },
	{ "getgroups", dec_getgroups },
	{ "getgroups32", dec_getgroups },
	{ "getitimer", dec_getitimer },
	{ "getpeername", dec_getsockname },
	{ "getpgid", dec_int1 },
	{ "getpriority", dec_getpriority },
	{ "getrandom", dec_getrandom },
	{ "getrlimit", dec_getrlimit },
	{ "getrusage", dec_getrusage },
	{ "getsid", dec_int1 },
	{ "getsockname", dec_getsockname },
	{ "getsockopt", dec_getsockopt },
	{ "gettimeofday", dec_gettimeofday },
	{ "getxattr", dec_getxattr },
	{ "ioctl", dec_ioctl },
	{ "kill", dec_kill },
	{ "lchown", dec_chown },
	{ "lchown32", dec_chown },
	{ "lgetxattr", dec_getxattr },
	{ "link", dec_path2 },
	{ "linkat", dec_linkat },
	{ "listen", dec_int2 },
	{ "listxattr", dec_listxattr },
	{ "llistxattr", dec_listxattr },
	{ "lseek", dec_lseek },
	{ "lsetxattr", dec_setxattr },
	{ "lstat", dec_stat },
	{ "madvise", dec_madvise },
	{ "membarrier", dec_membarrier },
	{ "memfd_create", dec_memfd_create },
	{ "mkdir", dec_path_mode },
	{ "mkdirat", dec_mkdirat },
	{ "mknod", dec_mknod },
	{ "mlock", dec_mlock },
	{ "mmap", dec_mmap },
	{ "mmap2", dec_mmap2 },
	{ "mprotect", dec_mprotect },
	{ "mremap", dec_mremap },
	{ "msync", dec_msync },
	{ "munlock", dec_mlock },
	{ "munmap", dec_munmap },
	{ "nanosleep", dec_nanosleep },
	{ "newfstatat", dec_newfstatat },
	{ "open", dec_open },
	{ "openat", dec_openat },
	{ "openat2", dec_openat2 },
	{ "personality", dec_personality },
	{ "pipe", dec_pipe },
	{ "pipe2", dec_pipe2 },
	{ "pivot_root", dec_path2 },
	{ "pkey_mprotect", dec_pkey_mprotect },
	{ "poll", dec_poll },
	{ "ppoll", dec_ppoll },
	{ "prctl", dec_prctl },
	{ "pread64", dec_pread64 },
	{ "prlimit64", dec_prlimit64 },
	{ "pselect6", dec_pselect6 },
	{ "ptrace", dec_ptrace },
	{ "pwrite64", dec_pwrite64 },
	{ "read", dec_read },
	{ "readlink", dec_readlink },
	{ "readlinkat", dec_readlinkat },
	{ "readv", dec_readv },
	{ "recvfrom", dec_recvfrom },
	{ "recvmsg", dec_recvmsg },
	{ "rename", dec_path2 },
	{ "renameat", dec_renameat },
	{ "renameat2", dec_renameat2 },
	{ "rmdir", dec_path1 },
	{ "rseq", dec_rseq },
	{ "rt_sigaction", dec_rt_sigaction },
	{ "rt_sigpending", dec_rt_sigpending },
	{ "rt_sigprocmask", dec_rt_sigprocmask },
	{ "rt_sigreturn", dec_rt_sigreturn },
	{ "rt_sigsuspend", dec_rt_sigsuspend },
	{ "rt_sigtimedwait", dec_rt_sigtimedwait },
	{ "sched_getaffinity", dec_sched_getaffinity },
	{ "sched_setaffinity", dec_sched_setaffinity },
	{ "seccomp", dec_seccomp },
	{ "select", dec_select },
	{ "sendfile", dec_sendfile },
	{ "sendmsg", dec_sendmsg },
	{ "sendto", dec_sendto },
	{ "set_robust_list", dec_set_robust_list },
	{ "set_tid_address", dec_ptr1 },
	{ "setfsgid", dec_int1 },
	{ "setfsuid", dec_int1 },
	{ "setgid", dec_int1 },
	{ "setgroups", dec_setgroups },
	{ "setgroups32", dec_setgroups },
	{ "setitimer", dec_setitimer },
	{ "setpgid", dec_int2 },
	{ "setpriority", dec_setpriority },
	{ "setregid", dec_int2 },
	{ "setresgid", dec_int3 },
	{ "setresuid", dec_int3 },
	{ "setreuid", dec_int2 },
	{ "setrlimit", dec_setrlimit },
	{ "setsockopt", dec_setsockopt },
	{ "setuid", dec_int1 },
	{ "setxattr", dec_setxattr },
	{ "shutdown", dec_shutdown },
	{ "sigaltstack", dec_sigaltstack },
	{ "socket", dec_socket },
	{ "socketpair", dec_socketpair },
	{ "stat", dec_stat },
	{ "statfs", dec_statfs },
	{ "statx", dec_statx },
	{ "symlink", dec_path2 },
	{ "symlinkat", dec_symlinkat },
	{ "sysinfo", dec_sysinfo },
	{ "tgkill", dec_tgkill },
	{ "timer_create", dec_timer_create },
	{ "timer_delete", dec_int1 },
	{ "timer_getoverrun", dec_int1 },
	{ "timer_gettime", dec_timer_gettime },
	{ "timer_settime", dec_timer_settime },
	{ "timerfd_gettime", dec_timer_gettime },
	{ "timerfd_settime", dec_timer_settime },
	{ "tkill", dec_kill },
	{ "truncate", dec_truncate },
	{ "umask", dec_umask },
	{ "uname", dec_uname },
	{ "unlink", dec_path1 },
	{ "unlinkat", dec_unlinkat },
	{ "utimensat", dec_utimensat },
	{ "wait4", dec_wait4 },
	{ "waitpid", dec_wait4 },
	{ "write", dec_write },
	{ "writev", dec_writev },
};

/* generic.c */
DECODER(generic);
const char *generic_signature(const char *name);

decoder_fn decoder_find(const char *name)
{
	size_t lo = 0, hi = sizeof decoders / sizeof decoders[0];

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int cmp = strcmp(name, decoders[mid].name);

		if (cmp == 0)
			return decoders[mid].fn;
		if (cmp < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return generic_signature(name) ? dec_generic : NULL;
}

/* For the unit test of the table's order: the i-th name, or NULL past the end. */
const char *decoder_table_name(size_t i)
{
	return i < sizeof decoders / sizeof decoders[0] ? decoders[i].name : NULL;
}
