/*
 * memprot/faults.c: three page faults and what the CPU and the kernel say about each.
 *
 *   faults [unmapped|readonly|noexec]...   (default: all three)
 *
 * Each access runs in a child (memprot/fault_catch.c); its SIGSEGV shows si_addr (the
 * address the CPU put in CR2), si_code, and from the signal context the trap number (14,
 * the page fault) and the error code the CPU pushed, decoded by name. The byte touched
 * is 0x123 into its page, so the address shows that CR2 holds the exact byte, not the page.
 * Exit status: 0, 1 when an access did not fault as expected, 2 bad usage.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "memprot/fault_catch.h"

enum { TOUCH_OFFSET = 0x123 };

struct page { unsigned char *base; };

static int do_read(void *arg)
{
	volatile unsigned char *p = ((struct page *)arg)->base + TOUCH_OFFSET;

	return *p;
}

static int do_write(void *arg)
{
	volatile unsigned char *p = ((struct page *)arg)->base + TOUCH_OFFSET;

	*p = 1;
	return 0;
}

static int do_call(void *arg)
{
	/* A jump into data: the fetch of the first instruction is what faults. */
	int (*code)(void) = (int (*)(void))(void *)(((struct page *)arg)->base + TOUCH_OFFSET);

	return code();
}

/* Each case maps a page its way; an unmapped page is one mapped, then unmapped. */
static unsigned char *map_unmapped(void)
{
	unsigned char *p = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (p != MAP_FAILED && munmap(p, 4096) != 0)
		return MAP_FAILED;
	return p;
}

/* Written first, then made read-only: the page is present, only its permission is missing. */
static unsigned char *map_readonly(void)
{
	unsigned char *p = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
				-1, 0);

	if (p != MAP_FAILED) {
		p[TOUCH_OFFSET] = 1;
		if (mprotect(p, 4096, PROT_READ) != 0)
			return MAP_FAILED;
	}
	return p;
}

static unsigned char *map_noexec(void)
{
	unsigned char *p = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
				-1, 0);

	if (p != MAP_FAILED)
		memset(p, 0xc3, 4096);	/* ret: were it executable, the call would return */
	return p;
}

static const struct fault_case {
	const char *name, *what;
	unsigned char *(*map)(void);
	fault_fn *access;
} cases[] = {
	{ "unmapped", "read a byte of an unmapped page", map_unmapped, do_read },
	{ "readonly", "write a byte of a read-only page", map_readonly, do_write },
	{ "noexec", "call into a non-executable page", map_noexec, do_call },
};
#define NCASES (sizeof(cases) / sizeof(cases[0]))

static int run_case(const struct fault_case *c)
{
	struct fault_report r;
	struct page page = { c->map() };
	char line[256];
	int rc;

	if (page.base == MAP_FAILED) {
		fprintf(stderr, "faults: %s: mmap: %m\n", c->name);
		return 1;
	}
	rc = fault_catch(c->access, &page, &r);
	if (rc < 0) {
		fprintf(stderr, "faults: %s: the child failed: %s\n", c->name, strerror(-rc));
		return 1;
	}
	fault_report_format(&r, (unsigned long)page.base, line, sizeof(line));
	printf("%s:\n  %s\n", c->what, line);
	return r.faulted ? 0 : 1;
}

static const struct fault_case *find_case(const char *name)
{
	for (size_t i = 0; i < NCASES; i++)
		if (strcmp(name, cases[i].name) == 0)
			return &cases[i];
	return NULL;
}

int main(int argc, char **argv)
{
	int failed = 0;

	if (argc == 1) {
		for (size_t i = 0; i < NCASES; i++)
			failed |= run_case(&cases[i]);
		return failed;
	}
	for (int a = 1; a < argc; a++)
		if (!find_case(argv[a])) {
			fprintf(stderr, "usage: faults [unmapped|readonly|noexec]...\n");
			return 2;
		}
	for (int a = 1; a < argc; a++)
		failed |= run_case(find_case(argv[a]));
	return failed;
}
