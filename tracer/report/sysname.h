/*
 * tracer/report/sysname.h: the names trace prints for a syscall and a personality, as
 * strace does: libseccomp's name (tracer/sysent.h), else "syscall_0x1c8"; "x86_64", "i386".
 */
#ifndef EXECLAB_SYSNAME_H
#define EXECLAB_SYSNAME_H

#include <stddef.h>

/* Room for any name sysname() writes into buf. */
#define SYSNAME_MAX 32

/* The name of syscall nr of pers: sysent's, or "syscall_0x%lx" written into buf. */
const char *sysname(int pers, long nr, char *buf, size_t len);

/* "x86_64", "i386"; "?" for anything else. */
const char *pers_name(int pers);

#endif
