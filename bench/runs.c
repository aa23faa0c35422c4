/*
 * bench/runs.c: time a command the way a shell runs it (fork + execvp + waitpid), many
 * times, and print the median in microseconds. Used by bench/run.sh, which interleaves
 * the commands it compares so that machine noise hits all of them alike.
 *
 *   runs N CMD [ARG...]      prints "median_us mean_us" over N runs; stdout of CMD -> /dev/null
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
	int n, status;
	double *t, sum = 0;

	if (argc < 3 || (n = atoi(argv[1])) <= 0) {
		fprintf(stderr, "usage: runs N CMD [ARG...]\n");
		return 2;
	}
	t = calloc(n, sizeof *t);
	if (!t)
		return 1;
	for (int i = 0; i < n; i++) {
		double start = now_us();
		pid_t pid = fork();

		if (pid < 0) {
			perror("runs: fork");
			return 1;
		}
		if (pid == 0) {
			int devnull = open("/dev/null", O_WRONLY);

			dup2(devnull, 1);
			execvp(argv[2], argv + 2);
			_exit(127);
		}
		if (waitpid(pid, &status, 0) < 0 || !WIFEXITED(status) || WEXITSTATUS(status) == 127) {
			fprintf(stderr, "runs: %s failed (status 0x%x)\n", argv[2], status);
			return 1;
		}
		t[i] = now_us() - start;
		sum += t[i];
	}
	qsort(t, n, sizeof *t, cmp_double);
	printf("%.1f %.1f\n", t[n / 2], sum / n);
	return 0;
}
