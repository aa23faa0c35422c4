/*
 * tests/progs/stacklayout.c: the initial stack and the process identity as the kernel
 * leaves them (fs/binfmt_elf.c:create_elf_tables), checked from inside by
 * relations that hold whatever ASLR does. Prints one "check: yes|no" line per fact, no
 * addresses, so a native run and a loader run print the same; exits 1 if any is "no".
 *   - rsp at entry (the address of argc) is 16-byte aligned and is mm->start_stack;
 *   - argv strings, envp strings and the AT_EXECFN string are packed in that order, with
 *     an 8-byte zero word after them at the very top of [stack];
 *   - AT_RANDOM's 16 bytes sit right below the "x86_64" AT_PLATFORM string, which sits
 *     below the argv strings (by the alignment and at most 8 KiB of randomisation), and
 *     above the auxv (by at most the 16-byte rounding padding);
 *   - /proc/self/cmdline, environ and auxv are the program's own; mm->arg_start..env_end
 *     (/proc/self/stat) bound its strings; start_code..end_code hold main,
 *     start_data..end_data its initialised data, and the break is not below start_brk.
 */
#define _GNU_SOURCE
#include <elf.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <unistd.h>

static int failures;
static int initialised_data = 1;

static void check(const char *what, int ok)
{
	printf("%s: %s\n", what, ok ? "yes" : "no");
	failures += !ok;
}

static size_t slurp(const char *path, char *buf, size_t size)
{
	int fd = open(path, O_RDONLY);
	size_t n = 0;
	ssize_t r;

	if (fd < 0)
		return 0;
	while (n < size && (r = read(fd, buf + n, size - n)) > 0)
		n += (size_t)r;
	close(fd);
	return n;
}

/* Field `field` (1-based, as in proc(5)) of /proc/self/stat. */
static unsigned long stat_field(int field)
{
	static char buf[4096];
	char *p;
	size_t n = slurp("/proc/self/stat", buf, sizeof buf - 1);

	buf[n] = 0;
	p = strrchr(buf, ')');
	if (!p)
		return 0;
	p += 2;			/* field 3 starts here */
	for (int i = 3; i < field && p; i++) {
		p = strchr(p, ' ');
		if (p)
			p++;
	}
	return p ? strtoul(p, NULL, 10) : 0;
}

/* The end of the /proc/self/maps line holding addr, and whether it is [stack]. */
static uintptr_t mapping_end(uintptr_t addr, int *is_stack)
{
	char line[512];
	FILE *f = fopen("/proc/self/maps", "r");
	uintptr_t s, e, found = 0;

	*is_stack = 0;
	while (f && fgets(line, sizeof line, f))
		if (sscanf(line, "%lx-%lx", &s, &e) == 2 && s <= addr && addr < e) {
			found = e;
			*is_stack = strstr(line, "[stack]") != NULL;
		}
	if (f)
		fclose(f);
	return found;
}

int main(int argc, char **argv, char **envp)
{
	static char buf[1 << 16];
	uintptr_t argc_at = (uintptr_t)argv - sizeof(long);
	char *args_end, *env_end, *execfn = (char *)getauxval(AT_EXECFN);
	char *platform = (char *)getauxval(AT_PLATFORM), *random = (char *)getauxval(AT_RANDOM);
	int envc = 0, ok, is_stack;
	Elf64_auxv_t *auxv, *a;
	size_t n;

	check("rsp at entry is 16-byte aligned", argc_at % 16 == 0);
	check("/proc/self/stat start_stack is the address of argc", stat_field(28) == argc_at);

	ok = 1;
	for (int i = 0; i + 1 < argc; i++)
		ok &= argv[i + 1] == argv[i] + strlen(argv[i]) + 1;
	args_end = argv[argc - 1] + strlen(argv[argc - 1]) + 1;
	check("argv strings are packed in order", ok);
	while (envp[envc])
		envc++;
	ok = envc == 0 || envp[0] == args_end;
	for (int i = 0; i + 1 < envc; i++)
		ok &= envp[i + 1] == envp[i] + strlen(envp[i]) + 1;
	env_end = envc ? envp[envc - 1] + strlen(envp[envc - 1]) + 1 : args_end;
	check("envp strings follow them, packed in order", ok);
	check("the AT_EXECFN string follows the envp strings", execfn == env_end);
	check("then an 8-byte zero word ends [stack]",
	      execfn && mapping_end((uintptr_t)execfn, &is_stack) ==
	      (uintptr_t)execfn + strlen(execfn) + 1 + 8 &&
	      !memcmp(execfn + strlen(execfn) + 1, "\0\0\0\0\0\0\0\0", 8));
	check("the strings are in the [stack] mapping", is_stack);

	check("AT_PLATFORM is \"x86_64\"", platform && !strcmp(platform, "x86_64"));
	check("AT_RANDOM's 16 bytes sit right below the platform string", random + 16 == platform);
	check("the platform string sits below argv[0] by at most 8 KiB + 16",
	      platform + 7 <= argv[0] && argv[0] - (platform + 7) < 8192 + 16);
	auxv = (Elf64_auxv_t *)(envp + envc + 1);
	for (a = auxv; a->a_type != AT_NULL; a++)
		;
	check("the auxv follows envp's NULL and AT_RANDOM lies above it by < 32 bytes",
	      (char *)(a + 1) <= random && random - (char *)(a + 1) < 32 &&
	      getauxval(AT_PAGESZ) == 4096);

	n = slurp("/proc/self/auxv", buf, sizeof buf);
	check("/proc/self/auxv is this auxv",
	      n == (size_t)((char *)(a + 1) - (char *)auxv) && !memcmp(buf, auxv, n));
	n = slurp("/proc/self/cmdline", buf, sizeof buf);
	check("/proc/self/cmdline is this argv",
	      n == (size_t)(args_end - argv[0]) && !memcmp(buf, argv[0], n));
	n = slurp("/proc/self/environ", buf, sizeof buf);
	check("/proc/self/environ is this envp",
	      n == (size_t)(env_end - args_end) && !memcmp(buf, args_end, n));
	check("mm->arg_start/arg_end bound the argv strings",
	      stat_field(48) == (uintptr_t)argv[0] && stat_field(49) == (uintptr_t)args_end);
	check("mm->env_start/env_end bound the envp strings",
	      stat_field(50) == (uintptr_t)args_end && stat_field(51) == (uintptr_t)env_end);
	check("mm->start_code <= main < mm->end_code",
	      stat_field(26) <= (uintptr_t)main && (uintptr_t)main < stat_field(27));
	check("mm->start_data <= initialised data < mm->end_data",
	      stat_field(45) <= (uintptr_t)&initialised_data &&
	      (uintptr_t)&initialised_data < stat_field(46));
	check("the break is at or above mm->start_brk", (uintptr_t)sbrk(0) >= stat_field(47));
	return failures != 0;
}
