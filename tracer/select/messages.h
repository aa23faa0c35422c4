/*
 * tracer/select/messages.h: which of trace's own lines are shown, strace's way:
 *   -e signal=[!]LIST   the signals whose "--- SIG... ---", "--- stopped by SIG... ---" and
 *                       "+++ killed by SIG... +++" lines are printed: names (SIGUSR1 or
 *                       USR1, any case), numbers, `all`, `none`; `!` negates the list
 *   -e quiet=[!]LIST    (also silent=, silence=, q=) the messages left out: attach
 *                       ("Process N attached/detached"), exit ("+++ exited with N +++"),
 *                       personality, path-resolution, thread-execve (also superseded:
 *                       "+++ superseded by execve in pid N +++"), `all`, `none`
 *   -q = quiet=attach,personality; -qq adds exit; -qqq = quiet=all
 */
#ifndef EXECLAB_MESSAGES_H
#define EXECLAB_MESSAGES_H

#include <stdint.h>
#include "tracer/engine/syscall.h"	/* the quiet bits */


/* The quiet set of -q given n times. */
unsigned messages_quiet_level(int n);

/* quiet=LIST (what follows the '='): sets *set. 0 or -EINVAL. */
int messages_parse_quiet(const char *list, unsigned *set);

/* signal=LIST: sets *hidden, bit sig-1 for each signal whose lines are left out. 0 or -EINVAL. */
int messages_parse_signals(const char *list, uint64_t *hidden);

#endif
