/*
 * tests/trace/progs/manythreads.c: N short-lived threads, one after another (create,
 * getpid, join): the tracer's table of tracees must stay cheap. Usage: manythreads N
 */
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

static void *work(void *arg)
{
	getpid();
	return arg;
}

int main(int argc, char **argv)
{
	int n = argc > 1 ? atoi(argv[1]) : 2000;

	for (int i = 0; i < n; i++) {
		pthread_t t;

		if (pthread_create(&t, NULL, work, NULL))
			return 2;
		pthread_join(t, NULL);
	}
	return 0;
}
