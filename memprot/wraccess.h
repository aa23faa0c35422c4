/*
 * memprot/wraccess.h: a region of memory that is read-only except inside a call.
 *
 *   struct wa_region r;
 *   wa_region_open(&r, 4096, WA_PKEY);        read-only from here on
 *   with_write_access(&r, fill, &data);       fill(r.addr, &data) may write to it
 *   wa_region_close(&r);
 *
 * Two ways to take the write right away and give it back:
 * WA_MPROTECT: the page permissions, with mprotect(2); a system call and a TLB flush each
 *              way, and for every thread of the process at once: while one thread is inside
 *              a call, all can write.
 * WA_PKEY:     a protection key on the pages, write-disabled in PKRU; pkey_set(3) is one
 *              unprivileged instruction (WRPKRU) and changes the calling thread's rights
 *              only. Needs a CPU and a kernel with protection keys.
 * Calls nest: an inner call leaves the region writable for the rest of the outer one.
 */
#ifndef EXECLAB_MEMPROT_WRACCESS_H
#define EXECLAB_MEMPROT_WRACCESS_H

#include <pthread.h>
#include <stddef.h>

enum wa_mode { WA_MPROTECT, WA_PKEY };

struct wa_region {
	void *addr;		/* page-aligned */
	size_t len;		/* a whole number of pages */
	enum wa_mode mode;
	int pkey;		/* WA_PKEY: the region's key */
	int depth;		/* WA_MPROTECT: calls in progress, under lock */
	pthread_mutex_t lock;	/* WA_MPROTECT: orders the depth changes and mprotect calls */
};

/* fn gets the region's address and the caller's argument; its result is passed back. */
typedef int wa_fn(void *addr, void *arg);

/*
 * Maps len bytes (rounded up to whole pages), zero-filled and read-only to ordinary writes.
 * 0, or a negative errno: -EINVAL (len 0, unknown mode), mmap's error, pkey_alloc's
 * (-ENOSPC, -EINVAL, -ENOSYS: no protection keys here).
 */
int wa_region_open(struct wa_region *r, size_t len, enum wa_mode mode);

/*
 * Calls fn(r->addr, arg) with write access to the region for the calling thread (and, with
 * WA_MPROTECT, for all threads), and takes it away again when fn returns, whatever fn
 * returns. Returns fn's result, or a negative errno when the access could not be changed
 * (fn is then not called).
 */
int with_write_access(struct wa_region *r, wa_fn *fn, void *arg);

void wa_region_close(struct wa_region *r);

#endif
