/*
 * tests/trace/progs/execchain.c: execs itself N more times, then exits 0; with a second
 * argument "thread", each exec is done by a second thread (not the leader): the pid switch.
 * Usage: execchain N [thread]
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

static char **args;
static char self[4096];

static void *exec_next(void *arg)
{
	/*
	 * Let the leader reach pthread_join first: the exec kills it wherever it is, and
	 * calls it had not finished are not counted, so without this the counts would
	 * depend on scheduling.
	 */
	struct timespec ts = { 0, 20000000 };

	nanosleep(&ts, NULL);
	execv(self, args);
	return arg;
}

int main(int argc, char **argv)
{
	int n = argc > 1 ? atoi(argv[1]) : 3;
	char buf[16];
	ssize_t len;

	if (n <= 0)
		return 0;
	len = readlink("/proc/self/exe", self, sizeof(self) - 1);
	if (len < 0)
		return 2;
	self[len] = '\0';
	snprintf(buf, sizeof(buf), "%d", n - 1);
	argv[1] = buf;
	args = argv;
	if (argc > 2) {
		pthread_t t;

		if (pthread_create(&t, NULL, exec_next, NULL))
			return 2;
		pthread_join(t, NULL);	/* never returns: the exec ends this thread group */
		return 3;
	}
	execv(self, argv);
	return 4;
}
