/*
 * memprot/pagewalk.c: where the page tables put a page, seen from user space.
 *
 *   pagewalk [touch]       one page: its address split into page-table indices, and its
 *                          /proc/self/pagemap entry untouched, after a read, after a write
 *   pagewalk cow           copy on write: a written page, then fork, then the child writes
 *   pagewalk thp           a transparent huge page: the walk ends at the page directory
 *   pagewalk soft-dirty    the soft-dirty bit, where the kernel has it
 *   pagewalk split ADDR    only the index split of ADDR (hex)
 *
 * The PFN is shown only to a reader with CAP_SYS_ADMIN: since Linux 4.2 pagemap reads 0
 * in its place for anyone else, since physical addresses help Rowhammer attacks.
 * Exit status: 0; 1 an expected change was not seen or a system call failed; 2 bad usage;
 * 3 the kernel lacks the feature (thp off, soft-dirty compiled out).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include "memprot/guest.h"
#include "memprot/pagemap_decode.h"

enum { PAGE = 4096, HUGE = 2 << 20 };

/* The pagemap entry of va, decoded; 0 or a negative errno. */
static int pagemap_read(const void *va, struct pagemap_entry *e)
{
	uint64_t raw;
	int fd = open("/proc/self/pagemap", O_RDONLY | O_CLOEXEC);
	ssize_t n;

	if (fd < 0)
		return -errno;
	/* One 8-byte entry per virtual page, indexed by the page number. */
	n = pread(fd, &raw, sizeof(raw), (off_t)((uintptr_t)va / PAGE * sizeof(raw)));
	close(fd);
	if (n != (ssize_t)sizeof(raw))
		return n < 0 ? -errno : -EIO;
	pagemap_decode(raw, e);
	return 0;
}

static int show_entry(const char *when, const void *va, struct pagemap_entry *e)
{
	char buf[128];
	int rc = pagemap_read(va, e);

	if (rc < 0) {
		fprintf(stderr, "pagewalk: /proc/self/pagemap: %s\n", strerror(-rc));
		return rc;
	}
	pagemap_format(e, buf, sizeof(buf));
	printf("%-16s %s\n", when, buf);
	return 0;
}

static void show_split(const void *va)
{
	struct va_split s;
	char buf[128];

	va_split((uintptr_t)va, &s);
	va_split_format(&s, buf, sizeof(buf));
	printf("va 0x%" PRIxPTR ": %s\n", (uintptr_t)va, buf);
}

static void pfn_note(const struct pagemap_entry *e)
{
	if (e->present && e->pfn == 0)
		printf("pfn reads as 0: only CAP_SYS_ADMIN may see physical frames (Rowhammer)\n");
}

static void *map_page(void)
{
	void *p = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (p == MAP_FAILED)
		fprintf(stderr, "pagewalk: mmap: %m\n");
	return p;
}

static int touch(void)
{
	volatile unsigned char *p = map_page();
	struct pagemap_entry before, read, written;
	unsigned char c;

	if (p == MAP_FAILED)
		return 1;
	show_split((void *)p);
	if (show_entry("untouched:", (void *)p, &before) < 0)
		return 1;
	c = p[0];	/* a read fault maps the shared zero page, read-only */
	if (show_entry("after a read:", (void *)p, &read) < 0)
		return 1;
	p[0] = c + 1;	/* a write fault gives the process a page of its own */
	if (show_entry("after a write:", (void *)p, &written) < 0)
		return 1;
	pfn_note(&written);
	return !before.present && read.present && written.present && written.exclusive ? 0 : 1;
}

static const char *pfn_change(const struct pagemap_entry *a, const struct pagemap_entry *b)
{
	if (!a->pfn || !b->pfn)
		return "pfn hidden";
	return a->pfn == b->pfn ? "the parent's pfn" : "a new pfn";
}

/* The child's view of the page after fork, then after its own write; 0 when CoW was seen. */
static int cow_child(volatile unsigned char *p, const struct pagemap_entry *parent)
{
	struct pagemap_entry shared, copied;

	if (pagemap_read((void *)p, &shared) < 0)
		return 1;
	p[0] = 2;
	if (pagemap_read((void *)p, &copied) < 0)
		return 1;
	printf("%-16s present, %s, %s\n", "child, at fork:",
	       shared.exclusive ? "exclusive" : "not exclusive", pfn_change(parent, &shared));
	printf("%-16s present, %s, %s\n", "child wrote:",
	       copied.exclusive ? "exclusive" : "not exclusive", pfn_change(parent, &copied));
	if (parent->pfn && copied.pfn && (shared.pfn != parent->pfn || copied.pfn == parent->pfn))
		return 1;
	return !shared.exclusive && copied.exclusive ? 0 : 1;
}

static int cow(void)
{
	volatile unsigned char *p = map_page();
	struct pagemap_entry parent;
	int status;
	pid_t pid;

	if (p == MAP_FAILED)
		return 1;
	p[0] = 1;
	if (show_entry("parent wrote:", (void *)p, &parent) < 0)
		return 1;
	fflush(stdout);
	pid = fork();
	if (pid < 0) {
		fprintf(stderr, "pagewalk: fork: %m\n");
		return 1;
	}
	if (pid == 0) {
		int rc = cow_child(p, &parent);

		fflush(stdout);
		_exit(rc);
	}
	if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status))
		return 1;
	pfn_note(&parent);
	return WEXITSTATUS(status);
}

/* The AnonHugePages of the mapping holding va, from /proc/self/smaps; -1 if not found. */
static long anon_huge_kb(const void *va)
{
	FILE *f = fopen("/proc/self/smaps", "re");
	char line[256];
	long kb = -1;
	int in = 0;

	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f)) {
		uintptr_t lo, hi;

		if (sscanf(line, "%" SCNxPTR "-%" SCNxPTR " ", &lo, &hi) == 2 && strchr(line, ' ') &&
		    strchr(line, '-') < strchr(line, ' '))
			in = (uintptr_t)va >= lo && (uintptr_t)va < hi;
		else if (in && sscanf(line, "AnonHugePages: %ld kB", &kb) == 1)
			break;
	}
	fclose(f);
	return kb;
}

static int thp(void)
{
	char mode[128] = "";
	FILE *f = fopen("/sys/kernel/mm/transparent_hugepage/enabled", "re");
	struct pagemap_entry first, last;
	unsigned char *raw, *p;
	long kb;

	if (!f || !fgets(mode, sizeof(mode), f) || strstr(mode, "[never]")) {
		printf("transparent huge pages are off in this kernel\n");
		if (f)
			fclose(f);
		return 3;
	}
	fclose(f);
	/* Twice the size, so a 2 MiB-aligned 2 MiB stretch lies inside. */
	raw = mmap(NULL, 2 * HUGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (raw == MAP_FAILED) {
		fprintf(stderr, "pagewalk: mmap: %m\n");
		return 1;
	}
	p = (unsigned char *)(((uintptr_t)raw + HUGE - 1) & ~(uintptr_t)(HUGE - 1));
	if (madvise(p, HUGE, MADV_HUGEPAGE) != 0) {
		fprintf(stderr, "pagewalk: madvise(MADV_HUGEPAGE): %m\n");
		return 1;
	}
	p[0] = 1;	/* one write fault on an aligned, advised stretch can map a whole 2 MiB page */
	show_split(p);
	kb = anon_huge_kb(p);
	if (pagemap_read(p, &first) < 0 || pagemap_read(p + HUGE - PAGE, &last) < 0)
		return 1;
	if (kb < 2048) {
		printf("no huge page was given (AnonHugePages %ld kB): memory too fragmented?\n", kb);
		return 1;
	}
	printf("AnonHugePages %ld kB: the PD entry maps the 2 MiB page, no page table below it;\n"
	       "  the PT index and the offset together (21 bits) are the offset in it\n", kb);
	printf("last 4 KiB of it: %s\n", last.present ? "present without being touched" : "not present");
	if (first.pfn && last.pfn)
		printf("pfns 0x%" PRIx64 "..0x%" PRIx64 ": 512 contiguous frames, the first 512-aligned: %s\n",
		       first.pfn, last.pfn,
		       last.pfn == first.pfn + 511 && first.pfn % 512 == 0 ? "yes" : "no");
	else
		pfn_note(&first);
	return last.present ? 0 : 1;
}

static int soft_dirty(void)
{
	volatile unsigned char *p = map_page();
	struct pagemap_entry e;
	int fd;

	if (p == MAP_FAILED)
		return 1;
	p[0] = 1;
	if (pagemap_read((void *)p, &e) < 0)
		return 1;
	/* A new mapping is soft-dirty where CONFIG_MEM_SOFT_DIRTY is built in; never elsewhere. */
	if (!e.soft_dirty) {
		printf("soft-dirty: not in this kernel (CONFIG_MEM_SOFT_DIRTY is off)\n");
		return 3;
	}
	printf("%-16s soft-dirty\n", "written:");
	fd = open("/proc/self/clear_refs", O_WRONLY | O_CLOEXEC);
	if (fd < 0 || write(fd, "4", 1) != 1) {
		fprintf(stderr, "pagewalk: /proc/self/clear_refs: %m\n");
		return 1;
	}
	close(fd);
	if (pagemap_read((void *)p, &e) < 0)
		return 1;
	printf("%-16s %s\n", "cleared:", e.soft_dirty ? "soft-dirty" : "clean");
	p[0] = 2;
	if (pagemap_read((void *)p, &e) < 0)
		return 1;
	printf("%-16s %s\n", "written again:", e.soft_dirty ? "soft-dirty" : "clean");
	return e.soft_dirty ? 0 : 1;
}

static int usage(void)
{
	fprintf(stderr, "usage: pagewalk [touch|cow|thp|soft-dirty] | pagewalk split ADDR\n");
	return 2;
}

static int pagewalk_main(int argc, char **argv)
{
	const char *what = argc > 1 ? argv[1] : "touch";

	if (argc == 3 && strcmp(what, "split") == 0) {
		char *end;
		unsigned long long va;

		errno = 0;
		va = strtoull(argv[2], &end, 16);
		if (errno || end == argv[2] || *end || argv[2][0] == '-') {
			fprintf(stderr, "pagewalk: '%s' is not a hexadecimal address\n", argv[2]);
			return 2;
		}
		show_split((void *)(uintptr_t)va);
		return 0;
	}
	if (argc > 2)
		return usage();
	if (strcmp(what, "touch") == 0)
		return touch();
	if (strcmp(what, "cow") == 0)
		return cow();
	if (strcmp(what, "thp") == 0)
		return thp();
	if (strcmp(what, "soft-dirty") == 0)
		return soft_dirty();
	return usage();
}

int main(int argc, char **argv)
{
	return guest_main(argc, argv, pagewalk_main);
}
