/*
 * memprot/pkeys.c: protection keys (Intel PKU, AMD since Zen 3), from user space.
 *
 *   pkeys [demo]     a key on a page; writes denied by the key alone fault with
 *                    SEGV_PKUERR; two threads with different rights to the same page
 *   pkeys time [N]   the cost of toggling write access N times (default 100000) with
 *                    pkey_set (the WRPKRU instruction) and with mprotect (a system call
 *                    and a TLB flush); meaningful only on a real CPU
 *
 * A page's key (4 bits of its page-table entry) selects two bits of the thread's PKRU
 * register: access-disable and write-disable. The page-table permissions still apply;
 * the key can only take rights away, per thread, without a system call.
 * Static, so that tests/vm/run-vm can run it as /init on an emulated CPU that has keys.
 * Exit status: 0; 1 something did not happen as expected; 2 bad usage; 3 no protection
 * keys here (the CPU or the kernel lacks them).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>

#include "memprot/fault_catch.h"
#include "memprot/guest.h"

enum { PAGE = 4096, TOUCH_OFFSET = 0x123 };

struct keyed_page {
	unsigned char *page;
	int key;
	pthread_barrier_t ready;
};

/* A page with a fresh key, rights "all" for this thread; 0, 3 without keys, 1 on error. */
static int keyed_page_open(struct keyed_page *k, int quiet)
{
	k->key = pkey_alloc(0, 0);
	if (k->key < 0) {
		printf("pkey_alloc: %s: no protection keys on this CPU or kernel\n",
		       strerror(errno));
		return 3;
	}
	k->page = mmap(NULL, PAGE, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE, -1, 0);
	if (k->page == MAP_FAILED || pkey_mprotect(k->page, PAGE, PROT_READ | PROT_WRITE, k->key)) {
		fprintf(stderr, "pkeys: mmap/pkey_mprotect: %m\n");
		return 1;
	}
	/* Written once, so that every later fault is on a present page. */
	k->page[TOUCH_OFFSET] = 7;
	if (!quiet)
		printf("pkey_alloc: key %d; pkey_mprotect gave it to a read-write page\n", k->key);
	return 0;
}

static int write_byte(void *arg)
{
	struct keyed_page *k = arg;

	((volatile unsigned char *)k->page)[TOUCH_OFFSET] = 1;
	return 0;
}

static int read_byte(void *arg)
{
	struct keyed_page *k = arg;

	return ((volatile unsigned char *)k->page)[TOUCH_OFFSET];
}

static int set_rights_then(struct keyed_page *k, unsigned rights, fault_fn *fn)
{
	if (pkey_set(k->key, rights) != 0)
		return -1;
	return fn(k);
}

static int write_no_rights(void *arg)
{
	return set_rights_then(arg, PKEY_DISABLE_WRITE, write_byte);
}

static int read_no_write(void *arg)
{
	return set_rights_then(arg, PKEY_DISABLE_WRITE, read_byte);
}

static int read_no_access(void *arg)
{
	return set_rights_then(arg, PKEY_DISABLE_ACCESS, read_byte);
}

static int write_all_rights(void *arg)
{
	return set_rights_then(arg, 0, write_byte);
}

/* The second thread drops its own write right, lets the main thread write, then writes. */
static void *second_thread(void *arg)
{
	struct keyed_page *k = arg;

	pkey_set(k->key, PKEY_DISABLE_WRITE);
	pthread_barrier_wait(&k->ready);	/* main writes now, with its own rights */
	pthread_barrier_wait(&k->ready);
	write_byte(k);				/* faults: the handler ends the process */
	return NULL;
}

static int two_threads(void *arg)
{
	struct keyed_page *k = arg;
	pthread_t t;

	pkey_set(k->key, 0);
	if (pthread_barrier_init(&k->ready, NULL, 2) != 0 ||
	    pthread_create(&t, NULL, second_thread, k) != 0)
		return -1;
	pthread_barrier_wait(&k->ready);
	write_byte(k);
	printf("  main thread, rights 0: its write succeeded\n");
	printf("  second thread, PKEY_DISABLE_WRITE in its own PKRU, writes:\n");
	fflush(stdout);
	pthread_barrier_wait(&k->ready);
	pthread_join(t, NULL);
	return 0;		/* reached only if the second thread's write did not fault */
}

static const struct step {
	const char *what;
	fault_fn *fn;
	int fault;		/* the step must end in SEGV_PKUERR (1) or return (0) */
} steps[] = {
	{ "rights 0, write", write_all_rights, 0 },
	{ "pkey_set(key, PKEY_DISABLE_WRITE), write", write_no_rights, 1 },
	{ "pkey_set(key, PKEY_DISABLE_WRITE), read", read_no_write, 0 },
	{ "pkey_set(key, PKEY_DISABLE_ACCESS), read", read_no_access, 1 },
	{ "two threads, one page", two_threads, 1 },
};

static int demo(void)
{
	struct keyed_page k;
	int rc = keyed_page_open(&k, 0), failed = 0;

	if (rc)
		return rc;
	for (size_t i = 0; i < sizeof(steps) / sizeof(steps[0]); i++) {
		struct fault_report r;
		char line[256];

		printf("%s:\n", steps[i].what);
		fflush(stdout);
		rc = fault_catch(steps[i].fn, &k, &r);
		if (rc < 0) {
			fprintf(stderr, "pkeys: the child failed: %s\n", strerror(-rc));
			return 1;
		}
		fault_report_format(&r, (unsigned long)k.page, line, sizeof(line));
		printf("  %s\n", line);
		if (r.faulted != steps[i].fault || (r.faulted && r.code != SEGV_PKUERR))
			failed = 1;
	}
	return failed;
}

static double now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e9 + ts.tv_nsec;
}

static int timing(long n)
{
	volatile unsigned char *p;
	struct keyed_page k;
	double t0, t1, t2;
	int rc = keyed_page_open(&k, 1);

	if (rc)
		return rc;
	p = k.page;
	t0 = now_ns();
	for (long i = 0; i < n; i++) {
		pkey_set(k.key, 0);
		p[i & (PAGE - 1)]++;
		pkey_set(k.key, PKEY_DISABLE_WRITE);
	}
	t1 = now_ns();
	for (long i = 0; i < n; i++) {
		if (mprotect(k.page, PAGE, PROT_READ | PROT_WRITE) != 0)
			return 1;
		p[i & (PAGE - 1)]++;
		mprotect(k.page, PAGE, PROT_READ);
	}
	t2 = now_ns();
	printf("write access opened and closed %ld times, with a write in between:\n", n);
	printf("  pkey_set: %.0f ns per open+close\n", (t1 - t0) / n);
	printf("  mprotect: %.0f ns per open+close\n", (t2 - t1) / n);
	printf("  mprotect/pkey_set: %.0fx\n", (t2 - t1) / (t1 - t0 > 0 ? t1 - t0 : 1));
	return 0;
}

static int pkeys_main(int argc, char **argv)
{
	if (argc == 1 || (argc == 2 && strcmp(argv[1], "demo") == 0))
		return demo();
	if (argc <= 3 && strcmp(argv[1], "time") == 0) {
		long n = 100000;
		char *end;

		if (argc == 3) {
			errno = 0;
			n = strtol(argv[2], &end, 10);
			if (errno || *end || end == argv[2] || n < 1 || n > 100000000) {
				fprintf(stderr, "pkeys: time: N must be 1..100000000\n");
				return 2;
			}
		}
		return timing(n);
	}
	fprintf(stderr, "usage: pkeys [demo] | pkeys time [N]\n");
	return 2;
}

int main(int argc, char **argv)
{
	return guest_main(argc, argv, pkeys_main);
}
