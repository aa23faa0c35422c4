/*
 * tests/trace/progs/loop.c: for the -p test. Writes its pid to FILE, then calls getppid
 * and sleeps 1 ms in a loop until FILE.stop exists or SECONDS pass; exits 0 if stopped by
 * the file, 1 on timeout. Once FILE.ping exists it makes one more getppid call, then
 * creates FILE.pong: a test that creates FILE.ping after trace said it attached knows, when
 * FILE.pong appears, that trace has seen a getppid call, however slowly the machine runs.
 * With "zombie", it first forks a child that exits at once and is never reaped.
 * Usage: loop FILE SECONDS [zombie]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* Written under another name, then renamed: whoever sees PATH sees all of TEXT. */
static int publish(const char *path, const char *text)
{
	char tmp[4200];
	FILE *f;

	snprintf(tmp, sizeof(tmp), "%s.tmp", path);
	f = fopen(tmp, "w");
	if (!f)
		return -1;
	fputs(text, f);
	if (fclose(f) != 0)
		return -1;
	return rename(tmp, path);
}

int main(int argc, char **argv)
{
	char stop[4096], ping[4096], pong[4096], pid[32];
	struct timespec ms = { 0, 1000000 };
	int pinged = 0, ponged = 0;
	time_t end;

	if (argc < 3)
		return 2;
	snprintf(stop, sizeof(stop), "%s.stop", argv[1]);
	snprintf(ping, sizeof(ping), "%s.ping", argv[1]);
	snprintf(pong, sizeof(pong), "%s.pong", argv[1]);
	end = time(NULL) + atoi(argv[2]);
	if (argc > 3 && !strcmp(argv[3], "zombie")) {
		pid_t child = fork();

		if (child < 0)
			return 2;
		if (child == 0)
			_exit(0);
	}
	snprintf(pid, sizeof(pid), "%d\n", (int)getpid());
	if (publish(argv[1], pid))
		return 2;
	while (time(NULL) < end) {
		getppid();
		if (pinged && !ponged)
			ponged = publish(pong, "") == 0;	/* after a getppid made since the ping */
		nanosleep(&ms, NULL);
		if (access(stop, F_OK) == 0)
			return 0;
		if (!pinged)
			pinged = access(ping, F_OK) == 0;
	}
	return 1;
}
