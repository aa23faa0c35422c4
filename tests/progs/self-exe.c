/*
 * tests/progs/self-exe.c: what the process is, as /proc/self/exe says.
 *
 *   self-exe              prints "exe PATH" (readlink of /proc/self/exe)
 *   self-exe ARG...       prints "exe PATH", then re-executes /proc/self/exe as
 *                         `self-exe --child ARG...`, as programs that start a copy of
 *                         themselves do, so what follows is what the child prints
 *   self-exe --child ARG...  prints "child exe PATH args ARG..."
 *
 * Exit status: 0; 127 if the re-execution fails (with the reason on stderr); 1 if
 * /proc/self/exe cannot be read.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int print_exe(const char *prefix)
{
	char path[4096];
	ssize_t n = readlink("/proc/self/exe", path, sizeof path - 1);

	if (n < 0) {
		fprintf(stderr, "self-exe: readlink /proc/self/exe: %s\n", strerror(errno));
		return 1;
	}
	path[n] = 0;
	printf("%sexe %s", prefix, path);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc > 1 && strcmp(argv[1], "--child") == 0) {
		if (print_exe("child "))
			return 1;
		printf(" args");
		for (int i = 2; i < argc; i++)
			printf(" %s", argv[i]);
		printf("\n");
		return 0;
	}
	if (print_exe(""))
		return 1;
	printf("\n");
	if (argc == 1)
		return 0;
	fflush(stdout);
	{
		char **args = calloc(argc + 2, sizeof *args);

		if (!args)
			return 1;
		args[0] = argv[0];
		args[1] = "--child";
		memcpy(args + 2, argv + 1, (argc - 1) * sizeof *args);
		execv("/proc/self/exe", args);
		fprintf(stderr, "self-exe: execv /proc/self/exe: %s\n", strerror(errno));
		return 127;
	}
}
