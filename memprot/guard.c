/*
 * memprot/guard.c: two protections built from page permissions alone.
 *
 *   guard [stack|wx]...   (default: both)
 *
 * stack: a stack made by hand (mmap) with a PROT_NONE guard page below it; a recursion
 *        running on it (makecontext/swapcontext) overflows into the guard page and faults
 *        there, instead of writing over whatever lies below.
 * wx:    W^X, write xor execute: machine code written into a read-write page cannot be
 *        run; once mprotect makes the page read+execute it runs, and can no longer be written.
 * Each fault happens in a child (memprot/fault_catch.c) and is reported as the CPU gave it.
 * Exit status: 0, 1 when something did not fault (or run) as expected, 2 bad usage.
 */
#define _GNU_SOURCE
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <ucontext.h>

#include "memprot/fault_catch.h"

enum { PAGE = 4096, STACK_PAGES = 16 };

/* ---- the guard page ---- */

struct stack {
	unsigned char *guard;	/* the lowest page: PROT_NONE */
	unsigned char *base;	/* the stack proper: STACK_PAGES pages above it */
	ucontext_t main, on_stack;
	unsigned long depth;
};

static struct stack *running;

/*
 * Recursion whose frames cannot be optimised away: each keeps 256 bytes live on the stack.
 * The limit is far beyond what the 64 KiB stack holds; it only tells the compiler that
 * the recursion ends.
 */
static unsigned long recurse(unsigned long n)
{
	volatile unsigned char frame[256];

	if (n > 1000000)
		return n;
	frame[0] = (unsigned char)n;
	running->depth = n;
	return recurse(n + 1) + frame[0];
}

static void on_stack_entry(void)
{
	recurse(1);
}

static int overflow(void *arg)
{
	struct stack *s = arg;

	running = s;
	if (getcontext(&s->on_stack) != 0)
		return -1;
	s->on_stack.uc_stack.ss_sp = s->base;
	s->on_stack.uc_stack.ss_size = STACK_PAGES * PAGE;
	s->on_stack.uc_link = &s->main;
	makecontext(&s->on_stack, on_stack_entry, 0);
	swapcontext(&s->main, &s->on_stack);
	return 0;	/* not reached: the recursion never returns */
}

/*
 * start..end with the permissions /proc/self/maps gives the mapping holding it (the
 * kernel may merge it with a neighbour of the same permissions, so its bounds are ours).
 */
static void show_mapping(const char *label, const unsigned char *start, size_t len)
{
	FILE *f = fopen("/proc/self/maps", "re");
	char line[512], perms[8] = "?";
	uintptr_t lo, hi;

	while (f && fgets(line, sizeof(line), f))
		if (sscanf(line, "%" SCNxPTR "-%" SCNxPTR " %7s", &lo, &hi, perms) == 3 &&
		    (uintptr_t)start >= lo && (uintptr_t)start < hi)
			break;
	if (f)
		fclose(f);
	printf("  %-6s %" PRIxPTR "-%" PRIxPTR " %s (%zu KiB)\n", label, (uintptr_t)start,
	       (uintptr_t)(start + len), perms, len / 1024);
}

static int stack_demo(void)
{
	struct stack s = { 0 };
	struct fault_report r;
	char line[256];
	unsigned char *m;
	int rc;

	m = mmap(NULL, (STACK_PAGES + 1) * PAGE, PROT_READ | PROT_WRITE,
		 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (m == MAP_FAILED || mprotect(m, PAGE, PROT_NONE) != 0) {
		fprintf(stderr, "guard: mmap/mprotect: %m\n");
		return 1;
	}
	s.guard = m;
	s.base = m + PAGE;
	printf("a hand-made stack of %d KiB with a guard page below it:\n", STACK_PAGES * 4);
	show_mapping("stack", s.base, STACK_PAGES * PAGE);
	show_mapping("guard", s.guard, PAGE);
	rc = fault_catch(overflow, &s, &r);
	if (rc < 0) {
		fprintf(stderr, "guard: the child failed: %s\n", strerror(-rc));
		return 1;
	}
	fault_report_format(&r, (uintptr_t)s.guard, line, sizeof(line));
	printf("endless recursion on it:\n  %s\n", line);
	if (!r.faulted || r.addr < (uintptr_t)s.guard || r.addr >= (uintptr_t)s.base)
		return 1;
	printf("  the fault is in the guard page\n");
	return 0;
}

/* ---- W^X ---- */

/* mov $42, %eax; ret */
static const unsigned char code42[] = { 0xb8, 0x2a, 0x00, 0x00, 0x00, 0xc3 };

static int call_page(void *arg)
{
	int (*fn)(void) = (int (*)(void))arg;

	return fn();
}

static int write_page(void *arg)
{
	*(volatile unsigned char *)arg = 0xc3;
	return 0;
}

static int report(const char *what, fault_fn *fn, unsigned char *page, int want_fault)
{
	struct fault_report r;
	char line[256];
	int rc = fault_catch(fn, page, &r);

	if (rc < 0) {
		fprintf(stderr, "guard: the child failed: %s\n", strerror(-rc));
		return 1;
	}
	fault_report_format(&r, (uintptr_t)page, line, sizeof(line));
	printf("%s:\n  %s\n", what, line);
	return r.faulted == want_fault ? 0 : 1;
}

static int wx_demo(void)
{
	unsigned char *page = mmap(NULL, PAGE, PROT_READ | PROT_WRITE,
				   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	int failed = 0;

	if (page == MAP_FAILED) {
		fprintf(stderr, "guard: mmap: %m\n");
		return 1;
	}
	memcpy(page, code42, sizeof(code42));
	failed |= report("call the code in its read-write page", call_page, page, 1);
	/*
	 * x86 keeps instruction fetches coherent with earlier stores, and mprotect is a
	 * system call (serialising), so the new bytes are what the CPU will fetch.
	 */
	if (mprotect(page, PAGE, PROT_READ | PROT_EXEC) != 0) {
		printf("mprotect(PROT_READ|PROT_EXEC) refused: %m (a PR_SET_MDWE policy?)\n");
		return 1;
	}
	failed |= report("after mprotect(PROT_READ|PROT_EXEC), call it", call_page, page, 0);
	failed |= report("write to it now", write_page, page, 1);
	return failed;
}

static const struct {
	const char *name;
	int (*run)(void);
} demos[] = {
	{ "stack", stack_demo },
	{ "wx", wx_demo },
};
#define NDEMOS (sizeof(demos) / sizeof(demos[0]))

static int find_demo(const char *name)
{
	for (size_t i = 0; i < NDEMOS; i++)
		if (strcmp(name, demos[i].name) == 0)
			return (int)i;
	return -1;
}

int main(int argc, char **argv)
{
	int failed = 0;

	for (int a = 1; a < argc; a++)
		if (find_demo(argv[a]) < 0) {
			fprintf(stderr, "usage: guard [stack|wx]...\n");
			return 2;
		}
	if (argc == 1)
		for (size_t i = 0; i < NDEMOS; i++)
			failed |= demos[i].run();
	for (int a = 1; a < argc; a++)
		failed |= demos[find_demo(argv[a])].run();
	return failed;
}
