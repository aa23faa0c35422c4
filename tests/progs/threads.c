/*
 * tests/progs/threads.c: four pthreads, each with its own stack and TLS, summing a range;
 * the results are printed in order after joining, so the output is deterministic.
 */
#include <pthread.h>
#include <stdio.h>

#define NTHREADS 4

static __thread long per_thread;

struct job {
	long from, to, sum;
};

static void *work(void *arg)
{
	struct job *j = arg;

	for (long i = j->from; i < j->to; i++)
		per_thread += i;
	j->sum = per_thread;
	return NULL;
}

int main(void)
{
	pthread_t t[NTHREADS];
	struct job jobs[NTHREADS];
	long total = 0;

	for (int i = 0; i < NTHREADS; i++) {
		jobs[i] = (struct job){ i * 1000000L, (i + 1) * 1000000L, 0 };
		if (pthread_create(&t[i], NULL, work, &jobs[i]) != 0) {
			printf("pthread_create failed\n");
			return 1;
		}
	}
	for (int i = 0; i < NTHREADS; i++) {
		pthread_join(t[i], NULL);
		printf("thread %d: %ld\n", i, jobs[i].sum);
		total += jobs[i].sum;
	}
	printf("total %ld, main thread's own %ld\n", total, per_thread);
	return 0;
}
