/* memprot/guest.c: being process 1 of a throw-away virtual machine. */
#define _GNU_SOURCE
#include <stdio.h>
#include <sys/mount.h>
#include <sys/reboot.h>
#include <sys/stat.h>
#include <unistd.h>

#include "memprot/guest.h"

int guest_main(int argc, char **argv, int (*main_fn)(int, char **))
{
	int status;

	if (getpid() != 1)
		return main_fn(argc, argv);
	/* The initramfs is a writable tmpfs; /proc is for programs that read /proc/self. */
	mkdir("/proc", 0555);
	mount("proc", "/proc", "proc", 0, NULL);
	setvbuf(stdout, NULL, _IOLBF, 0);
	printf("\n%s\n", GUEST_BEGIN);
	fflush(stdout);
	status = main_fn(argc, argv);
	fflush(stderr);
	printf("%s %d\n", GUEST_EXIT, status);
	fflush(stdout);
	sync();
	/*
	 * Process 1 must not exit (the kernel would panic). Powering off ends QEMU; should it
	 * fail, returning makes the kernel panic, and panic=-1 with QEMU's -no-reboot ends
	 * the machine as well.
	 */
	reboot(RB_POWER_OFF);
	return status;
}
