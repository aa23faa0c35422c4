/* memprot/wraccess.c: write access for the length of a call, by mprotect or by a key. */
#define _GNU_SOURCE
#include <errno.h>
#include <sys/mman.h>
#include <unistd.h>

#include "memprot/wraccess.h"

int wa_region_open(struct wa_region *r, size_t len, enum wa_mode mode)
{
	size_t page = (size_t)sysconf(_SC_PAGESIZE);

	if (len == 0 || (mode != WA_MPROTECT && mode != WA_PKEY))
		return -EINVAL;
	r->len = (len + page - 1) / page * page;
	r->mode = mode;
	r->pkey = -1;
	r->depth = 0;
	pthread_mutex_init(&r->lock, NULL);
	r->addr = mmap(NULL, r->len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (r->addr == MAP_FAILED)
		return -errno;
	/* LAB 4 SOLUTION BEGIN */
	if (mode == WA_MPROTECT) {
		if (mprotect(r->addr, r->len, PROT_READ) == 0)
			return 0;
	} else {
		/* The key starts write-disabled for this thread (the second argument of
		 * pkey_alloc); threads created later inherit this thread's PKRU. */
		r->pkey = pkey_alloc(0, PKEY_DISABLE_WRITE);
		if (r->pkey >= 0 &&
		    pkey_mprotect(r->addr, r->len, PROT_READ | PROT_WRITE, r->pkey) == 0)
			return 0;
	}
	int err = -errno;

	wa_region_close(r);
	return err;
	/* LAB 4 SOLUTION END */
	/* LAB 4 STUB BEGIN
	// Take the write right away: with mprotect, or with a key (pkey_alloc, pkey_mprotect).
	return 0;
	   LAB 4 STUB END */
}

int with_write_access(struct wa_region *r, wa_fn *fn, void *arg)
{
	/* LAB 4 SOLUTION BEGIN */
	int rc;

	if (r->mode == WA_PKEY) {
		/*
		 * PKRU is per thread, so the rights to restore are this thread's; saving and
		 * restoring them (rather than forcing "write-disabled") makes nested calls work.
		 */
		int old = pkey_get(r->pkey);

		if (old < 0 || pkey_set(r->pkey, (unsigned)old & ~PKEY_DISABLE_WRITE) != 0)
			return -errno;
		rc = fn(r->addr, arg);
		pkey_set(r->pkey, (unsigned)old);
		return rc;
	}
	/*
	 * mprotect changes the pages for every thread: only the first call in opens them and
	 * only the last one out closes them. The lock keeps a closing mprotect from landing
	 * after another thread's opening one.
	 */
	pthread_mutex_lock(&r->lock);
	if (r->depth == 0 && mprotect(r->addr, r->len, PROT_READ | PROT_WRITE) != 0) {
		rc = -errno;
		pthread_mutex_unlock(&r->lock);
		return rc;
	}
	r->depth++;
	pthread_mutex_unlock(&r->lock);
	rc = fn(r->addr, arg);
	pthread_mutex_lock(&r->lock);
	if (--r->depth == 0)
		mprotect(r->addr, r->len, PROT_READ);
	pthread_mutex_unlock(&r->lock);
	return rc;
	/* LAB 4 SOLUTION END */
	/* LAB 4 STUB BEGIN
	// Give the calling thread the write right for the length of fn, then take it back.
	(void)r;
	(void)fn;
	(void)arg;
	return -ENOSYS;
	   LAB 4 STUB END */
}

void wa_region_close(struct wa_region *r)
{
	if (r->addr && r->addr != MAP_FAILED)
		munmap(r->addr, r->len);
	if (r->pkey >= 0)
		pkey_free(r->pkey);
	r->addr = NULL;
	r->pkey = -1;
	pthread_mutex_destroy(&r->lock);
}
