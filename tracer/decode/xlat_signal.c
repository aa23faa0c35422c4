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

/* struct sigevent's sigev_notify. */
const struct xlat xlat_sigev_notify[] = {
	XLAT(SIGEV_SIGNAL), XLAT(SIGEV_NONE), XLAT(SIGEV_THREAD), XLAT(SIGEV_THREAD_ID),
	XLAT_END
};

const struct xlat xlat_si_codes_generic[] = {
	XLAT(SI_USER), XLAT(SI_KERNEL), XLAT(SI_QUEUE), XLAT(SI_TIMER), XLAT(SI_MESGQ),
	XLAT(SI_ASYNCIO), XLAT(SI_SIGIO), XLAT(SI_TKILL), XLAT(SI_DETHREAD), XLAT(SI_ASYNCNL),
	XLAT_END
};

const struct xlat xlat_si_codes_chld[] = {
	XLAT(CLD_EXITED), XLAT(CLD_KILLED), XLAT(CLD_DUMPED), XLAT(CLD_TRAPPED),
	XLAT(CLD_STOPPED), XLAT(CLD_CONTINUED), XLAT_END
};

const struct xlat xlat_si_codes_segv[] = {
	XLAT(SEGV_MAPERR), XLAT(SEGV_ACCERR), XLAT(SEGV_BNDERR), XLAT(SEGV_PKUERR),
	XLAT(SEGV_ACCADI), XLAT(SEGV_ADIDERR), XLAT(SEGV_ADIPERR), XLAT(SEGV_MTEAERR),
	XLAT(SEGV_MTESERR), XLAT(SEGV_CPERR), XLAT_END
};

const struct xlat xlat_si_codes_bus[] = {
	XLAT(BUS_ADRALN), XLAT(BUS_ADRERR), XLAT(BUS_OBJERR), XLAT(BUS_MCEERR_AR),
	XLAT(BUS_MCEERR_AO), XLAT_END
};

const struct xlat xlat_si_codes_ill[] = {
	XLAT(ILL_ILLOPC), XLAT(ILL_ILLOPN), XLAT(ILL_ILLADR), XLAT(ILL_ILLTRP),
	XLAT(ILL_PRVOPC), XLAT(ILL_PRVREG), XLAT(ILL_COPROC), XLAT(ILL_BADSTK),
	XLAT(ILL_BADIADDR), XLAT_END
};

const struct xlat xlat_si_codes_fpe[] = {
	XLAT(FPE_INTDIV), XLAT(FPE_INTOVF), XLAT(FPE_FLTDIV), XLAT(FPE_FLTOVF),
	XLAT(FPE_FLTUND), XLAT(FPE_FLTRES), XLAT(FPE_FLTINV), XLAT(FPE_FLTSUB),
	XLAT(FPE_FLTUNK), XLAT(FPE_CONDTRAP), XLAT_END
};

const struct xlat xlat_si_codes_trap[] = {
	XLAT(TRAP_BRKPT), XLAT(TRAP_TRACE), XLAT(TRAP_BRANCH), XLAT(TRAP_HWBKPT),
	XLAT(TRAP_UNK), XLAT(TRAP_PERF), XLAT_END
};

const struct xlat xlat_si_codes_poll[] = {
	XLAT(POLL_IN), XLAT(POLL_OUT), XLAT(POLL_MSG), XLAT(POLL_ERR), XLAT(POLL_PRI),
	XLAT(POLL_HUP), XLAT_END
};

const struct xlat xlat_si_codes_sys[] = {
	XLAT(SYS_SECCOMP), XLAT(SYS_USER_DISPATCH), XLAT_END
};
