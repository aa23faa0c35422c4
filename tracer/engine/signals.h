/*
 * tracer/engine/signals.h: trace's own signals during a run. SIGTERM and SIGHUP (and, with
 * -p, Ctrl-C) end the run at the next event; without -p, Ctrl-C and Ctrl-\ are the
 * program's, and Ctrl-Z stops trace when it stops the program (tracer/engine/event.c).
 */
#ifndef EXECLAB_TRACER_SIGNALS_H
#define EXECLAB_TRACER_SIGNALS_H

/* Notes the dispositions trace was started with (once: later calls do nothing). */
void signals_save_original(void);

/* In a program trace starts, before its execve: the dispositions noted, as without trace. */
void signals_restore_original(void);

/* Installs trace's handlers for a run of a program it started, or attached to (-p). */
void signals_install(int attaching);

#endif
