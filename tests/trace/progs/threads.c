/*
 * tests/trace/progs/threads.c: T threads each doing N getpid. Usage: threads T N
 */
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

static long n;

static void *work(void *arg)
{
	for (long i = 0; i < n; i++)
		getpid();
	return arg;
}

int main(int argc, char **argv)
{
	int t = argc > 1 ? atoi(argv[1]) : 4;
	pthread_t tid[64];

	n = argc > 2 ? atol(argv[2]) : 1000;
	if (t > 64)
		t = 64;
	for (int i = 0; i < t; i++)
		if (pthread_create(&tid[i], NULL, work, NULL))
			return 2;
	for (int i = 0; i < t; i++)
		pthread_join(tid[i], NULL);
	return 0;
}
