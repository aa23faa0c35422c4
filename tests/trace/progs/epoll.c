/*
 * tests/trace/progs/epoll.c: epoll calls whose lines trace must print as strace does:
 * epoll_ctl with each op (the event's data, EPOLL_CTL_DEL's pointer as it is), and the
 * events epoll_wait, epoll_pwait and epoll_pwait2 return, or their failure.
 */
#define _GNU_SOURCE
#include <signal.h>
#include <stdint.h>
#include <sys/epoll.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

int main(void)
{
	struct epoll_event ev = { 0 }, out[4];
	struct timespec ts = { 0, 0 };
	sigset_t mask;
	int fds[2], ep;

	ep = epoll_create1(EPOLL_CLOEXEC);
	if (ep < 0 || pipe(fds) < 0 || write(fds[1], "x", 1) != 1)
		return 1;
	ev.events = EPOLLIN;
	ev.data.u64 = (uint64_t)fds[0];
	if (epoll_ctl(ep, EPOLL_CTL_ADD, fds[0], &ev) < 0)
		return 2;
	ev.events = EPOLLOUT | EPOLLET;
	ev.data.u64 = (uint64_t)1 << 32 | (unsigned)fds[1];
	if (epoll_ctl(ep, EPOLL_CTL_ADD, fds[1], &ev) < 0)
		return 3;
	ev.events = EPOLLIN | EPOLLRDHUP;
	ev.data.u64 = 7;
	if (epoll_ctl(ep, EPOLL_CTL_MOD, fds[0], &ev) < 0)
		return 4;
	epoll_ctl(ep, EPOLL_CTL_ADD, fds[0], &ev);	/* EEXIST */
	epoll_ctl(ep, EPOLL_CTL_MOD, fds[0], NULL);	/* EFAULT */
	if (epoll_wait(ep, out, 4, 0) != 2)
		return 5;
	sigemptyset(&mask);
	sigaddset(&mask, SIGUSR1);
	epoll_pwait(ep, out, 1, 0, &mask);
	epoll_pwait(ep, out, 4, 0, NULL);
	syscall(SYS_epoll_pwait2, ep, out, 4, &ts, NULL, 0);
	syscall(SYS_epoll_pwait2, ep, out, 4, NULL, &mask, 8);
	epoll_wait(-1, out, 4, 0);			/* EBADF */
	epoll_ctl(ep, EPOLL_CTL_DEL, fds[1], &ev);
	epoll_ctl(ep, EPOLL_CTL_DEL, fds[0], NULL);
	if (epoll_wait(ep, out, 4, 0) != 0)
		return 6;
	return 0;
}
