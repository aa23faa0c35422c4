/*
 * tests/trace/progs/signals.c: signal behaviour that must be the same under trace.
 * Usage: signals MODE
 *   usr1   a SIGUSR1 handler runs; prints "usr1 handled"
 *   alarm  SIGALRM (SA_RESTART) interrupts a blocking read, which restarts and gets the
 *          byte the handler wrote; prints "read 1 after alarm"
 *   segv   dereferences NULL (killed by SIGSEGV)
 *   tstp [GATE]
 *          a SIGTSTP handler, then 60 sleeps of 20 ms; prints "tstp handled". With GATE:
 *          prints "ready" once the handler is in place, sleeps until SIGTSTP comes (60 s at
 *          most), prints "tstp handled", then waits for GATE before exiting
 *   ticks [GATE]
 *          prints a tick every 20 ms, 60 ticks (for the SIGSTOP/SIGCONT tests); with GATE,
 *          waits for GATE before tick 30, so a test can stop it while it still ticks
 *          however slowly the machine runs
 *   nap SECONDS
 *          one nanosleep of SECONDS that only SIGUSR1 may end early (it has a handler);
 *          exits 0 if the call slept its full time or ended by that signal, 1 otherwise
 * GATE is a file a test creates when the program may go on (checked every 20 ms, 60 s at
 * most: a program whose test died does not linger).
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

static volatile sig_atomic_t got;
static int pipefd[2];

static void on_signal(int sig)
{
	got = sig;
}

static void on_alarm(int sig)
{
	got = sig;
	(void)!write(pipefd[1], "x", 1);
}

static void sleep_ms(long ms)
{
	struct timespec ts = { ms / 1000, ms % 1000 * 1000000 };

	nanosleep(&ts, NULL);
}

static void wait_for(const char *gate)
{
	for (int i = 0; i < 3000 && access(gate, F_OK) != 0; i++)
		sleep_ms(20);
}

int main(int argc, char **argv)
{
	const char *mode = argc > 1 ? argv[1] : "";
	const char *gate = argc > 2 ? argv[2] : NULL;
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sigemptyset(&sa.sa_mask);
	if (!strcmp(mode, "usr1")) {
		sa.sa_handler = on_signal;
		sigaction(SIGUSR1, &sa, NULL);
		kill(getpid(), SIGUSR1);
		printf("usr1 %s\n", got == SIGUSR1 ? "handled" : "lost");
		return got == SIGUSR1 ? 0 : 1;
	}
	if (!strcmp(mode, "alarm")) {
		struct itimerval it = { { 0, 0 }, { 0, 100000 } };
		char c;
		ssize_t n;

		if (pipe(pipefd))
			return 2;
		sa.sa_handler = on_alarm;
		sa.sa_flags = SA_RESTART;
		sigaction(SIGALRM, &sa, NULL);
		setitimer(ITIMER_REAL, &it, NULL);
		n = read(pipefd[0], &c, 1);
		printf("read %zd after %s\n", n, got == SIGALRM ? "alarm" : "nothing");
		return n == 1 && got == SIGALRM ? 0 : 1;
	}
	if (!strcmp(mode, "segv")) {
		volatile int *p = NULL;

		return *p;
	}
	if (!strcmp(mode, "tstp")) {
		sa.sa_handler = on_signal;
		sigaction(SIGTSTP, &sa, NULL);
		setvbuf(stdout, NULL, _IOLBF, 0);
		if (gate) {
			printf("ready\n");
			for (int i = 0; i < 3000 && !got; i++)
				sleep_ms(20);
		} else {
			for (int i = 0; i < 60; i++)
				sleep_ms(20);
		}
		printf("tstp %s\n", got == SIGTSTP ? "handled" : "lost");
		if (gate)
			wait_for(gate);
		return got == SIGTSTP ? 0 : 1;
	}
	if (!strcmp(mode, "ticks")) {
		setvbuf(stdout, NULL, _IOLBF, 0);
		for (int i = 0; i < 60; i++) {
			if (i == 30 && gate)
				wait_for(gate);
			printf("tick %d\n", i);
			sleep_ms(20);
		}
		return 0;
	}
	if (!strcmp(mode, "nap")) {
		long secs = argc > 2 ? atol(argv[2]) : 60;
		struct timespec ts = { secs, 0 }, t0, t1;
		int r;

		sa.sa_handler = on_signal;
		sigaction(SIGUSR1, &sa, NULL);
		clock_gettime(CLOCK_MONOTONIC, &t0);
		r = nanosleep(&ts, NULL);
		clock_gettime(CLOCK_MONOTONIC, &t1);
		if (r == 0 && t1.tv_sec - t0.tv_sec + (t1.tv_nsec - t0.tv_nsec) / 1e9 >= secs)
			return 0;
		if (r < 0 && errno == EINTR && got == SIGUSR1)
			return 0;
		fprintf(stderr, "nap: nanosleep ended early (%s)\n",
			r == 0 ? "returned 0" : strerror(errno));
		return 1;
	}
	return 2;
}
