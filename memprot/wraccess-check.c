/*
 * memprot/wraccess-check.c: the cases with_write_access() (memprot/wraccess.c) must pass.
 *
 *   wraccess [--mprotect|--pkey] [CASE...]    (default: --mprotect, every case)
 *
 * Cases: inside (a write inside the call works; the call passes fn's result back),
 * outside (writes before and after a call fault, reads do not, the data stays), error (a
 * failing fn still leaves the region read-only), nested (an inner call does not close the
 * region for the outer one), thread (another thread writing during a call: faults with a
 * key, whose rights are per thread; succeeds with mprotect, whose are per process).
 * Each case runs in a child, so that a crash fails that case only. One line per case:
 * "  NAME: ok" or "  NAME: FAILED (why)".
 * Static, so that tests/vm/run-vm can run the --pkey cases on a CPU that has keys.
 * Exit status: 0 all passed; 1 a case failed; 2 bad usage; 3 --pkey without protection
 * keys here.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "memprot/fault_catch.h"
#include "memprot/guest.h"
#include "memprot/wraccess.h"

static enum wa_mode mode = WA_MPROTECT;
static char *why;	/* a shared page: the child's reason for a failure */
enum { WHY_LEN = 4096 };

static int failf(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(why, WHY_LEN, fmt, ap);
	va_end(ap);
	return 1;
}

/* The fault a write to a read-only region gives on this path. */
static int expected_code(void)
{
	return mode == WA_PKEY ? SEGV_PKUERR : SEGV_ACCERR;
}

static int write_at(void *arg)
{
	((volatile unsigned char *)arg)[0] = 0x55;
	return 0;
}

/* 0 when a write to addr faults the way a read-only region must; else 1 with the reason. */
static int must_fault(const char *when, void *addr)
{
	struct fault_report r;
	char line[256];
	int rc = fault_catch(write_at, addr, &r);

	if (rc < 0)
		return failf("%s: the child failed: %s", when, strerror(-rc));
	if (!r.faulted)
		return failf("%s: a write did not fault", when);
	if (r.code != expected_code()) {
		fault_report_format(&r, 0, line, sizeof(line));
		return failf("%s: the write faulted with %s", when, line);
	}
	return 0;
}

static int open_region(struct wa_region *r)
{
	int rc = wa_region_open(r, 4096, mode);

	if (rc < 0)
		return failf("wa_region_open: %s", strerror(-rc));
	return 0;
}

static int fill(void *addr, void *arg)
{
	memset(addr, *(int *)arg, 4096);
	return 42;
}

static int case_inside(void *unused)
{
	struct wa_region r;
	int byte = 0xab, rc;

	(void)unused;
	if (open_region(&r))
		return 1;
	rc = with_write_access(&r, fill, &byte);
	if (rc != 42)
		return failf("with_write_access returned %d, not fn's 42", rc);
	if (((unsigned char *)r.addr)[4095] != 0xab)
		return failf("the bytes written inside are not there");
	return 0;
}

static int case_outside(void *unused)
{
	struct wa_region r;
	int byte = 0x11, rc;

	(void)unused;
	if (open_region(&r) || must_fault("before any call", r.addr))
		return 1;
	rc = with_write_access(&r, fill, &byte);
	if (rc != 42)
		return failf("with_write_access returned %d, not fn's 42", rc);
	if (must_fault("after a call", r.addr))
		return 1;
	if (((volatile unsigned char *)r.addr)[7] != 0x11)
		return failf("reading after the call: the bytes written inside are not there");
	return 0;
}

static int fail_eio(void *addr, void *arg)
{
	(void)arg;
	((unsigned char *)addr)[0] = 1;
	return -EIO;
}

static int case_error(void *unused)
{
	struct wa_region r;
	int rc;

	(void)unused;
	if (open_region(&r))
		return 1;
	rc = with_write_access(&r, fail_eio, NULL);
	if (rc != -EIO)
		return failf("with_write_access returned %d, not fn's -EIO", rc);
	return must_fault("after fn failed", r.addr);
}

static int inner(void *addr, void *arg)
{
	(void)arg;
	((unsigned char *)addr)[1] = 2;
	return 7;
}

static int outer(void *addr, void *arg)
{
	struct wa_region *r = arg;
	int rc = with_write_access(r, inner, NULL);
	struct fault_report rep;

	if (rc != 7)
		return failf("the inner call returned %d, not 7", rc);
	/* Still inside the outer call: a write must work. */
	if (fault_catch(write_at, addr, &rep) != 0 || rep.faulted)
		return failf("inside the outer call, after the inner one, a write faulted");
	((unsigned char *)addr)[0] = 1;
	return 0;
}

static int case_nested(void *unused)
{
	struct wa_region r;
	int rc;

	(void)unused;
	if (open_region(&r))
		return 1;
	rc = with_write_access(&r, outer, &r);
	if (rc != 0)
		return rc == 1 ? 1 : failf("with_write_access returned %d", rc);
	if (((unsigned char *)r.addr)[1] != 2)
		return failf("the inner call's write is not there");
	return must_fault("after the outer call", r.addr);
}

/*
 * Another thread, started before the call (a thread starts with its creator's PKRU, so
 * one started inside the call would have the write right too), writes while the main
 * thread is inside the call.
 */
struct race {
	void *addr;
	pthread_barrier_t go, done;
	int faulted, code;	/* what the other thread's write did */
	char line[256];
};

static void *other_thread(void *arg)
{
	struct race *x = arg;
	struct fault_report r;

	pthread_barrier_wait(&x->go);
	/* In a child of its own (which inherits this thread's PKRU): the write may fault. */
	if (fault_catch(write_at, x->addr, &r) != 0)
		x->faulted = -1;
	else
		x->faulted = r.faulted;
	x->code = r.code;
	fault_report_format(&r, 0, x->line, sizeof(x->line));
	pthread_barrier_wait(&x->done);
	return NULL;
}

static int while_inside(void *addr, void *arg)
{
	struct race *x = arg;

	x->addr = addr;
	pthread_barrier_wait(&x->go);
	pthread_barrier_wait(&x->done);
	return 0;
}

static int case_thread(void *unused)
{
	struct race x = { 0 };
	struct wa_region r;
	pthread_t t;
	int rc;

	(void)unused;
	if (open_region(&r))
		return 1;
	if (pthread_barrier_init(&x.go, NULL, 2) != 0 || pthread_barrier_init(&x.done, NULL, 2) != 0 ||
	    pthread_create(&t, NULL, other_thread, &x) != 0)
		return failf("could not start a thread");
	rc = with_write_access(&r, while_inside, &x);
	if (rc != 0)
		return failf("with_write_access returned %d", rc);
	pthread_join(t, NULL);
	if (x.faulted < 0)
		return failf("the other thread's child failed");
	if (mode == WA_PKEY && (!x.faulted || x.code != SEGV_PKUERR))
		return failf("with a key, another thread could write during the call (%s)", x.line);
	if (mode == WA_MPROTECT && x.faulted)
		return failf("with mprotect, another thread's write during the call faulted (%s)",
			     x.line);
	return must_fault("after the call", r.addr);
}

static const struct wa_case {
	const char *name;
	fault_fn *run;
} cases[] = {
	{ "inside", case_inside },
	{ "outside", case_outside },
	{ "error", case_error },
	{ "nested", case_nested },
	{ "thread", case_thread },
};
#define NCASES (sizeof(cases) / sizeof(cases[0]))

static const struct wa_case *find_case(const char *name)
{
	for (size_t i = 0; i < NCASES; i++)
		if (strcmp(name, cases[i].name) == 0)
			return &cases[i];
	return NULL;
}

/* A case that hangs (a with_write_access that deadlocks) is killed after this many seconds. */
enum { CASE_SECONDS = 30 };

static int timed_case(void *arg)
{
	const struct wa_case *c = arg;

	alarm(CASE_SECONDS);
	return c->run(NULL);
}

static int run_case(const struct wa_case *c)
{
	struct fault_report r;
	char line[256];
	int rc;

	why[0] = '\0';
	rc = fault_catch(timed_case, (void *)c, &r);
	if (rc == 0 && !r.faulted && r.ret == 0) {
		printf("  %s: ok\n", c->name);
		return 0;
	}
	if (rc == -EINTR)
		snprintf(why, WHY_LEN, "killed by a signal, or still running after %d s", CASE_SECONDS);
	else if (rc < 0)
		snprintf(why, WHY_LEN, "the case's child failed: %s", strerror(-rc));
	else if (r.faulted) {
		fault_report_format(&r, 0, line, sizeof(line));
		snprintf(why, WHY_LEN, "%s", line);
	} else if (!why[0])
		snprintf(why, WHY_LEN, "returned %d", r.ret);
	printf("  %s: FAILED (%s)\n", c->name, why);
	return 1;
}

static int usage(void)
{
	fprintf(stderr, "usage: wraccess [--mprotect|--pkey] [inside|outside|error|nested|thread]...\n");
	return 2;
}

static int wraccess_main(int argc, char **argv)
{
	int a = 1, failed = 0;

	if (a < argc && strcmp(argv[a], "--pkey") == 0)
		mode = WA_PKEY, a++;
	else if (a < argc && strcmp(argv[a], "--mprotect") == 0)
		a++;
	for (int i = a; i < argc; i++)
		if (!find_case(argv[i]))
			return usage();
	if (mode == WA_PKEY) {
		int key = pkey_alloc(0, 0);

		if (key < 0) {
			printf("pkey_alloc: %s: no protection keys on this CPU or kernel\n",
			       strerror(errno));
			return 3;
		}
		pkey_free(key);
	}
	/* Shared with the children, which write their reasons for failing into it. */
	why = mmap(NULL, WHY_LEN, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (why == MAP_FAILED) {
		fprintf(stderr, "wraccess: mmap: %m\n");
		return 1;
	}
	printf("with_write_access, %s:\n", mode == WA_PKEY ? "protection key" : "mprotect");
	if (a == argc)
		for (size_t i = 0; i < NCASES; i++)
			failed |= run_case(&cases[i]);
	for (int i = a; i < argc; i++)
		failed |= run_case(find_case(argv[i]));
	return failed;
}

int main(int argc, char **argv)
{
	return guest_main(argc, argv, wraccess_main);
}
