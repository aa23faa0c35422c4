/* bench/threads.c: T threads (default 4) each doing N getppid (default 12500). */
#include <pthread.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <unistd.h>

static long per_thread;

static void *work(void *arg)
{
	(void)arg;
	for (long i = 0; i < per_thread; i++)
		syscall(SYS_getppid);
	return NULL;
}

int main(int argc, char **argv)
{
	int n = argc > 2 ? atoi(argv[2]) : 4;
	pthread_t tid[64];

	per_thread = argc > 1 ? atol(argv[1]) : 12500;
	if (n > 64)
		n = 64;
	for (int i = 0; i < n; i++)
		pthread_create(&tid[i], NULL, work, NULL);
	for (int i = 0; i < n; i++)
		pthread_join(tid[i], NULL);
	return 0;
}
