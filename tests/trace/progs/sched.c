/*
 * tests/trace/progs/sched.c: scheduling and I/O priority calls with the shapes strace names
 * differently: policies known and unknown, a priority read or written through a pointer
 * (NULL, unreadable), I/O priorities of each class, times(2)'s clock ticks, and wait4 with
 * WUNTRACED (strace names the bit WSTOPPED). Each call undoes what it changed.
 */
#define _GNU_SOURCE
#include <sched.h>
#include <sys/syscall.h>
#include <sys/times.h>
#include <sys/wait.h>
#include <unistd.h>
#include <linux/ioprio.h>

int main(void)
{
	struct sched_param zero = { 0 };
	struct timespec ts;
	struct tms t;
	int prio, policy, io;
	volatile unsigned long spin = 0;
	pid_t child;

	policy = (int)syscall(SYS_sched_getscheduler, 0);
	syscall(SYS_sched_get_priority_max, SCHED_FIFO);
	syscall(SYS_sched_get_priority_min, SCHED_BATCH);
	syscall(SYS_sched_get_priority_max, 77);
	syscall(SYS_sched_getparam, 0, &prio);
	syscall(SYS_sched_getparam, 0, NULL);
	syscall(SYS_sched_setparam, 0, &zero);
	syscall(SYS_sched_setscheduler, 0, SCHED_BATCH, &zero);
	syscall(SYS_sched_getscheduler, 0);
	syscall(SYS_sched_setscheduler, 0, SCHED_IDLE | SCHED_RESET_ON_FORK, &zero);
	syscall(SYS_sched_setscheduler, 0, policy, (void *)8);
	syscall(SYS_sched_setscheduler, 0, policy, &zero);
	syscall(SYS_sched_rr_get_interval, 0, &ts);
	io = (int)syscall(SYS_ioprio_get, IOPRIO_WHO_PROCESS, 0);
	syscall(SYS_ioprio_set, IOPRIO_WHO_PROCESS, 0, IOPRIO_PRIO_VALUE(IOPRIO_CLASS_IDLE, 7));
	syscall(SYS_ioprio_get, IOPRIO_WHO_PROCESS, 0);
	syscall(SYS_ioprio_set, IOPRIO_WHO_PROCESS, 0, IOPRIO_PRIO_VALUE(IOPRIO_CLASS_BE, 4));
	syscall(SYS_ioprio_get, IOPRIO_WHO_PGRP, 0);
	syscall(SYS_ioprio_get, IOPRIO_WHO_USER, getuid());
	syscall(SYS_ioprio_get, 9, 0);
	syscall(SYS_ioprio_set, IOPRIO_WHO_PROCESS, 0, IOPRIO_PRIO_VALUE(5, 1));
	syscall(SYS_ioprio_set, IOPRIO_WHO_PROCESS, 0, io);
	/* some user time, so that times(2) has ticks to name */
	for (unsigned long i = 0; i < 100000000; i++)
		spin++;
	syscall(SYS_times, &t);
	syscall(SYS_times, NULL);
	child = fork();
	if (child == 0)
		_exit(0);
	syscall(SYS_wait4, child, NULL, WUNTRACED | WCONTINUED, NULL);
	return 0;
}
