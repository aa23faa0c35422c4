/* tracer/engine/mem.h: the engine's reader of tracee memory (decode.h's struct tracee_mem). */
#ifndef EXECLAB_TRACER_MEM_H
#define EXECLAB_TRACER_MEM_H

#include <sys/types.h>
#include "tracer/decode.h"

/* Reads up to len bytes at addr of the tracee (ctx is its pid). Bytes read, or -errno. */
ssize_t tracee_read(void *ctx, uint64_t addr, void *buf, size_t len);

/* A reader of pid's memory. */
void tracee_mem_init(struct tracee_mem *m, pid_t pid);

#endif
