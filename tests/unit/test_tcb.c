/*
 * tests/unit/test_tcb.c: the tracee table: find/new/drop/rekey, reuse of dropped
 * entries, and many short-lived entries sharing buckets.
 */
#include <check.h>
#include "tracer/engine/tcb.h"

static void count_cb(struct tcb *t, void *arg)
{
	(void)t;
	++*(int *)arg;
}

static void drop_cb(struct tcb *t, void *arg)
{
	(void)arg;
	tcb_drop(t);
}

START_TEST(find_new_drop)
{
	struct tcb *a = tcb_new(100), *b = tcb_new(100 + 1024);	/* same bucket */
	int n = 0;

	ck_assert_ptr_eq(tcb_find(100), a);
	ck_assert_ptr_eq(tcb_find(1124), b);
	ck_assert_ptr_null(tcb_find(101));
	ck_assert_int_eq(tcb_count(), 2);
	tcb_rekey(b, 7);
	ck_assert_ptr_null(tcb_find(1124));
	ck_assert_ptr_eq(tcb_find(7), b);
	tcb_drop(a);
	ck_assert_ptr_null(tcb_find(100));
	ck_assert_ptr_eq(tcb_new(200), a);	/* reused from the free list */
	tcb_foreach(count_cb, &n);
	ck_assert_int_eq(n, 2);
	tcb_foreach(drop_cb, NULL);
	ck_assert_int_eq(tcb_count(), 0);
}
END_TEST

/* TCB_SILENT tracees (followed only for the seccomp filter) do not count as shown. */
START_TEST(silent_count)
{
	struct tcb *a = tcb_new(500), *b = tcb_new(501), *c = tcb_new(502);
	int before = tcb_count();

	ck_assert_int_eq(tcb_count_shown(), before);
	tcb_set_silent(b, 1);
	tcb_set_silent(b, 1);	/* idempotent */
	tcb_set_silent(c, 1);
	ck_assert_int_eq(tcb_count_shown(), before - 2);
	ck_assert(b->flags & TCB_SILENT);
	tcb_set_silent(c, 0);
	ck_assert_int_eq(tcb_count_shown(), before - 1);
	tcb_drop(b);		/* dropping a silent one forgets it as silent */
	ck_assert_int_eq(tcb_count_shown(), tcb_count());
	tcb_drop(a);
	tcb_drop(c);
}
END_TEST

START_TEST(many_short_lived)
{
	for (int round = 0; round < 10; round++) {
		for (pid_t p = 1; p <= 2000; p++)
			ck_assert_ptr_nonnull(tcb_new(p + round * 2000));
		for (pid_t p = 1; p <= 2000; p++) {
			struct tcb *t = tcb_find(p + round * 2000);

			ck_assert_ptr_nonnull(t);
			ck_assert_int_eq(t->pid, p + round * 2000);
			ck_assert_uint_eq(t->flags, 0);
			tcb_drop(t);
		}
	}
	ck_assert_int_eq(tcb_count(), 0);
}
END_TEST

Suite *make_tcb_suite(void)
{
	Suite *s = suite_create("tracer_tcb");
	TCase *tc = tcase_create("table");

	/* Check's default of 4 s is a speed test on a loaded machine (under the sanitizers,
	 * with other builds running); a table that never finds its entry still fails. */
	tcase_set_timeout(tc, 60);

	tcase_add_test(tc, find_new_drop);
	tcase_add_test(tc, many_short_lived);
	tcase_add_test(tc, silent_count);
	suite_add_tcase(s, tc);
	return s;
}
