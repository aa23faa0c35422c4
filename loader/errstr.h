/* loader/errstr.h: strerror() for a program with no libc (pure). */
#ifndef LOADER_ERRSTR_H
#define LOADER_ERRSTR_H

/* glibc's text for errno err (positive), or NULL if this table does not know it. */
const char *errno_string(int err);

#endif
