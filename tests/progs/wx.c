/*
 * tests/progs/wx.c: W^X as the program itself sees it. For every object in memory
 * (dl_iterate_phdr: the program, the interpreter, libc; the vDSO is skipped) and each of
 * its PT_LOAD segments, the /proc/self/maps lines covering the segment must carry the
 * kernel's permissions:
 *   file-backed pages [PAGESTART(vaddr), PAGEALIGN(vaddr + filesz)): r/w/x from p_flags,
 *     except inside PT_GNU_RELRO, which libc may have made read-only;
 *   anonymous bss pages up to PAGEALIGN(vaddr + memsz): rw, plus x if p_flags has PF_X
 *     (the kernel maps bss with vm_brk_flags: always read-write).
 * Also: no mapping anywhere is both writable and executable (unless that bss rule says
 * so), and [stack] is rw-p. Prints a report without addresses (same natively and under
 * the loader) and exits 1 on any violation.
 */
#define _GNU_SOURCE
#include <link.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PAGE 4096UL
#define PAGESTART(a) ((a) & ~(PAGE - 1))
#define PAGEALIGN(a) (((a) + PAGE - 1) & ~(PAGE - 1))

struct map {
	unsigned long start, end;
	char perms[5];
	char name[256];
};

static struct map maps[4096];
static int nmaps;
static int violations;
static unsigned long wx_ok_start[64], wx_ok_end[64];
static int nwx_ok;

static void read_maps(void)
{
	char line[512];
	FILE *f = fopen("/proc/self/maps", "r");

	if (!f) {
		perror("/proc/self/maps");
		exit(2);
	}
	while (nmaps < 4096 && fgets(line, sizeof line, f)) {
		struct map *m = &maps[nmaps];
		int n = 0;

		m->name[0] = 0;
		if (sscanf(line, "%lx-%lx %4s %*s %*s %*s %n", &m->start, &m->end, m->perms, &n) < 3)
			continue;
		sscanf(line + n, "%255[^\n]", m->name);
		nmaps++;
	}
	fclose(f);
}

/* Append to out the distinct permissions of the maps lines over [a, b); count
 * violations against want (NULL: anything goes, e.g. RELRO); "-" if nothing is mapped. */
static void check_range(unsigned long a, unsigned long b, const char *want, const char *alt,
			char *out, size_t outsz, const char *what)
{
	unsigned long covered = 0;

	for (int i = 0; i < nmaps; i++) {
		unsigned long s = maps[i].start > a ? maps[i].start : a;
		unsigned long e = maps[i].end < b ? maps[i].end : b;

		if (s >= e)
			continue;
		covered += e - s;
		if (!strstr(out, maps[i].perms)) {
			if (*out)
				strncat(out, ",", outsz - strlen(out) - 1);
			strncat(out, maps[i].perms, outsz - strlen(out) - 1);
		}
		if (strcmp(maps[i].perms, want) && !(alt && !strcmp(maps[i].perms, alt))) {
			printf("  VIOLATION: %s page(s) are %s, the kernel gives %s\n", what,
			       maps[i].perms, want);
			violations++;
		}
	}
	if (covered != b - a) {
		printf("  VIOLATION: %s: %lu of %lu bytes mapped\n", what, covered, b - a);
		violations++;
	}
}

static const char *basename_of(const char *p)
{
	const char *s = strrchr(p, '/');

	return s ? s + 1 : p;
}

static int one_object(struct dl_phdr_info *info, size_t size, void *data)
{
	const ElfW(Phdr) *relro = NULL;
	const char *name = *info->dlpi_name ? basename_of(info->dlpi_name) : "main program";
	int load = 0;

	(void)size;
	(void)data;
	if (strstr(name, "vdso"))
		return 0;
	for (int i = 0; i < info->dlpi_phnum; i++)
		if (info->dlpi_phdr[i].p_type == PT_GNU_RELRO)
			relro = &info->dlpi_phdr[i];
	printf("object %s%s\n", name, relro ? " (has RELRO)" : "");
	for (int i = 0; i < info->dlpi_phnum; i++) {
		const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
		unsigned long v, file_end, mem_end, r0 = 0, r1 = 0;
		char want[5], bss_want[5], seen[64] = "", bss_seen[64] = "";

		if (ph->p_type != PT_LOAD)
			continue;
		v = info->dlpi_addr + ph->p_vaddr;
		file_end = PAGEALIGN(v + ph->p_filesz);
		mem_end = PAGEALIGN(v + ph->p_memsz);
		snprintf(want, sizeof want, "%c%c%cp", ph->p_flags & PF_R ? 'r' : '-',
			 ph->p_flags & PF_W ? 'w' : '-', ph->p_flags & PF_X ? 'x' : '-');
		snprintf(bss_want, sizeof bss_want, "rw%cp", ph->p_flags & PF_X ? 'x' : '-');
		if (relro) {
			r0 = PAGESTART(info->dlpi_addr + relro->p_vaddr);
			r1 = PAGESTART(info->dlpi_addr + relro->p_vaddr + relro->p_memsz);
			if (r0 < PAGESTART(v))
				r0 = PAGESTART(v);
			if (r1 > file_end)
				r1 = file_end;
			if (r0 >= r1)
				r0 = r1 = 0;
		}
		if (r0 < r1) {
			check_range(PAGESTART(v), r0, want, NULL, seen, sizeof seen, "file");
			check_range(r0, r1, "r--p", want, seen, sizeof seen, "RELRO");
			check_range(r1, file_end, want, NULL, seen, sizeof seen, "file");
		} else {
			check_range(PAGESTART(v), file_end, want, NULL, seen, sizeof seen, "file");
		}
		printf("  PT_LOAD %d %s: file pages %s", load, want, seen);
		if (mem_end > file_end) {
			check_range(file_end, mem_end, bss_want, NULL, bss_seen, sizeof bss_seen,
				    "bss");
			printf(", bss pages %s", bss_seen);
			if (ph->p_flags & PF_X && nwx_ok < 64) {
				wx_ok_start[nwx_ok] = file_end;
				wx_ok_end[nwx_ok++] = mem_end;
			}
		}
		printf("\n");
		load++;
	}
	return 0;
}

int main(void)
{
	int wx = 0, stack = 0;

	read_maps();
	dl_iterate_phdr(one_object, NULL);
	for (int i = 0; i < nmaps; i++) {
		int allowed = 0;

		if (!strcmp(maps[i].name, "[stack]")) {
			stack++;
			printf("[stack] %s\n", maps[i].perms);
			if (strcmp(maps[i].perms, "rw-p")) {
				printf("  VIOLATION: [stack] is %s, not rw-p\n", maps[i].perms);
				violations++;
			}
		}
		if (maps[i].perms[1] != 'w' || maps[i].perms[2] != 'x')
			continue;
		for (int j = 0; j < nwx_ok; j++)
			allowed |= maps[i].start >= wx_ok_start[j] && maps[i].end <= wx_ok_end[j];
		if (!allowed) {
			printf("  VIOLATION: writable and executable: %lx-%lx %s %s\n",
			       maps[i].start, maps[i].end, maps[i].perms, maps[i].name);
			violations++;
			wx++;
		}
	}
	if (stack != 1) {
		printf("  VIOLATION: %d [stack] mappings\n", stack);
		violations++;
	}
	printf("W+X mappings: %d\n", wx);
	printf("%s\n", violations ? "W^X: VIOLATED" : "W^X: ok");
	return violations != 0;
}
