/*
 * tests/progs/tls.c: thread-local storage with an initialised image (.tdata) and a zero
 * part (.tbss), read in the main thread and in a second thread: the TLS block is built by
 * libc from the PT_TLS the loader must leave where AT_PHDR says it is.
 */
#include <pthread.h>
#include <stdio.h>

static __thread int tls_init = 0x1234;
static __thread long tls_init_array[8] = { 1, 2, 3, 4, 5, 6, 7, 8 };
static __thread char tls_zero[5000];

static void report(const char *who)
{
	long sum = 0;
	int nonzero = 0;

	for (int i = 0; i < 8; i++)
		sum += tls_init_array[i];
	for (size_t i = 0; i < sizeof tls_zero; i++)
		nonzero += tls_zero[i] != 0;
	printf("%s: tls_init %#x, array sum %ld, tbss %zu bytes, %d non-zero\n", who, tls_init,
	       sum, sizeof tls_zero, nonzero);
	tls_init++;
	tls_zero[0] = 1;
}

static void *thread(void *arg)
{
	(void)arg;
	report("thread");
	return NULL;
}

int main(void)
{
	pthread_t t;

	report("main");
	if (pthread_create(&t, NULL, thread, NULL) != 0 || pthread_join(t, NULL) != 0) {
		printf("pthread failed\n");
		return 1;
	}
	printf("main again: tls_init %#x, tbss[0] %d\n", tls_init, tls_zero[0]);
	return 0;
}
