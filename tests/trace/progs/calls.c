/*
 * tests/trace/progs/calls.c: performs known system calls and writes, to FILE, the line
 * strace prints for each (" = " at column 40), so the test can look for them literally
 * in trace's output (and in strace's, to keep the expectations honest).
 * Usage (from its own directory, as ./calls): ./calls FILE
 */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

extern char **environ;

static void expect(FILE *f, const char *call, const char *result)
{
	int n = strlen(call);

	fprintf(f, "%s%*s= %s\n", call, n < 40 ? 40 - n : 1, "", result);
}

int main(int argc, char **argv)
{
	char line[256], res[64];
	char *again[] = { "./calls", argv[1], "again", NULL };
	FILE *f;
	void *p;
	int envc = 0;

	if (argc != 2)
		return 0;	/* the exec'd image: done */
	f = fopen(argv[1], "w");
	if (!f)
		return 2;
	setvbuf(f, NULL, _IONBF, 0);

	expect(f, "write(1, \"hello\\n\", 6)", "6");
	if (write(1, "hello\n", 6) != 6)
		return 3;

	expect(f, "openat(AT_FDCWD, \"/nonexistent/execlab\", O_RDONLY)",
	       "-1 ENOENT (No such file or directory)");
	openat(AT_FDCWD, "/nonexistent/execlab", O_RDONLY);

	expect(f, "close(-1)", "-1 EBADF (Bad file descriptor)");
	close(-1);

	p = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	snprintf(res, sizeof(res), "%p", p);
	expect(f, "mmap(NULL, 4096, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)", res);

	while (environ[envc])
		envc++;
	snprintf(line, sizeof(line), "execve(\"./calls\", [\"./calls\", \"%s\", \"again\"], %p /* %d vars */)",
		 argv[1], (void *)environ, envc);
	expect(f, line, "0");
	expect(f, "exit_group(0)", "?");
	fprintf(f, "+++ exited with 0 +++\n");
	fclose(f);
	execve("./calls", again, environ);
	return 4;
}
