/*
 * nostd-demo/hello_compat.h: lets one hello.c build freestanding and against a libc.
 * Freestanding (NOSTD defined): write() is the raw syscall and start_c.c calls main().
 * With glibc or musl: the real <unistd.h>.
 */
#ifndef HELLO_COMPAT_H
#define HELLO_COMPAT_H

#ifdef NOSTD
#include "nostd-demo/start.h"
#include "lib/freestanding/sys.h"
#define write(fd, buf, len) sys_write((fd), (buf), (len))
#else
#include <unistd.h>
#endif

#endif
