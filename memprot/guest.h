/*
 * memprot/guest.h: a program that may run as /init of a one-program virtual machine
 * (tests/vm/run-vm). As process 1 it mounts /proc, frames its output between two marker
 * lines on the console, and powers the machine off at the end; run-vm prints what lies
 * between the markers and exits with the status the second one gives. Run any other way,
 * it is just main.
 */
#ifndef EXECLAB_MEMPROT_GUEST_H
#define EXECLAB_MEMPROT_GUEST_H

#define GUEST_BEGIN "execlab-guest: begin"
#define GUEST_EXIT "execlab-guest: exit"	/* followed by " STATUS" */

/* Returns main_fn(argc, argv); as process 1 it does not return (the machine is off). */
int guest_main(int argc, char **argv, int (*main_fn)(int, char **));

#endif
