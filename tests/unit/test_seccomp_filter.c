/*
 * tests/unit/test_seccomp_filter.c: the generated program (tracer/select/seccomp_filter.c), run
 * two ways: by a small classic-BPF interpreter below over chosen (arch, nr) pairs, and by
 * the kernel in a forked child (RET_TRACE with no tracer attached -> ENOSYS).
 */
#include <check.h>
#include <errno.h>
#include <signal.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <sys/user.h>
#include <sys/wait.h>
#include <linux/audit.h>
#include <linux/seccomp.h>
#include "tracer/select/seccomp_filter.h"

int unit_sysent_init(void);

static struct selection sel;
static struct seccomp_prog prog;

static void setup(void)
{
	ck_assert_int_eq(unit_sysent_init(), 0);
	ck_assert_int_eq(selection_init(&sel), 0);
	memset(&prog, 0, sizeof(prog));
}

static void teardown(void)
{
	seccomp_prog_free(&prog);
	selection_free(&sel);
}

static void select_and_compile(const char *expr)
{
	const char *bad;

	ck_assert_int_eq(selection_parse(&sel, expr, &bad), 0);
	ck_assert_int_eq(seccomp_filter_compile(&sel, &prog), 0);
	ck_assert_uint_gt(prog.len, 0);
}

/*
 * A classic-BPF interpreter, just what seccomp programs use: loads of 32-bit words of
 * struct seccomp_data, ALU ops with a constant, conditional jumps with a constant, ja, ret.
 * Anything else fails the test: it would mean the generator uses something we do not
 * model, and the verdict could not be trusted.
 */
static uint32_t bpf_run(const struct sock_filter *insns, size_t len, const struct seccomp_data *d)
{
	uint32_t a = 0, word;
	size_t pc = 0;

	while (pc < len) {
		const struct sock_filter *f = &insns[pc++];
		bool cond;

		switch (BPF_CLASS(f->code)) {
		case BPF_LD:
			ck_assert_msg(f->code == (BPF_LD | BPF_W | BPF_ABS), "ld code 0x%x", f->code);
			ck_assert_uint_le(f->k + 4, sizeof(*d));
			memcpy(&word, (const char *)d + f->k, 4);
			a = word;
			break;
		case BPF_ALU:
			ck_assert_msg(BPF_SRC(f->code) == BPF_K, "alu code 0x%x", f->code);
			switch (BPF_OP(f->code)) {
			case BPF_AND: a &= f->k; break;
			case BPF_OR: a |= f->k; break;
			case BPF_ADD: a += f->k; break;
			case BPF_SUB: a -= f->k; break;
			case BPF_RSH: a >>= f->k; break;
			case BPF_LSH: a <<= f->k; break;
			default: ck_abort_msg("alu op 0x%x", BPF_OP(f->code));
			}
			break;
		case BPF_JMP:
			if (BPF_OP(f->code) == BPF_JA) {
				pc += f->k;
				break;
			}
			ck_assert_msg(BPF_SRC(f->code) == BPF_K, "jmp code 0x%x", f->code);
			switch (BPF_OP(f->code)) {
			case BPF_JEQ: cond = a == f->k; break;
			case BPF_JGT: cond = a > f->k; break;
			case BPF_JGE: cond = a >= f->k; break;
			case BPF_JSET: cond = (a & f->k) != 0; break;
			default: ck_abort_msg("jmp op 0x%x", BPF_OP(f->code)); cond = false;
			}
			pc += cond ? f->jt : f->jf;
			break;
		case BPF_RET:
			ck_assert_msg(BPF_RVAL(f->code) == BPF_K, "ret code 0x%x", f->code);
			return f->k;
		default:
			ck_abort_msg("insn class 0x%x", BPF_CLASS(f->code));
		}
	}
	ck_abort_msg("program falls off its end");
	return 0;
}

/* Verdict (SECCOMP_RET_ACTION_FULL part) for a syscall by name in pers. */
static uint32_t verdict_nr(uint32_t arch, long nr)
{
	struct seccomp_data d = { .nr = (int)nr, .arch = arch };

	return bpf_run(prog.insns, prog.len, &d) & SECCOMP_RET_ACTION_FULL;
}

static uint32_t verdict(int pers, const char *name)
{
	long nr = sysent_lookup(pers, name);

	ck_assert_msg(nr >= 0, "%s unknown in pers %d", name, pers);
	return verdict_nr(sysent_audit_arch(pers), nr);
}

START_TEST(selected_traced_rest_allowed)
{
	select_and_compile("trace=openat,close");
	ck_assert(seccomp_filter_wanted(&sel));
	ck_assert_uint_eq(verdict(PERS_X86_64, "openat"), SECCOMP_RET_TRACE);
	ck_assert_uint_eq(verdict(PERS_X86_64, "close"), SECCOMP_RET_TRACE);
	ck_assert_uint_eq(verdict(PERS_X86_64, "getppid"), SECCOMP_RET_ALLOW);
	ck_assert_uint_eq(verdict(PERS_X86_64, "read"), SECCOMP_RET_ALLOW);
	/* execs are always traced */
	ck_assert_uint_eq(verdict(PERS_X86_64, "execve"), SECCOMP_RET_TRACE);
	ck_assert_uint_eq(verdict(PERS_X86_64, "execveat"), SECCOMP_RET_TRACE);
	/* the i386 section uses i386 numbers: openat is 295 there, getppid 64 */
	ck_assert_uint_eq(verdict(PERS_I386, "openat"), SECCOMP_RET_TRACE);
	ck_assert_uint_eq(verdict(PERS_I386, "close"), SECCOMP_RET_TRACE);
	ck_assert_uint_eq(verdict(PERS_I386, "getppid"), SECCOMP_RET_ALLOW);
	ck_assert_uint_eq(verdict(PERS_I386, "execve"), SECCOMP_RET_TRACE);
	/* i386's getppid is 64, x86_64's semget: sections do not share numbers */
	ck_assert_uint_eq(verdict_nr(AUDIT_ARCH_X86_64, sysent_lookup(PERS_I386, "getppid")),
			  SECCOMP_RET_ALLOW);
}
END_TEST

START_TEST(foreign_arch_traced)
{
	select_and_compile("trace=openat");
	/* an arch the program does not cover: fail safe */
	ck_assert_uint_eq(verdict_nr(AUDIT_ARCH_AARCH64, 39), SECCOMP_RET_TRACE);
	ck_assert_uint_eq(verdict_nr(0x12345678, 0), SECCOMP_RET_TRACE);
	/* x32 shares AUDIT_ARCH_X86_64 but sets bit 30 of nr: not ours either */
	ck_assert_uint_eq(verdict_nr(AUDIT_ARCH_X86_64, 0x40000000 | 39), SECCOMP_RET_TRACE);
}
END_TEST

START_TEST(none_traces_only_exec)
{
	select_and_compile("trace=none");
	ck_assert_uint_eq(verdict(PERS_X86_64, "openat"), SECCOMP_RET_ALLOW);
	ck_assert_uint_eq(verdict(PERS_X86_64, "execve"), SECCOMP_RET_TRACE);
	ck_assert_uint_eq(verdict(PERS_I386, "execve"), SECCOMP_RET_TRACE);
}
END_TEST

START_TEST(negated_and_class)
{
	select_and_compile("trace=!getppid");
	ck_assert_uint_eq(verdict(PERS_X86_64, "getppid"), SECCOMP_RET_ALLOW);
	ck_assert_uint_eq(verdict(PERS_X86_64, "openat"), SECCOMP_RET_TRACE);
	ck_assert_uint_eq(verdict(PERS_I386, "socketcall"), SECCOMP_RET_TRACE);
	ck_assert_uint_le(prog.len, BPF_MAXINSNS);
	seccomp_prog_free(&prog);

	select_and_compile("trace=%file");
	ck_assert_uint_eq(verdict(PERS_X86_64, "openat"), SECCOMP_RET_TRACE);
	ck_assert_uint_eq(verdict(PERS_I386, "open"), SECCOMP_RET_TRACE);
	ck_assert_uint_eq(verdict(PERS_X86_64, "getppid"), SECCOMP_RET_ALLOW);
}
END_TEST

START_TEST(one_personality_name)
{
	/* socketcall exists only on i386 */
	select_and_compile("trace=socketcall");
	ck_assert_uint_eq(verdict(PERS_I386, "socketcall"), SECCOMP_RET_TRACE);
	ck_assert_uint_eq(verdict(PERS_I386, "getppid"), SECCOMP_RET_ALLOW);
	/* x86_64 number 102 (i386's socketcall) is getuid: untouched */
	ck_assert_uint_eq(verdict(PERS_X86_64, "getuid"), SECCOMP_RET_ALLOW);
}
END_TEST

START_TEST(all_not_wanted)
{
	ck_assert(!seccomp_filter_wanted(&sel));
}
END_TEST

START_TEST(dump_readable)
{
	const char *bad;
	char *text = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&text, &len);

	ck_assert_int_eq(selection_parse(&sel, "trace=openat", &bad), 0);
	ck_assert_int_eq(seccomp_filter_dump(&sel, out), 0);
	fclose(out);
	ck_assert_ptr_nonnull(strstr(text, "1 x86_64 and 1 i386 syscalls selected"));
	ck_assert_ptr_nonnull(strstr(text, "pseudo filter code"));
	ck_assert_ptr_nonnull(strstr(text, "# A = arch"));
	ck_assert_ptr_nonnull(strstr(text, "# x86_64"));
	ck_assert_ptr_nonnull(strstr(text, "# i386"));
	ck_assert_ptr_nonnull(strstr(text, "# openat"));
	ck_assert_ptr_nonnull(strstr(text, "# execve"));
	ck_assert_ptr_nonnull(strstr(text, "ret  TRACE"));
	ck_assert_ptr_nonnull(strstr(text, "ret  ALLOW"));
	free(text);
}
END_TEST

/*
 * The kernel runs the program: in a child with no tracer, a RET_TRACE syscall is not
 * executed and fails with ENOSYS; an unselected one works. Exit codes say which check
 * failed (the child must not use Check's asserts: it is not Check's forked test).
 */
static int child_checks(const struct seccomp_prog *p)
{
	if (seccomp_filter_install(p) != 0)
		return 10;
	errno = 0;
	if (syscall(SYS_getpid) != -1 || errno != ENOSYS)
		return 11;			/* selected: must not run */
	if (syscall(SYS_getppid) <= 0)
		return 12;			/* unselected: runs */
	/*
	 * The program's i386 section is exercised by tests/trace/i386.sh, where the machine
	 * lets 64-bit code make i386 calls (int $0x80 faults on some: a probe decides).
	 */
	return 0;
}

START_TEST(kernel_runs_filter)
{
	int status;
	pid_t pid;

	select_and_compile("trace=getpid");
	pid = fork();
	ck_assert_int_ge(pid, 0);
	if (pid == 0)
		_exit(child_checks(&prog));
	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	ck_assert_msg(WIFEXITED(status) && WEXITSTATUS(status) == 0,
		      "child status 0x%x (exit codes: see child_checks)", status);
}
END_TEST

START_TEST(kernel_runs_libseccomp_load)
{
	const char *bad;
	int status;
	pid_t pid;

	ck_assert_int_eq(selection_parse(&sel, "trace=getpid", &bad), 0);
	pid = fork();
	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		if (seccomp_filter_load_in_child(&sel) != 0)
			_exit(20);
		errno = 0;
		if (syscall(SYS_getpid) != -1 || errno != ENOSYS)
			_exit(21);
		_exit(syscall(SYS_getppid) > 0 ? 0 : 22);
	}
	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	ck_assert_msg(WIFEXITED(status) && WEXITSTATUS(status) == 0, "child status 0x%x", status);
}
END_TEST

/*
 * The engine's use, in miniature: a tracer restarting with PTRACE_CONT and
 * PTRACE_O_TRACESECCOMP stops only at the selected calls (PTRACE_EVENT_SECCOMP).
 */
START_TEST(tracer_stops_only_on_selected)
{
	struct user_regs_struct regs;
	int status, stops = 0, getppid_stops = 0;
	pid_t pid;

	select_and_compile("trace=getppid");
	pid = fork();
	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		if (ptrace(PTRACE_TRACEME, 0, NULL, NULL) != 0)
			_exit(30);
		raise(SIGSTOP);
		if (seccomp_filter_child_hook(&prog) != 0)
			_exit(31);
		for (int i = 0; i < 3; i++)
			syscall(SYS_getpid);
		for (int i = 0; i < 2; i++)
			syscall(SYS_getppid);
		_exit(0);
	}
	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	ck_assert(WIFSTOPPED(status));
	ck_assert_int_eq(ptrace(PTRACE_SETOPTIONS, pid, NULL,
				(void *)(long)(PTRACE_O_TRACESECCOMP | PTRACE_O_EXITKILL)), 0);
	for (;;) {
		ck_assert_int_eq(ptrace(PTRACE_CONT, pid, NULL, NULL), 0);
		ck_assert_int_eq(waitpid(pid, &status, 0), pid);
		if (!WIFSTOPPED(status))
			break;
		ck_assert_msg(status >> 8 == (SIGTRAP | PTRACE_EVENT_SECCOMP << 8),
			      "unexpected stop 0x%x", status);
		stops++;
		ck_assert_int_eq(ptrace(PTRACE_GETREGS, pid, NULL, &regs), 0);
		getppid_stops += regs.orig_rax == SYS_getppid;
	}
	ck_assert_msg(WIFEXITED(status) && WEXITSTATUS(status) == 0, "status 0x%x", status);
	ck_assert_int_eq(getppid_stops, 2);
	ck_assert_int_eq(stops, 2);		/* nothing else stopped: not getpid, not exit */
}
END_TEST

Suite *make_seccomp_filter_suite(void)
{
	Suite *s = suite_create("seccomp_filter");
	TCase *tc = tcase_create("program");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, selected_traced_rest_allowed);
	tcase_add_test(tc, foreign_arch_traced);
	tcase_add_test(tc, none_traces_only_exec);
	tcase_add_test(tc, negated_and_class);
	tcase_add_test(tc, one_personality_name);
	tcase_add_test(tc, all_not_wanted);
	tcase_add_test(tc, dump_readable);
	suite_add_tcase(s, tc);

	/* The kernel runs the filter: tests/unit/seccomp.sh, where seccomp works. */
	tc = tcase_create("kernel");
	tcase_set_tags(tc, "seccomp");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, kernel_runs_filter);
	tcase_add_test(tc, kernel_runs_libseccomp_load);
	suite_add_tcase(s, tc);

	/* ... and a tracer sees its stops: tests/unit/seccomp-ptrace.sh. */
	tc = tcase_create("tracer");
	tcase_set_tags(tc, "seccomp-ptrace");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, tracer_stops_only_on_selected);
	suite_add_tcase(s, tc);
	return s;
}
