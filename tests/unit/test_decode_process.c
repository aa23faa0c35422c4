/* tests/unit/test_decode_process.c: decoders of tracer/decode/process.c, hex fallback, results. */
#define _GNU_SOURCE
#include <check.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sched.h>
#include <string.h>
#include <sys/personality.h>
#include <sys/wait.h>
#include <unistd.h>
#include "tests/unit/test_decode_util.h"

static void setup(void)
{
	fake_reset();
}

START_TEST(test_execve_argv_envp)
{
	uint64_t path = fake_str("/usr/bin/ls");
	uint64_t argv[4] = { fake_str("ls"), fake_str("-la"), fake_str("/"), 0 };
	uint64_t envp[3] = { fake_str("A=1"), fake_str("B=2"), 0 };
	uint64_t a = fake_put(argv, sizeof argv), e = fake_put(envp, sizeof envp);
	char want[256];

	snprintf(want, sizeof want,
		 "execve(\"/usr/bin/ls\", [\"ls\", \"-la\", \"/\"], %#llx /* 2 vars */) = 0",
		 (unsigned long long)e);
	ck_assert_str_eq(decode_call(X64, "execve", A(path, a, e), 0, 0, 32), want);
	ck_assert_str_eq(decode_call(X64, "execve", A(path, a, 0), -2, 1, 32),
			 "execve(\"/usr/bin/ls\", [\"ls\", \"-la\", \"/\"], NULL) = -1 ENOENT (No such file or directory)");
	/* -s 2 limits both the strings and the number of elements. */
	ck_assert_str_eq(decode_call(X64, "execve", A(path, a, 0), 0, 0, 2),
			 "execve(\"/usr/bin/ls\", [\"ls\", \"-l\"..., ...], NULL) = 0");
	ck_assert_str_eq(decode_call(X64, "execve", A(path, a, 0), 0, 0, 0),
			 "execve(\"/usr/bin/ls\", [...], NULL) = 0");
}
END_TEST

/* execveat's flags include AT_EXECVE_CHECK (Linux 6.14), named as a newer strace names it. */
START_TEST(test_execveat_flags)
{
	uint64_t empty = fake_str("");

	ck_assert_str_eq(decode_call(X64, "execveat", A(-1, empty, 0, 0, 0x10000), -2, 1, 32),
			 "execveat(-1, \"\", NULL, NULL, AT_EXECVE_CHECK) = -1 ENOENT (No such file or directory)");
	ck_assert_str_eq(decode_call(X64, "execveat", A(3, empty, 0, 0, 0x11000), 0, 0, 32),
			 "execveat(3, \"\", NULL, NULL, AT_EMPTY_PATH|AT_EXECVE_CHECK) = 0");
}
END_TEST

/* Many variables, read in windows of pointers; an array cut by unreadable memory. */
START_TEST(test_execve_many_vars)
{
	static uint64_t envp[301];
	uint64_t path = fake_str("/bin/true"), one = fake_str("X=1"), e, tail[2];
	char want[128];
	int i;

	for (i = 0; i < 300; i++)
		envp[i] = one;
	envp[300] = 0;
	e = fake_put(envp, sizeof envp);
	snprintf(want, sizeof want, "execve(\"/bin/true\", NULL, %#llx /* 300 vars */) = 0",
		 (unsigned long long)e);
	ck_assert_str_eq(decode_call(X64, "execve", A(path, 0, e), 0, 0, 32), want);
	/* No NULL before the end of readable memory: no count, like an unreadable array. */
	tail[0] = one;
	tail[1] = one;
	e = fake_put_at_end(tail, sizeof tail);
	snprintf(want, sizeof want, "execve(\"/bin/true\", NULL, %#llx) = 0", (unsigned long long)e);
	ck_assert_str_eq(decode_call(X64, "execve", A(path, 0, e), 0, 0, 32), want);
}
END_TEST

START_TEST(test_execve_i386_pointers)
{
	uint32_t argv[3] = { (uint32_t)fake_str("a"), (uint32_t)fake_str("b"), 0 };
	uint64_t a = fake_put(argv, sizeof argv), path = fake_str("/nonexist");

	ck_assert_str_eq(decode_call(I386, "execve", A(path, a, 0), -2, 1, 32),
			 "execve(\"/nonexist\", [\"a\", \"b\"], NULL) = -1 ENOENT (No such file or directory)");
}
END_TEST

START_TEST(test_clone)
{
	ck_assert_str_eq(decode_call_entry(X64, "clone", A(0x1200011, 0, 0, 0x7f3e397b8a10, 0), 32),
			 "clone(child_stack=NULL, flags=CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD");
	ck_assert_str_eq(decode_call(X64, "clone", A(0x1200011, 0, 0, 0x7f3e397b8a10, 0), 8436, 0, 32),
			 "clone(child_stack=NULL, flags=CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD, child_tidptr=0x7f3e397b8a10) = 8436");
	ck_assert_str_eq(decode_call(X64, "clone", A(0x11, 0, 0, 0, 0), 5, 0, 32),
			 "clone(child_stack=NULL, flags=SIGCHLD) = 5");
}
END_TEST

START_TEST(test_wait4)
{
	int status = 0, killed = 9;
	uint64_t s = fake_put(&status, sizeof status), k = fake_put(&killed, sizeof killed);

	ck_assert_str_eq(decode_call_entry(X64, "wait4", A((uint64_t)-1, s, 0, 0), 32), "wait4(-1");
	ck_assert_str_eq(decode_call(X64, "wait4", A((uint64_t)-1, s, 0, 0), 8436, 0, 32),
			 "wait4(-1, [{WIFEXITED(s) && WEXITSTATUS(s) == 0}], 0, NULL) = 8436");
	ck_assert_str_eq(decode_call(X64, "wait4", A(4141, k, 0, 0), 4141, 0, 32),
			 "wait4(4141, [{WIFSIGNALED(s) && WTERMSIG(s) == SIGKILL}], 0, NULL) = 4141");
	ck_assert_str_eq(decode_call(X64, "wait4", A(4143, 0x7ffe1510f3c0, 0x40000001, 0), 0, 0, 32),
			 "wait4(4143, 0x7ffe1510f3c0, WNOHANG|__WALL, NULL) = 0");
}
END_TEST

START_TEST(test_exit_noreturn)
{
	struct call c;
	char buf[64];
	struct strbuf sb;
	struct decode_opts o = { .strsize = 32 };

	ck_assert_int_eq(sysent_init(), 0);
	memset(&c, 0, sizeof c);
	c.pers = X64;
	c.nr = sysent_lookup(X64, "exit_group");
	sb_init(&sb, buf, sizeof buf);
	decode_entry(&sb, &c, &fake_mem, &o);
	decode_noreturn(&sb, &c);
	ck_assert_str_eq(buf, "exit_group(0) = ?");
}
END_TEST

START_TEST(test_startup_calls)
{
	uint64_t rl[2] = { 8192 * 1024, UINT64_MAX };
	uint64_t r = fake_put(rl, sizeof rl);
	uint64_t rnd = fake_put("\x9b\x01\xb2\xc1\xa6\xa7\x1a\xd5", 8);
	char want[160];

	ck_assert_str_eq(decode_call(X64, "arch_prctl", A(0x1002, 0x7ff0d12fe800), 0, 0, 32),
			 "arch_prctl(ARCH_SET_FS, 0x7ff0d12fe800) = 0");
	ck_assert_str_eq(decode_call(X64, "arch_prctl", A(0x3001, 0x7ffd0000), -22, 1, 32),
			 "arch_prctl(0x3001 /* ARCH_??? */, 0x7ffd0000) = -1 EINVAL (Invalid argument)");
	ck_assert_str_eq(decode_call(X64, "set_tid_address", A(0x7ff0d12fead0), 8431, 0, 32),
			 "set_tid_address(0x7ff0d12fead0) = 8431");
	ck_assert_str_eq(decode_call(X64, "set_robust_list", A(0x7ff0d12feae0, 24), 0, 0, 32),
			 "set_robust_list(0x7ff0d12feae0, 24) = 0");
	ck_assert_str_eq(decode_call(X64, "rseq", A(0x7ff0d12ff120, 0x20, 0, 0x53053053), 0, 0, 32),
			 "rseq(0x7ff0d12ff120, 0x20, 0, 0x53053053) = 0");
	snprintf(want, sizeof want, "prlimit64(0, RLIMIT_STACK, NULL, {rlim_cur=8192*1024, rlim_max=RLIM64_INFINITY}) = 0");
	ck_assert_str_eq(decode_call(X64, "prlimit64", A(0, 3, 0, r), 0, 0, 32), want);
	ck_assert_str_eq(decode_call(X64, "getrandom", A(rnd, 8, 1), 8, 0, 32),
			 "getrandom(\"\\x9b\\x01\\xb2\\xc1\\xa6\\xa7\\x1a\\xd5\", 8, GRND_NONBLOCK) = 8");
	ck_assert_str_eq(decode_call(X64, "futex", A(0x7ff0d156fa4c, 129, 2147483647), 0, 0, 32),
			 "futex(0x7ff0d156fa4c, FUTEX_WAKE_PRIVATE, 2147483647) = 0");
	ck_assert_str_eq(decode_call(X64, "futex", A(0x7f3e535d2990, 265, 4140, 0, 0, 0xffffffff),
				     0, 0, 32),
			 "futex(0x7f3e535d2990, FUTEX_WAIT_BITSET|FUTEX_CLOCK_REALTIME, 4140, NULL, FUTEX_BITSET_MATCH_ANY) = 0");
}
END_TEST

START_TEST(test_no_args_and_hex_fallback)
{
	ck_assert_str_eq(decode_call(X64, "getpid", A(0), 4132, 0, 32), "getpid() = 4132");
	ck_assert_str_eq(decode_call(X64, "getuid", A(0), 0, 0, 32), "getuid() = 0");
	/* No decoder: every argument in hex, as many as the call takes. */
	ck_assert_str_eq(decode_call(X64, "kexec_load", A(16, 0x7ffd1000), -1, 1, 32),
			 "kexec_load(0x10, 0x7ffd1000, 0, 0) = -1 EPERM (Operation not permitted)");
	ck_assert_str_eq(decode_call(X64, "io_setup", A(16, 0x7ffd1000), 0, 0, 32),
			 "io_setup(16, 0x7ffd1000) = 0");
	ck_assert_str_eq(decode_call(X64, "move_pages", A(1, 2, 3, 0, 5, 6), -38, 1, 32),
			 "move_pages(0x1, 0x2, 0x3, 0, 0x5, 0x6) = -1 ENOSYS (Function not implemented)");
	ck_assert_str_eq(decode_call(I386, "ipc", A(1, 2, 3, 4, 5, 0xffffffff), 0, 0, 32),
			 "ipc(0x1, 0x2, 0x3, 0x4, 0x5, 0xffffffff) = 0");
	/* Calls decoded from a signature: strace 6.1's lines for the same calls. */
	ck_assert_str_eq(decode_call(X64, "splice", A((uint64_t)-1, 0, (uint64_t)-1, 0, 0, 0),
				     -9, 1, 32),
			 "splice(-1, NULL, -1, NULL, 0, 0) = -1 EBADF (Bad file descriptor)");
	ck_assert_str_eq(decode_call(X64, "getresuid", A(0, 0, 0), -14, 1, 32),
			 "getresuid(NULL, NULL, NULL) = -1 EFAULT (Bad address)");
	ck_assert_str_eq(decode_call(X64, "timerfd_create", A(1, 0), 3, 0, 32),
			 "timerfd_create(CLOCK_MONOTONIC, 0) = 3");
}
END_TEST

START_TEST(test_unknown_number)
{
	struct call c;
	char buf[128];
	struct strbuf sb;

	ck_assert_int_eq(sysent_init(), 0);
	memset(&c, 0, sizeof c);
	c.pers = X64;
	c.nr = 400;	/* in the 335..423 gap */
	c.args[0] = 1;
	sb_init(&sb, buf, sizeof buf);
	decode_entry(&sb, &c, &fake_mem, NULL);
	c.rval = -38;
	c.is_error = 1;
	decode_exit(&sb, &c, &fake_mem, NULL);
	ck_assert_str_eq(buf, "syscall_0x190(0x1, 0, 0, 0, 0, 0) = -1 ENOSYS (Function not implemented)");
}
END_TEST

START_TEST(test_results)
{
	ck_assert_str_eq(decode_call(X64, "clock_nanosleep", A(0, 0, 0, 0), -516, 1, 32),
			 "clock_nanosleep(CLOCK_REALTIME, 0, NULL, NULL) = ? ERESTART_RESTARTBLOCK (Interrupted by signal)");
	ck_assert_str_eq(decode_call(X64, "pause", A(0), -514, 1, 32),
			 "pause() = ? ERESTARTNOHAND (To be restarted if no handler)");
	ck_assert_str_eq(decode_call(X64, "getpid", A(0), -4000, 1, 32),
			 "getpid() = -1 (errno 4000)");
	/* i386: results are 32-bit. */
	ck_assert_str_eq(decode_call(I386, "brk", A(0), 0x57000000, 0, 32), "brk(NULL) = 0x57000000");
	ck_assert_str_eq(decode_call(I386, "getpid", A(0), 0xffffffffULL, 0, 32), "getpid() = -1");
}
END_TEST

START_TEST(test_split_exit)
{
	struct call c;
	char a[128], r[64];
	struct strbuf sa, sr;

	ck_assert_int_eq(sysent_init(), 0);
	memset(&c, 0, sizeof c);
	c.pers = X64;
	c.nr = sysent_lookup(X64, "close");
	c.args[0] = 3;
	sb_init(&sa, a, sizeof a);
	sb_init(&sr, r, sizeof r);
	decode_entry(&sa, &c, &fake_mem, NULL);
	decode_exit_split(&sa, &sr, &c, &fake_mem, NULL);
	ck_assert_str_eq(a, "close(3)");
	ck_assert_str_eq(r, "= 0");
}
END_TEST

/* strace's split of an interrupted line: the ", " ends the entry half. */
START_TEST(test_unfinished_split)
{
	struct call c;
	char a[256];
	struct strbuf sb;
	int status = 0;
	uint64_t st = fake_put(&status, sizeof status);

	ck_assert_int_eq(sysent_init(), 0);
	memset(&c, 0, sizeof c);
	c.pers = X64;
	c.nr = sysent_lookup(X64, "wait4");
	c.args[0] = (uint64_t)-1;
	c.args[1] = st;
	sb_init(&sb, a, sizeof a);
	decode_entry(&sb, &c, &fake_mem, NULL);
	decode_unfinished(&sb, &c);
	ck_assert_str_eq(a, "wait4(-1, ");
	sb_reset(&sb);
	c.rval = 8436;
	decode_exit(&sb, &c, &fake_mem, NULL);
	ck_assert_str_eq(a, "[{WIFEXITED(s) && WEXITSTATUS(s) == 0}], 0, NULL) = 8436");
	/* All arguments known at entry: nothing to add. */
	memset(&c, 0, sizeof c);
	c.pers = X64;
	c.nr = sysent_lookup(X64, "exit_group");
	sb_reset(&sb);
	decode_entry(&sb, &c, &fake_mem, NULL);
	decode_unfinished(&sb, &c);
	ck_assert_str_eq(a, "exit_group(0");
	/* Nothing printed yet at entry (pipe): no separator either. */
	memset(&c, 0, sizeof c);
	c.pers = X64;
	c.nr = sysent_lookup(X64, "pipe");
	sb_reset(&sb);
	decode_entry(&sb, &c, &fake_mem, NULL);
	decode_unfinished(&sb, &c);
	ck_assert_str_eq(a, "pipe(");
	/* The exit half prints only the result's comment: no separator (strace's form). */
	memset(&c, 0, sizeof c);
	c.pers = X64;
	c.nr = sysent_lookup(X64, "fcntl");
	c.args[0] = 1;
	c.args[1] = F_GETFD;
	sb_reset(&sb);
	decode_entry(&sb, &c, &fake_mem, NULL);
	decode_unfinished(&sb, &c);
	ck_assert_str_eq(a, "fcntl(1, F_GETFD");
	sb_reset(&sb);
	decode_exit(&sb, &c, &fake_mem, NULL);
	ck_assert_str_eq(a, ") = 0");
}
END_TEST

/* An exit without its entry (attached mid-call): only the exit half, in the right format. */
START_TEST(test_exit_without_entry)
{
	struct call c;
	char a[128], r[64];
	struct strbuf sa, sr;
	uint64_t buf = fake_put("abc", 3);

	ck_assert_int_eq(sysent_init(), 0);
	memset(&c, 0, sizeof c);
	c.pers = X64;
	c.nr = sysent_lookup(X64, "read");
	c.args[0] = 0;
	c.args[1] = buf;
	c.args[2] = 1024;
	c.rval = 3;
	sb_init(&sa, a, sizeof a);
	sb_init(&sr, r, sizeof r);
	decode_exit_split(&sa, &sr, &c, &fake_mem, NULL);
	ck_assert_str_eq(a, "\"abc\", 1024)");
	ck_assert_str_eq(r, "= 3");
	memset(&c, 0, sizeof c);
	c.pers = X64;
	c.nr = sysent_lookup(X64, "mmap");
	c.rval = 0x7f0000000000;
	sb_init(&sa, a, sizeof a);
	sb_init(&sr, r, sizeof r);
	decode_exit_split(&sa, &sr, &c, &fake_mem, NULL);
	ck_assert_str_eq(a, ")");
	ck_assert_str_eq(r, "= 0x7f0000000000");
}
END_TEST

START_TEST(test_misc_process_calls)
{
	char u[2][65];
	int64_t ts[2] = { 1, 500 };
	uint64_t t, un;

	memset(u, 0, sizeof u);
	strcpy(u[0], "Linux");
	strcpy(u[1], "vm");
	un = fake_put(u, sizeof u);
	t = fake_put(ts, sizeof ts);
	ck_assert_str_eq(decode_call(X64, "uname", A(un), 0, 0, 32),
			 "uname({sysname=\"Linux\", nodename=\"vm\", ...}) = 0");
	ck_assert_str_eq(decode_call(X64, "clock_gettime", A(1, t), 0, 0, 32),
			 "clock_gettime(CLOCK_MONOTONIC, {tv_sec=1, tv_nsec=500}) = 0");
	ck_assert_str_eq(decode_call(X64, "nanosleep", A(t, 0), 0, 0, 32),
			 "nanosleep({tv_sec=1, tv_nsec=500}, NULL) = 0");
	ck_assert_str_eq(decode_call(X64, "prctl", A(3), 1, 0, 32), "prctl(PR_GET_DUMPABLE) = 1 (SUID_DUMP_USER)");
	ck_assert_str_eq(decode_call(X64, "prctl", A(15, fake_str("foo")), 0, 0, 32),
			 "prctl(PR_SET_NAME, \"foo\") = 0");
	ck_assert_str_eq(decode_call(X64, "prctl", A(38, 1, 0, 0, 0), 0, 0, 32),
			 "prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) = 0");
	ck_assert_str_eq(decode_call(X64, "exit_group", A(3), 0, 0, 32), "exit_group(3) = 0");
}
END_TEST

START_TEST(test_groups)
{
	uint32_t gids[3] = { 0, 4, 27 };
	uint64_t g = fake_put(gids, sizeof gids);

	/* strace 6.1 (id): getgroups(0, NULL) = 1, then getgroups(1, [0]) = 1 */
	ck_assert_str_eq(decode_call(X64, "getgroups", A(0, 0), 1, 0, 32), "getgroups(0, NULL) = 1");
	ck_assert_str_eq(decode_call(X64, "getgroups", A(0, g), 1, 0, 32), "getgroups(0, []) = 1");
	ck_assert_str_eq(decode_call(X64, "getgroups", A(3, g), 3, 0, 32),
			 "getgroups(3, [0, 4, 27]) = 3");
	ck_assert_str_eq(decode_call(X64, "setgroups", A(2, g), 0, 0, 32),
			 "setgroups(2, [0, 4]) = 0");
}
END_TEST

/* personality: the type by name, then flags; the query and the result's comment. */
/* sched_*, ioprio_* and times: policies and priorities by name, clock ticks in seconds. */
START_TEST(test_sched_ioprio_times)
{
	int zero = 0;
	int64_t tms64[4] = { 3, 0, 150, 0 };
	int32_t tms32[4] = { 0, 1, 0, 0 };
	uint64_t p;

	p = fake_put(&zero, sizeof zero);
	/* strace 6.1: sched_setscheduler(0, SCHED_BATCH, [0]) = 0 */
	ck_assert_str_eq(decode_call(X64, "sched_setscheduler", A(0, SCHED_BATCH, p), 0, 0, 32),
			 "sched_setscheduler(0, SCHED_BATCH, [0]) = 0");
	ck_assert_str_eq(decode_call(X64, "sched_setscheduler", A(0, 0x40000005, FAKE_UNREADABLE),
				     -EFAULT, 1, 32),
			 "sched_setscheduler(0, 0x40000005 /* SCHED_??? */, 0xdead0000) = -1 EFAULT (Bad address)");
	ck_assert_str_eq(decode_call(X64, "sched_getscheduler", A(0), 5, 0, 32),
			 "sched_getscheduler(0) = 5 (SCHED_IDLE)");
	ck_assert_str_eq(decode_call(I386, "sched_get_priority_min", A(SCHED_FIFO), 1, 0, 32),
			 "sched_get_priority_min(SCHED_FIFO) = 1");
	ck_assert_str_eq(decode_call(X64, "sched_getparam", A(0, 0), -EINVAL, 1, 32),
			 "sched_getparam(0, NULL) = -1 EINVAL (Invalid argument)");
	/* strace 6.1: ioprio_set(IOPRIO_WHO_PROCESS, 0, IOPRIO_PRIO_VALUE(IOPRIO_CLASS_IDLE, 7)) = 0 */
	ck_assert_str_eq(decode_call(X64, "ioprio_set", A(1, 0, (3 << 13) | 7), 0, 0, 32),
			 "ioprio_set(IOPRIO_WHO_PROCESS, 0, IOPRIO_PRIO_VALUE(IOPRIO_CLASS_IDLE, 7)) = 0");
	ck_assert_str_eq(decode_call(X64, "ioprio_get", A(3, 0), (1 << 13) | 4, 0, 32),
			 "ioprio_get(IOPRIO_WHO_USER, 0) = 8196 (IOPRIO_PRIO_VALUE(IOPRIO_CLASS_RT, 4))");
	/* ticks in seconds, with as many decimals as CLK_TCK (100 here) needs */
	if (sysconf(_SC_CLK_TCK) == 100) {
		p = fake_put(tms64, sizeof tms64);
		ck_assert_str_eq(decode_call(X64, "times", A(p), 42, 0, 32),
				 "times({tms_utime=3 /* 0.03 s */, tms_stime=0, tms_cutime=150 /* 1.50 s */, tms_cstime=0}) = 42");
		p = fake_put(tms32, sizeof tms32);
		ck_assert_str_eq(decode_call(I386, "times", A(p), 42, 0, 32),
				 "times({tms_utime=0, tms_stime=1 /* 0.01 s */, tms_cutime=0, tms_cstime=0}) = 42");
	}
	ck_assert_str_eq(decode_call(X64, "times", A(0), 42, 0, 32), "times(NULL) = 42");
	ck_assert_str_eq(decode_call(X64, "wait4", A(-1, 0, WUNTRACED | WCONTINUED, 0), 7, 0, 32),
			 "wait4(-1, NULL, WSTOPPED|WCONTINUED, NULL) = 7");
}
END_TEST

START_TEST(test_personality)
{
	/* strace 6.1: personality(0xffffffff) = 0 (PER_LINUX) */
	ck_assert_str_eq(decode_call(X64, "personality", A(0xffffffff), 0, 0, 32),
			 "personality(0xffffffff) = 0 (PER_LINUX)");
	/* strace 6.1: personality(PER_LINUX|ADDR_NO_RANDOMIZE) = 0x8 (PER_LINUX32) */
	ck_assert_str_eq(decode_call(X64, "personality", A(ADDR_NO_RANDOMIZE), 8, 0, 32),
			 "personality(PER_LINUX|ADDR_NO_RANDOMIZE) = 0x8 (PER_LINUX32)");
	/* strace 6.1: personality(0x55 /\* PER_??? *\/) = 0x10020000 (PER_LINUX|UNAME26|0x10000000) */
	ck_assert_str_eq(decode_call(X64, "personality", A(0x55), 0x10020000, 0, 32),
			 "personality(0x55 /* PER_??? */) = 0x10020000 (PER_LINUX|UNAME26|0x10000000)");
	/* the kernel takes an unsigned int: bits above 31 are not the persona's */
	ck_assert_str_eq(decode_call(I386, "personality", A(0x100000000ULL | PER_LINUX32), 0, 0, 32),
			 "personality(PER_LINUX32) = 0 (PER_LINUX)");
	ck_assert_str_eq(decode_call(X64, "personality", A(PER_LINUX), -EPERM, 1, 32),
			 "personality(PER_LINUX) = -1 EPERM (Operation not permitted)");
}
END_TEST

START_TEST(test_timers)
{
	struct { uint64_t value; int32_t signo, notify; uint64_t pad[6]; } ev = { 0, 14, 0, { 0 } };
	int64_t its[4] = { 0, 0, 1, 0 };
	int id = 0;
	uint64_t e = fake_put(&ev, sizeof ev), t = fake_put(its, sizeof its);
	uint64_t i = fake_put(&id, sizeof id);

	/* strace 6.1 (timeout 1 true) */
	ck_assert_str_eq(decode_call(X64, "timer_create", A(0, e, i), 0, 0, 32),
			 "timer_create(CLOCK_REALTIME, {sigev_signo=SIGALRM, sigev_notify=SIGEV_SIGNAL}, [0]) = 0");
	ck_assert_str_eq(decode_call(X64, "timer_settime", A(0, 0, t, 0), 0, 0, 32),
			 "timer_settime(0, 0, {it_interval={tv_sec=0, tv_nsec=0}, it_value={tv_sec=1, tv_nsec=0}}, NULL) = 0");
	ck_assert_str_eq(decode_call(X64, "setitimer", A(0, t, 0), 0, 0, 32),
			 "setitimer(ITIMER_REAL, {it_interval={tv_sec=0, tv_usec=0}, it_value={tv_sec=1, tv_usec=0}}, NULL) = 0");
}
END_TEST

Suite *make_decode_process_suite(void)
{
	Suite *s = suite_create("decode_process");
	TCase *tc = tcase_create("core");

	tcase_add_checked_fixture(tc, setup, NULL);
	tcase_add_test(tc, test_execve_argv_envp);
	tcase_add_test(tc, test_execveat_flags);
	tcase_add_test(tc, test_execve_many_vars);
	tcase_add_test(tc, test_execve_i386_pointers);
	tcase_add_test(tc, test_clone);
	tcase_add_test(tc, test_wait4);
	tcase_add_test(tc, test_exit_noreturn);
	tcase_add_test(tc, test_startup_calls);
	tcase_add_test(tc, test_no_args_and_hex_fallback);
	tcase_add_test(tc, test_unknown_number);
	tcase_add_test(tc, test_results);
	tcase_add_test(tc, test_split_exit);
	tcase_add_test(tc, test_exit_without_entry);
	tcase_add_test(tc, test_unfinished_split);
	tcase_add_test(tc, test_misc_process_calls);
	tcase_add_test(tc, test_groups);
	tcase_add_test(tc, test_timers);
	tcase_add_test(tc, test_personality);
	tcase_add_test(tc, test_sched_ioprio_times);
	suite_add_tcase(s, tc);
	return s;
}
