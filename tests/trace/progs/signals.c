/*
 * tests/trace/progs/signals.c: signal behaviour that must be the same under trace.
 * Usage: signals MODE
 *   usr1   a SIGUSR1 handler runs; prints "usr1 handled"
 *   alarm  SIGALRM (SA_RESTART) interrupts a blocking read, which restarts and gets the
 *          byte the handler wrote; prints "read 1 after alarm"
 *   segv   dereferences NULL (killed by SIGSEGV)
 *   ticks  prints a tick every 20 ms, 60 ticks (for the SIGSTOP/SIGCONT test)
 */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

static volatile sig_atomic_t got;
static int pipefd[2];

static void on_usr1(int sig)
{
	got = sig;
}

static void on_alarm(int sig)
{
	got = sig;
	(void)!write(pipefd[1], "x", 1);
}

int main(int argc, char **argv)
{
	const char *mode = argc > 1 ? argv[1] : "";
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sigemptyset(&sa.sa_mask);
	if (!strcmp(mode, "usr1")) {
		sa.sa_handler = on_usr1;
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
	if (!strcmp(mode, "tstp")) {	/* a SIGTSTP handler, then ticks */
		struct timespec ts = { 0, 20000000 };

		sa.sa_handler = on_usr1;
		sigaction(SIGTSTP, &sa, NULL);
		for (int i = 0; i < 60; i++)
			nanosleep(&ts, NULL);
		printf("tstp %s\n", got == SIGTSTP ? "handled" : "lost");
		return got == SIGTSTP ? 0 : 1;
	}
	if (!strcmp(mode, "ticks")) {
		struct timespec ts = { 0, 20000000 };

		setvbuf(stdout, NULL, _IOLBF, 0);
		for (int i = 0; i < 60; i++) {
			printf("tick %d\n", i);
			nanosleep(&ts, NULL);
		}
		return 0;
	}
	return 2;
}
