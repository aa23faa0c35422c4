/*
 * loader/freestanding.h: forced into every file of loader/loader (-include, see
 * Makemodule.am), never into libloader.a.
 */
#ifndef LOADER_FREESTANDING_H
#define LOADER_FREESTANDING_H
/*
 * loader/loader has no TLS (the canary lives at %fs:0x28) and no libc (no __memcpy_chk):
 * user CFLAGS come after the loader's own flags on the command line and could turn these
 * back on, so say so at build time rather than crash at run time.
 */
#if defined(__SSP__) || defined(__SSP_STRONG__) || defined(__SSP_ALL__) || defined(__SSP_EXPLICIT__)
#error "loader/loader must be built without a stack protector: drop -fstack-protector* from CFLAGS"
#endif
#if defined(_FORTIFY_SOURCE) && _FORTIFY_SOURCE > 0
#error "loader/loader must be built without _FORTIFY_SOURCE: drop it from CPPFLAGS"
#endif

#endif
