/*
 * tests/unit/test_event.c: event_classify() over wait statuses built as the kernel builds
 * them (ptrace(2), "Stopped states"): stopped = (sig << 8) | 0x7f, plus event << 16.
 */
#include <check.h>
#include <signal.h>
#include <sys/ptrace.h>
#include "tracer/engine/event.h"

static int stopped(int sig, int event)
{
	return (event << 16) | (sig << 8) | 0x7f;
}

START_TEST(kinds)
{
	ck_assert_int_eq(event_classify(0), EVT_EXITED);
	ck_assert_int_eq(event_classify(3 << 8), EVT_EXITED);
	ck_assert_int_eq(event_classify(SIGTERM), EVT_KILLED);
	ck_assert_int_eq(event_classify(SIGSEGV | 0x80), EVT_KILLED);	/* core dumped */
	ck_assert_int_eq(event_classify(stopped(SIGTRAP | 0x80, 0)), EVT_SYSCALL);
	ck_assert_int_eq(event_classify(stopped(SIGTRAP, PTRACE_EVENT_SECCOMP)), EVT_SYSCALL);
	ck_assert_int_eq(event_classify(stopped(SIGCHLD, 0)), EVT_SIGNAL);
	ck_assert_int_eq(event_classify(stopped(SIGTRAP, 0)), EVT_SIGNAL);	/* a real SIGTRAP */
	ck_assert_int_eq(event_classify(stopped(SIGSTOP, 0)), EVT_SIGNAL);	/* delivery, not yet a stop */
	ck_assert_int_eq(event_classify(stopped(SIGSTOP, PTRACE_EVENT_STOP)), EVT_GROUP_STOP);
	ck_assert_int_eq(event_classify(stopped(SIGTSTP, PTRACE_EVENT_STOP)), EVT_GROUP_STOP);
	ck_assert_int_eq(event_classify(stopped(SIGTTIN, PTRACE_EVENT_STOP)), EVT_GROUP_STOP);
	ck_assert_int_eq(event_classify(stopped(SIGTTOU, PTRACE_EVENT_STOP)), EVT_GROUP_STOP);
	ck_assert_int_eq(event_classify(stopped(SIGTRAP, PTRACE_EVENT_STOP)), EVT_TRAP);
	ck_assert_int_eq(event_classify(stopped(SIGTRAP, PTRACE_EVENT_FORK)), EVT_NEWCHILD);
	ck_assert_int_eq(event_classify(stopped(SIGTRAP, PTRACE_EVENT_VFORK)), EVT_NEWCHILD);
	ck_assert_int_eq(event_classify(stopped(SIGTRAP, PTRACE_EVENT_CLONE)), EVT_NEWCHILD);
	ck_assert_int_eq(event_classify(stopped(SIGTRAP, PTRACE_EVENT_EXEC)), EVT_EXEC);
	ck_assert_int_eq(event_classify(stopped(SIGTRAP, PTRACE_EVENT_VFORK_DONE)), EVT_OTHER_EVENT);
	ck_assert_int_eq(event_classify(stopped(SIGTRAP, PTRACE_EVENT_EXIT)), EVT_OTHER_EVENT);
}
END_TEST

Suite *make_event_suite(void)
{
	Suite *s = suite_create("tracer_event");
	TCase *tc = tcase_create("classify");

	tcase_add_test(tc, kinds);
	suite_add_tcase(s, tc);
	return s;
}
