/*
 * tracer/decode/xlat_signal.c: name tables of signals: sigprocmask, sigaction, sigaltstack.
 * Values from the headers by name (tracer/xlat.h's XLAT); table order is printing order.
 */
#include <linux/signal.h>
#include "tracer/xlat.h"
#include "tracer/decode/xlat_compat.h"

const struct xlat xlat_sigprocmask_how[] = {
	XLAT(SIG_BLOCK), XLAT(SIG_UNBLOCK), XLAT(SIG_SETMASK), XLAT_END
};

const struct xlat xlat_sa_flags[] = {
	XLAT(SA_RESTORER), XLAT(SA_ONSTACK), XLAT(SA_RESTART), XLAT(SA_NODEFER),
	XLAT(SA_RESETHAND), XLAT(SA_SIGINFO), XLAT(SA_NOCLDSTOP), XLAT(SA_NOCLDWAIT),
	XLAT(SA_UNSUPPORTED), XLAT(SA_EXPOSE_TAGBITS), XLAT_END
};

const struct xlat xlat_sa_handler[] = {
	XLAT(SIG_DFL), XLAT(SIG_IGN), XLAT_END
};

const struct xlat xlat_ss_flags[] = {
	XLAT(SS_ONSTACK), XLAT(SS_DISABLE), XLAT(SS_AUTODISARM), XLAT_END
};
