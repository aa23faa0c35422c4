/*
 * tracer/engine/signals.c: trace's own signals during a run (see signals.h).
 */
#include <signal.h>
#include <stddef.h>
#include <string.h>
#include <unistd.h>
#include "tracer/engine/event.h"
#include "tracer/engine/signals.h"

/* SIGCHLD, SIGINT, SIGQUIT as trace was started: what the program gets. */
static const int kept[] = { SIGCHLD, SIGINT, SIGQUIT };
static struct sigaction orig_sig[3];
static int saved;

void signals_save_original(void)
{
	if (saved++)
		return;
	for (size_t i = 0; i < 3; i++)
		sigaction(kept[i], NULL, &orig_sig[i]);
}

void signals_restore_original(void)
{
	for (size_t i = 0; i < 3; i++)
		sigaction(kept[i], &orig_sig[i], NULL);
}

static void on_fatal(int sig)
{
	event_interrupt(sig);
	/*
	 * If sig came between the loop's check and its wait4, wait4 would sleep on; a SIGALRM
	 * a second later interrupts it (EINTR) so the loop sees the flag.
	 */
	alarm(1);
}

static void on_alarm(int sig)
{
	(void)sig;
}

static void on_job_stop(int sig)
{
	event_job_stop(sig);
}

static void install(int sig, void (*fn)(int))
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = fn;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = 0;	/* no SA_RESTART: wait4 must return EINTR */
	sigaction(sig, &sa, NULL);
}

void signals_install(int attaching)
{
	install(SIGTERM, on_fatal);
	install(SIGHUP, on_fatal);
	install(SIGALRM, on_alarm);
	if (attaching) {
		install(SIGINT, on_fatal);
		install(SIGQUIT, on_fatal);
	} else {
		/* Ctrl-C reaches the program's process group; the program decides, we follow. */
		signal(SIGINT, SIG_IGN);
		signal(SIGQUIT, SIG_IGN);
		/*
		 * Ctrl-Z: trace stops when the program does (tracer/engine/event.c). Not if trace
		 * was started with them ignored: the program inherits that (a handler is reset
		 * to the default by execve). Not SIGTTOU: trace's own writes to the terminal
		 * from a background job (stty tostop) raise it, and a caught SIGTTOU makes the
		 * kernel restart the write and raise it again for ever; trace must stop there.
		 */
		static const int stops[] = { SIGTSTP, SIGTTIN };

		for (size_t i = 0; i < sizeof(stops) / sizeof(stops[0]); i++) {
			struct sigaction cur;

			if (sigaction(stops[i], NULL, &cur) == 0 && cur.sa_handler != SIG_IGN) {
				memset(&cur, 0, sizeof(cur));
				cur.sa_handler = on_job_stop;
				sigemptyset(&cur.sa_mask);
				cur.sa_flags = SA_RESTART;	/* output writes go on */
				sigaction(stops[i], &cur, NULL);
			}
		}
	}
}
