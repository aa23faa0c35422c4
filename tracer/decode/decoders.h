/*
 * tracer/decode/decoders.h: every decoder a row of the syscall tables can name with SEN(x)
 * (tracer/decode/syscallent_*.h), by the family file that defines it. Internal to tracer/decode/.
 */
#ifndef EXECLAB_DECODE_DECODERS_H
#define EXECLAB_DECODE_DECODERS_H

#include "tracer/decode/common.h"

/* file.c */
DECODER(open); DECODER(openat); DECODER(openat2); DECODER(access); DECODER(faccessat);
DECODER(faccessat2); DECODER(stat); DECODER(fstat); DECODER(newfstatat); DECODER(statx);
DECODER(statfs); DECODER(fstatfs); DECODER(readlink); DECODER(readlinkat); DECODER(getcwd);
DECODER(mknod); DECODER(fchmodat2); DECODER(fchownat); DECODER(unlinkat); DECODER(renameat2);
DECODER(linkat); DECODER(umask); DECODER(getxattr); DECODER(fgetxattr); DECODER(setxattr);
DECODER(listxattr); DECODER(utimensat); DECODER(mknodat); DECODER(mount); DECODER(umount2);
/* desc.c */
DECODER(read); DECODER(write); DECODER(pread64); DECODER(pwrite64); DECODER(readv);
DECODER(writev); DECODER(preadv); DECODER(pwritev);
DECODER(dup3); DECODER(pipe); DECODER(pipe2); DECODER(lseek); DECODER(llseek);
DECODER(fcntl); DECODER(ioctl); DECODER(poll); DECODER(ppoll); DECODER(select);
DECODER(pselect6); DECODER(getdents); DECODER(getdents64); DECODER(fadvise64); DECODER(flock);
DECODER(epoll_create1); DECODER(epoll_ctl); DECODER(epoll_wait); DECODER(eventfd2);
DECODER(epoll_pwait); DECODER(epoll_pwait2);
DECODER(close_range); DECODER(memfd_create); DECODER(copy_file_range);
DECODER(inotify_init1); DECODER(inotify_add_watch);
/* mem.c */
DECODER(mmap); DECODER(mmap2); DECODER(mprotect); DECODER(pkey_mprotect); DECODER(brk);
DECODER(mremap); DECODER(madvise); DECODER(msync);
/* numa.c */
DECODER(set_mempolicy); DECODER(get_mempolicy); DECODER(mbind);
/* io_uring.c */
DECODER(io_uring_setup); DECODER(io_uring_enter); DECODER(io_uring_register);
/* process.c */
DECODER(execve); DECODER(execveat); DECODER(clone); DECODER(clone3); DECODER(wait4); DECODER(waitid);
DECODER(prlimit64); DECODER(getrlimit); DECODER(setrlimit); DECODER(getrandom);
DECODER(arch_prctl); DECODER(prctl); DECODER(uname); DECODER(sysinfo); DECODER(getrusage);
DECODER(futex); DECODER(sched_getaffinity); DECODER(sched_setaffinity); DECODER(nanosleep);
DECODER(clock_nanosleep); DECODER(clock_gettime); DECODER(clock_settime);
DECODER(gettimeofday); DECODER(getpriority); DECODER(setpriority); DECODER(personality);
DECODER(sched_get_priority_max); DECODER(sched_getscheduler); DECODER(sched_setscheduler);
DECODER(sched_setparam); DECODER(sched_getparam); DECODER(sched_rr_get_interval);
DECODER(ioprio_get); DECODER(ioprio_set); DECODER(times);
DECODER(membarrier); DECODER(ptrace); DECODER(seccomp); DECODER(getgroups); DECODER(setgroups);
DECODER(timer_create); DECODER(timer_settime); DECODER(timer_gettime); DECODER(setitimer);
DECODER(getitimer); DECODER(unshare);
/* signal.c */
DECODER(rt_sigaction); DECODER(rt_sigprocmask); DECODER(rt_sigsuspend); DECODER(rt_sigpending);
DECODER(sigaltstack); DECODER(rt_sigtimedwait); DECODER(rt_sigreturn);
/* net.c */
DECODER(socket); DECODER(connect); DECODER(accept); DECODER(accept4); DECODER(getsockname);
DECODER(socketpair); DECODER(sendto); DECODER(recvfrom); DECODER(sendmsg); DECODER(recvmsg);
DECODER(sendmmsg); DECODER(recvmmsg);
DECODER(shutdown); DECODER(setsockopt); DECODER(getsockopt);
/* signature.c: the arguments a row's SIG(letters) describes */
DECODER(signature);

#endif
