/*
 * tests/trace/progs/loop.c: for the -p test. Writes its pid to FILE, then calls getppid
 * and sleeps 1 ms in a loop until FILE.stop exists or SECONDS pass; exits 0 if stopped by
 * the file, 1 on timeout. Usage: loop FILE SECONDS
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	char stop[4096];
	struct timespec ms = { 0, 1000000 };
	time_t end;
	FILE *f;

	if (argc < 3)
		return 2;
	snprintf(stop, sizeof(stop), "%s.stop", argv[1]);
	end = time(NULL) + atoi(argv[2]);
	f = fopen(argv[1], "w");
	if (!f)
		return 2;
	fprintf(f, "%d\n", (int)getpid());
	fclose(f);
	while (time(NULL) < end) {
		getppid();
		nanosleep(&ms, NULL);
		if (access(stop, F_OK) == 0)
			return 0;
	}
	return 1;
}
