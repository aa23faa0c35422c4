/*
 * tracer/report/symbols.h: -k's function names: the code symbols of one ELF file, read
 * once through elfutils' libdwfl and searched by file offset.
 *
 * Symbols come from the file's .symtab or, when the file is stripped, from its separate
 * debug info found by build-id under /usr/lib/debug/.build-id/ (Debian's -dbg packages,
 * e.g. libc6-dbg), else from its .dynsym. Only local files are read: never a debuginfod
 * server.
 *
 * Which symbol names an address, as gdb's `info symbol ADDR` does on the same file:
 *  - the nearest symbol at or below the address that has a size, if its size covers it;
 *    else the nearest size-less symbol between that one and the address; else none;
 *  - among aliases (symbols at the same address), the public name: GLOBAL or WEAK binding
 *    before LOCAL, then the greatest in byte order (`write` before `__write`, `exit`
 *    before `__GI_exit`).
 * Code symbols are FUNC and IFUNC ones, and NOTYPE ones in executable sections. Names
 * are given without their symbol version (`_IO_file_write`, not `_IO_file_write@@GLIBC_2.2.5`).
 */
#ifndef EXECLAB_SYMBOLS_H
#define EXECLAB_SYMBOLS_H

#include <stdint.h>

struct symfile;

/*
 * Reads the code symbols of the ELF file open as fd (taken: closed by this call), named
 * path in messages. NULL when fd is no ELF file or memory runs out; a file without any
 * symbol gives a table that names nothing.
 */
struct symfile *symfile_load(const char *path, int fd);
void symfile_free(struct symfile *sf);

/*
 * The function holding the instruction at file offset off, or NULL. *start_off: off minus
 * the function's start, in bytes. The string lives as long as sf.
 */
const char *symfile_lookup(const struct symfile *sf, uint64_t off, uint64_t *start_off);

/* Number of code symbols read (aliases counted once). */
uint64_t symfile_count(const struct symfile *sf);

#endif
