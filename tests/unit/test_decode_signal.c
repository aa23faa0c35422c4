/* tests/unit/test_decode_signal.c: signal decoders and decode_siginfo() (tracer/decode/signal.c). */
#include <check.h>
#include <signal.h>
#include <string.h>
#include <linux/audit.h>
#include "tests/unit/test_decode_util.h"

static void setup(void)
{
	fake_reset();
}

START_TEST(test_rt_sigaction)
{
	uint64_t act[4] = { 0, 0x14000000, 0x7f3e397f7050, 0 };
	uint64_t old[4] = { 0, 0, 0, 0 };
	uint64_t a = fake_put(act, sizeof act), o = fake_put(old, sizeof old);

	ck_assert_str_eq(decode_call_entry(X64, "rt_sigaction", A(SIGCHLD, a, o, 8), 32),
			 "rt_sigaction(SIGCHLD, {sa_handler=SIG_DFL, sa_mask=[], "
			 "sa_flags=SA_RESTORER|SA_RESTART, sa_restorer=0x7f3e397f7050}");
	ck_assert_str_eq(decode_call(X64, "rt_sigaction", A(SIGCHLD, a, o, 8), 0, 0, 32),
			 "rt_sigaction(SIGCHLD, {sa_handler=SIG_DFL, sa_mask=[], "
			 "sa_flags=SA_RESTORER|SA_RESTART, sa_restorer=0x7f3e397f7050}, "
			 "{sa_handler=SIG_DFL, sa_mask=[], sa_flags=0}, 8) = 0");
	act[0] = 0x5603a5182459;
	act[1] = 0x04000000 | 0x08000000 | 0x40000000 | 0x80000000 | 4;
	act[3] = 1ULL << (SIGINT - 1) | 1ULL << (34 - 1);
	a = fake_put(act, sizeof act);
	ck_assert_str_eq(decode_call(X64, "rt_sigaction", A(SIGUSR1, a, 0, 8), 0, 0, 32),
			 "rt_sigaction(SIGUSR1, {sa_handler=0x5603a5182459, sa_mask=[INT RT_2], "
			 "sa_flags=SA_RESTORER|SA_ONSTACK|SA_NODEFER|SA_RESETHAND|SA_SIGINFO, "
			 "sa_restorer=0x7f3e397f7050}, NULL, 8) = 0");
	/* i386: 4-byte handler, flags and restorer. */
	{
		uint32_t a32[5] = { 1, 0, 0, 0, 0 };
		uint64_t p = fake_put(a32, sizeof a32);

		ck_assert_str_eq(decode_call(I386, "rt_sigaction", A(SIGPIPE, p, 0, 8), 0, 0, 32),
				 "rt_sigaction(SIGPIPE, {sa_handler=SIG_IGN, sa_mask=[], sa_flags=0}, NULL, 8) = 0");
	}
}
END_TEST

START_TEST(test_rt_sigprocmask)
{
	uint64_t empty = 0, chld = 1ULL << (SIGCHLD - 1), all = ~0ULL;
	uint64_t e = fake_put(&empty, 8), c = fake_put(&chld, 8), f = fake_put(&all, 8);

	ck_assert_str_eq(decode_call(X64, "rt_sigprocmask", A(0, 0, e, 8), 0, 0, 32),
			 "rt_sigprocmask(SIG_BLOCK, NULL, [], 8) = 0");
	ck_assert_str_eq(decode_call(X64, "rt_sigprocmask", A(2, c, 0, 8), 0, 0, 32),
			 "rt_sigprocmask(SIG_SETMASK, [CHLD], NULL, 8) = 0");
	ck_assert_str_eq(decode_call(X64, "rt_sigprocmask", A(0, f, e, 8), 0, 0, 32),
			 "rt_sigprocmask(SIG_BLOCK, ~[], [], 8) = 0");
	ck_assert_str_eq(decode_call(X64, "rt_sigprocmask", A(7, 0, 0, 8), -22, 1, 32),
			 "rt_sigprocmask(0x7 /* SIG_??? */, NULL, NULL, 8) = -1 EINVAL (Invalid argument)");
}
END_TEST

START_TEST(test_sigaltstack_and_kill)
{
	uint64_t ss[3] = { 0x7ffef4e4fe70, 0, 16384 }, dis[3] = { 0, 2, 0 };
	uint64_t s = fake_put(ss, sizeof ss), d = fake_put(dis, sizeof dis);

	ck_assert_str_eq(decode_call(X64, "sigaltstack", A(s, 0), 0, 0, 32),
			 "sigaltstack({ss_sp=0x7ffef4e4fe70, ss_flags=0, ss_size=16384}, NULL) = 0");
	ck_assert_str_eq(decode_call(X64, "sigaltstack", A(0, d), 0, 0, 32),
			 "sigaltstack(NULL, {ss_sp=NULL, ss_flags=SS_DISABLE, ss_size=0}) = 0");
	ck_assert_str_eq(decode_call(X64, "kill", A(4141, SIGKILL), 0, 0, 32),
			 "kill(4141, SIGKILL) = 0");
	ck_assert_str_eq(decode_call(X64, "tgkill", A(4132, 4132, 0), 0, 0, 32),
			 "tgkill(4132, 4132, 0) = 0");
	ck_assert_str_eq(decode_call(X64, "rt_sigreturn", A(0), 0, 0, 32), "rt_sigreturn() = 0");
}
END_TEST

START_TEST(test_rt_sigreturn_mask_from_frame)
{
	unsigned char frame[512];
	uint64_t mask = 1ULL << (SIGCHLD - 1), base, sp;
	struct call c;
	char buf[128];
	struct strbuf sb;

	ck_assert_int_eq(sysent_init(), 0);
	memset(frame, 0, sizeof frame);
	memcpy(frame + 304, &mask, sizeof mask);	/* x86_64: uc.uc_sigmask */
	base = fake_put(frame, sizeof frame);
	sp = base + 8;					/* the handler's ret popped pretcode */
	memset(&c, 0, sizeof c);
	c.pers = X64;
	c.nr = sysent_lookup(X64, "rt_sigreturn");
	sb_init(&sb, buf, sizeof buf);
	decode_entry_sp(&sb, &c, &fake_mem, NULL, sp);
	decode_exit(&sb, &c, &fake_mem, NULL);
	ck_assert_str_eq(buf, "rt_sigreturn({mask=[CHLD]}) = 0");
	/* i386: the mask is 252 bytes into the frame, which starts 4 bytes below sp. */
	memset(frame, 0, sizeof frame);
	memcpy(frame + 252, &mask, sizeof mask);
	base = fake_put(frame, sizeof frame);
	c.pers = I386;
	c.nr = sysent_lookup(I386, "rt_sigreturn");
	c.decoder_state = 0;
	sb_init(&sb, buf, sizeof buf);
	decode_entry_sp(&sb, &c, &fake_mem, NULL, base + 4);
	decode_exit(&sb, &c, &fake_mem, NULL);
	ck_assert_str_eq(buf, "rt_sigreturn({mask=[CHLD]}) = 0");
}
END_TEST

static const char *siginfo_line(const siginfo_t *si)
{
	static char buf[256];
	struct strbuf sb;

	sb_init(&sb, buf, sizeof buf);
	decode_siginfo(&sb, si);
	return buf;
}

START_TEST(test_siginfo)
{
	siginfo_t si;

	memset(&si, 0, sizeof si);
	si.si_signo = SIGCHLD;
	si.si_code = CLD_EXITED;
	si.si_pid = 8436;
	ck_assert_str_eq(siginfo_line(&si), "SIGCHLD {si_signo=SIGCHLD, si_code=CLD_EXITED, "
			 "si_pid=8436, si_uid=0, si_status=0, si_utime=0, si_stime=0}");
	si.si_code = CLD_KILLED;
	si.si_status = SIGKILL;
	ck_assert_str_eq(siginfo_line(&si), "SIGCHLD {si_signo=SIGCHLD, si_code=CLD_KILLED, "
			 "si_pid=8436, si_uid=0, si_status=SIGKILL, si_utime=0, si_stime=0}");
	memset(&si, 0, sizeof si);
	si.si_signo = SIGTERM;
	si.si_code = SI_USER;
	si.si_pid = 581;
	ck_assert_str_eq(siginfo_line(&si),
			 "SIGTERM {si_signo=SIGTERM, si_code=SI_USER, si_pid=581, si_uid=0}");
	si.si_code = SI_TKILL;
	ck_assert_str_eq(siginfo_line(&si),
			 "SIGTERM {si_signo=SIGTERM, si_code=SI_TKILL, si_pid=581, si_uid=0}");
	memset(&si, 0, sizeof si);
	si.si_signo = SIGSEGV;
	si.si_code = SEGV_MAPERR;
	si.si_addr = (void *)0x10;
	ck_assert_str_eq(siginfo_line(&si),
			 "SIGSEGV {si_signo=SIGSEGV, si_code=SEGV_MAPERR, si_addr=0x10}");
	si.si_code = SI_KERNEL;
	si.si_addr = NULL;
	ck_assert_str_eq(siginfo_line(&si),
			 "SIGSEGV {si_signo=SIGSEGV, si_code=SI_KERNEL, si_addr=NULL}");
	memset(&si, 0, sizeof si);
	si.si_signo = SIGALRM;
	si.si_code = SI_KERNEL;
	ck_assert_str_eq(siginfo_line(&si), "SIGALRM {si_signo=SIGALRM, si_code=SI_KERNEL}");
}
END_TEST

START_TEST(test_siginfo_sigsys)
{
	siginfo_t si;

	ck_assert_int_eq(sysent_init(), 0);
	memset(&si, 0, sizeof si);
	si.si_signo = SIGSYS;
	si.si_code = 1;
	si.si_call_addr = (void *)0x401000;
	si.si_syscall = 39;
	si.si_arch = AUDIT_ARCH_X86_64;
	ck_assert_str_eq(siginfo_line(&si), "SIGSYS {si_signo=SIGSYS, si_code=SYS_SECCOMP, "
			 "si_call_addr=0x401000, si_syscall=__NR_getpid, si_arch=AUDIT_ARCH_X86_64}");
}
END_TEST

Suite *make_decode_signal_suite(void)
{
	Suite *s = suite_create("decode_signal");
	TCase *tc = tcase_create("core");

	tcase_add_checked_fixture(tc, setup, NULL);
	tcase_add_test(tc, test_rt_sigaction);
	tcase_add_test(tc, test_rt_sigprocmask);
	tcase_add_test(tc, test_sigaltstack_and_kill);
	tcase_add_test(tc, test_rt_sigreturn_mask_from_frame);
	tcase_add_test(tc, test_siginfo);
	tcase_add_test(tc, test_siginfo_sigsys);
	suite_add_tcase(s, tc);
	return s;
}
