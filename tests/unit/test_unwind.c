/*
 * tests/unit/test_unwind.c: -k (tracer/report/unwind.c) on a real tracee: a forked child calls
 * unwind_test_outer() -> unwind_test_inner() -> write(); the test stops it at the entry
 * of that write with PTRACE_SYSCALL and checks that the stack names both functions.
 * Also reports (no assertion) the cost of an unwind with and without the symbol cache.
 *
 * The child can never outlive the test: PTRACE_O_EXITKILL and PR_SET_PDEATHSIG kill it
 * if the test process dies, and each test kills and reaps it.
 */
#include <check.h>
#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/prctl.h>
#include <sys/ptrace.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/user.h>
#include <sys/wait.h>
#include "tracer/report/unwind.h"

/* Not static, not inlined, no tail call: each keeps a frame and a symbol of its own. */
__attribute__((noinline)) int unwind_test_inner(int fd);
__attribute__((noinline)) int unwind_test_outer(int fd);

__attribute__((noinline)) int unwind_test_inner(int fd)
{
	long r = write(fd, "k", 1);

	__asm__ volatile("" ::: "memory");	/* keeps the call from being a tail call */
	return (int)r + 1;
}

__attribute__((noinline)) int unwind_test_outer(int fd)
{
	int r = unwind_test_inner(fd);

	__asm__ volatile("" ::: "memory");
	return r + 1;
}

static pid_t child = -1;

static void child_main(void)
{
	prctl(PR_SET_PDEATHSIG, SIGKILL);
	if (ptrace(PTRACE_TRACEME, 0, NULL, NULL) != 0)
		_exit(1);
	raise(SIGSTOP);
	unwind_test_outer(-1);			/* write(-1, ...): EBADF, harmless */
	_exit(0);
}

/* Starts the child and leaves it stopped at the entry of its write(-1, ...). */
static void start_child_at_write(void)
{
	struct user_regs_struct regs;
	int status;

	child = fork();
	ck_assert_int_ge(child, 0);
	if (child == 0)
		child_main();
	ck_assert_int_eq(waitpid(child, &status, 0), child);
	ck_assert(WIFSTOPPED(status) && WSTOPSIG(status) == SIGSTOP);
	ck_assert_int_eq(ptrace(PTRACE_SETOPTIONS, child, NULL,
				(void *)(long)(PTRACE_O_TRACESYSGOOD | PTRACE_O_EXITKILL)), 0);
	for (;;) {
		ck_assert_int_eq(ptrace(PTRACE_SYSCALL, child, NULL, NULL), 0);
		ck_assert_int_eq(waitpid(child, &status, 0), child);
		ck_assert_msg(WIFSTOPPED(status), "child ended, status 0x%x", status);
		if (WSTOPSIG(status) != (SIGTRAP | 0x80))
			continue;
		ck_assert_int_eq(ptrace(PTRACE_GETREGS, child, NULL, &regs), 0);
		/* at entry rax is -ENOSYS; the only write(-1) is ours */
		if (regs.orig_rax == SYS_write && (int)regs.rdi == -1 &&
		    (long)regs.rax == -ENOSYS)
			return;
	}
}

static void teardown(void)
{
	if (child > 0) {
		kill(child, SIGKILL);
		waitpid(child, NULL, 0);
		child = -1;
	}
}

static int find_frame(const struct unwind_frame *f, int n, const char *func)
{
	for (int i = 0; i < n; i++)
		if (f[i].func && strcmp(f[i].func, func) == 0)
			return i;
	return -1;
}

START_TEST(stack_names_callers)
{
	struct unwinder *u = unwinder_new(true);
	struct unwind_frame frames[64];
	int n, inner, outer;

	ck_assert_ptr_nonnull(u);
	start_child_at_write();
	n = unwind_collect(u, child, child, frames, 64);
	ck_assert_int_ge(n, 3);
	inner = find_frame(frames, n, "unwind_test_inner");
	outer = find_frame(frames, n, "unwind_test_outer");
	ck_assert_int_ge(inner, 0);
	ck_assert_int_eq(outer, inner + 1);
	/* frame 0 is in libc's write wrapper, in a mapped file */
	ck_assert_ptr_nonnull(frames[0].module);
	ck_assert_ptr_nonnull(strstr(frames[0].module, "libc"));
	/* the test functions are in this very executable */
	ck_assert_ptr_nonnull(frames[inner].module);
	{
		char self[4096];
		ssize_t len = readlink("/proc/self/exe", self, sizeof(self) - 1);

		ck_assert_int_gt(len, 0);
		self[len] = '\0';
		ck_assert_str_eq(frames[inner].module, self);
	}
	unwinder_free(u);
}
END_TEST

START_TEST(print_format)
{
	struct unwinder *u = unwinder_new(true);
	char *text = NULL, expect[256];
	size_t len;
	FILE *out = open_memstream(&text, &len);
	struct unwind_frame frames[64];
	int n, inner;

	start_child_at_write();
	ck_assert_int_gt(unwind_print(u, child, child, out), 0);
	fclose(out);
	/* same walk again (from the cache) to know the expected line exactly */
	n = unwind_collect(u, child, child, frames, 64);
	inner = find_frame(frames, n, "unwind_test_inner");
	ck_assert_int_ge(inner, 0);
	snprintf(expect, sizeof(expect), " > %s(unwind_test_inner+0x%llx) [0x%llx]\n",
		 frames[inner].module, (unsigned long long)frames[inner].func_off,
		 (unsigned long long)frames[inner].module_off);
	ck_assert_ptr_nonnull(strstr(text, expect));
	ck_assert_int_eq(strncmp(text, " > /", 4), 0);
	free(text);
	unwinder_free(u);
}
END_TEST

START_TEST(format_frame)
{
	struct unwind_frame f = { .ip = 0x7f0000001234, .module = "/lib/libc.so.6",
				  .module_off = 0xf8350, .func = "__write", .func_off = 0x10 };
	char buf[128];

	unwind_format_frame(buf, sizeof(buf), &f);
	ck_assert_str_eq(buf, " > /lib/libc.so.6(__write+0x10) [0xf8350]");
	f.func = NULL;
	unwind_format_frame(buf, sizeof(buf), &f);
	ck_assert_str_eq(buf, " > /lib/libc.so.6() [0xf8350]");
	f.module = NULL;
	unwind_format_frame(buf, sizeof(buf), &f);
	ck_assert_str_eq(buf, " > unexpected_backtracing_error [0x7f0000001234]");
}
END_TEST

START_TEST(cache_flush_forget)
{
	struct unwinder *u = unwinder_new(true);
	struct unwind_frame frames[64];
	struct unwind_stats st;
	int n1, n2;

	start_child_at_write();
	n1 = unwind_collect(u, child, child, frames, 64);
	st = unwind_get_stats(u);
	ck_assert_uint_eq(st.maps_reads, 1);
	ck_assert_uint_eq(st.sym_hits, 0);
	n2 = unwind_collect(u, child, child, frames, 64);
	ck_assert_int_eq(n1, n2);
	st = unwind_get_stats(u);
	ck_assert_uint_eq(st.maps_reads, 1);		/* maps cached */
	ck_assert_uint_ge(st.sym_hits, (uint64_t)n2 - 1);	/* names cached */
	/* after an mmap/execve: maps re-read, names still served from the cache */
	unwind_flush(u, 999999);		/* unknown pid: nothing happens */
	ck_assert_int_eq(unwind_collect(u, child, child, frames, 64), n1);
	ck_assert_uint_eq(unwind_get_stats(u).maps_reads, 1);
	unwind_flush(u, child);
	n2 = unwind_collect(u, child, child, frames, 64);
	ck_assert_int_eq(n1, n2);
	ck_assert_uint_eq(unwind_get_stats(u).maps_reads, 2);
	ck_assert_uint_eq(unwind_get_stats(u).code_changes, 0);	/* same code: caches kept */
	ck_assert_int_ge(find_frame(frames, n2, "unwind_test_outer"), 0);
	unwind_forget(u, child);
	unwind_forget_process(u, child);
	/* starts afresh; tgid 0: the unwinder finds it in /proc */
	n2 = unwind_collect(u, child, 0, frames, 64);
	ck_assert_int_eq(n1, n2);
	ck_assert_int_ge(find_frame(frames, n2, "unwind_test_inner"), 0);
	unwinder_free(u);
}
END_TEST

START_TEST(uncached_same_frames)
{
	struct unwinder *uc = unwinder_new(true), *un = unwinder_new(false);
	struct unwind_frame a[64], b[64];
	int na, nb;

	start_child_at_write();
	na = unwind_collect(uc, child, child, a, 64);
	nb = unwind_collect(un, child, child, b, 64);
	ck_assert_int_eq(na, nb);
	for (int i = 0; i < na; i++) {
		ck_assert_uint_eq(a[i].ip, b[i].ip);
		ck_assert_uint_eq(a[i].module_off, b[i].module_off);
		ck_assert_str_eq(a[i].func ? a[i].func : "-", b[i].func ? b[i].func : "-");
	}
	unwinder_free(uc);
	unwinder_free(un);
}
END_TEST

static double now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

/* Reports the cost per unwind (stderr): uncached, cached first walk, cached repeat. */
START_TEST(measure_cost)
{
	enum { ROUNDS = 200 };
	struct unwind_frame frames[64];
	struct unwinder *u;
	double t0, first, cached, uncached;
	int n = 0;

	start_child_at_write();
	u = unwinder_new(false);
	t0 = now_us();
	for (int i = 0; i < ROUNDS; i++)
		n = unwind_collect(u, child, child, frames, 64);
	uncached = (now_us() - t0) / ROUNDS;
	unwinder_free(u);

	u = unwinder_new(true);
	t0 = now_us();
	unwind_collect(u, child, child, frames, 64);
	first = now_us() - t0;
	t0 = now_us();
	for (int i = 0; i < ROUNDS; i++)
		unwind_collect(u, child, child, frames, 64);
	cached = (now_us() - t0) / ROUNDS;
	unwinder_free(u);

	fprintf(stderr, "unwind cost (%d frames): uncached %.1f us, cached first %.1f us, "
		"cached %.1f us per unwind (%.1fx)\n", n, uncached, first, cached,
		cached > 0 ? uncached / cached : 0.0);
	ck_assert_int_gt(n, 0);
}
END_TEST

/*
 * Writes a minimal static i386 program (exit(0) by int $0x80) to path: an ELF header, one
 * PT_LOAD mapping the whole file at 0x08048000, and 9 bytes of code after the headers.
 */
static void write_elf32(const char *path)
{
	static const unsigned char code[] = {
		0xb8, 0x01, 0x00, 0x00, 0x00,	/* mov $1, %eax    (i386 exit) */
		0x31, 0xdb,			/* xor %ebx, %ebx  (status 0) */
		0xcd, 0x80,			/* int $0x80 */
	};
	struct {
		Elf32_Ehdr eh;
		Elf32_Phdr ph;
		unsigned char code[sizeof(code)];
	} __attribute__((packed)) img = {
		.eh = {
			.e_ident = { ELFMAG0, ELFMAG1, ELFMAG2, ELFMAG3, ELFCLASS32, ELFDATA2LSB,
				     EV_CURRENT },
			.e_type = ET_EXEC, .e_machine = EM_386, .e_version = EV_CURRENT,
			.e_entry = 0x08048000 + sizeof(Elf32_Ehdr) + sizeof(Elf32_Phdr),
			.e_phoff = sizeof(Elf32_Ehdr), .e_ehsize = sizeof(Elf32_Ehdr),
			.e_phentsize = sizeof(Elf32_Phdr), .e_phnum = 1,
		},
		.ph = {
			.p_type = PT_LOAD, .p_vaddr = 0x08048000, .p_paddr = 0x08048000,
			.p_filesz = sizeof(img), .p_memsz = sizeof(img), .p_flags = PF_R | PF_X,
			.p_align = 0x1000,
		},
	};
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0755);

	memcpy(img.code, code, sizeof(code));
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(fchmod(fd, 0755), 0);	/* mkstemp made it 0600 */
	ck_assert_int_eq(write(fd, &img, sizeof(img)), (ssize_t)sizeof(img));
	close(fd);
}

/* A 32-bit program is refused (-ENOEXEC), not walked as garbage. */
START_TEST(elf32_refused)
{
	char path[] = "/tmp/execlab-elf32-XXXXXX";
	struct unwinder *u = unwinder_new(true);
	struct unwind_frame frames[8];
	int fd = mkstemp(path), status, rc;

	ck_assert_int_ge(fd, 0);
	close(fd);
	write_elf32(path);
	child = fork();
	ck_assert_int_ge(child, 0);
	if (child == 0) {
		char *argv[] = { path, NULL }, *envp[] = { NULL };

		prctl(PR_SET_PDEATHSIG, SIGKILL);
		ptrace(PTRACE_TRACEME, 0, NULL, NULL);
		execve(path, argv, envp);
		_exit(errno == ENOEXEC ? 77 : 100 + errno);	/* 77: no IA32 emulation */
	}
	ck_assert_int_eq(waitpid(child, &status, 0), child);
	unlink(path);
	if (WIFEXITED(status) && WEXITSTATUS(status) == 77) {
		child = -1;
		unwinder_free(u);
		return;			/* kernel without IA32 emulation: nothing to test */
	}
	/* the exec's SIGTRAP: the process now runs the i386 program */
	ck_assert_msg(WIFSTOPPED(status) && WSTOPSIG(status) == SIGTRAP, "status 0x%x", status);
	rc = unwind_collect(u, child, child, frames, 8);
	ck_assert_int_eq(rc, -ENOEXEC);
	/* and it really is runnable: let it exit 0 */
	ck_assert_int_eq(ptrace(PTRACE_CONT, child, NULL, NULL), 0);
	ck_assert_int_eq(waitpid(child, &status, 0), child);
	ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	child = -1;
	unwinder_free(u);
}
END_TEST

Suite *make_unwind_suite(void)
{
	Suite *s = suite_create("unwind");
	TCase *tc = tcase_create("format");

	tcase_add_test(tc, format_frame);
	suite_add_tcase(s, tc);

	/* Unwinding a traced child: tests/unit/ptrace.sh, where ptrace works. */
	tc = tcase_create("ptrace");
	tcase_set_tags(tc, "ptrace");
	tcase_add_checked_fixture(tc, NULL, teardown);
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, stack_names_callers);
	tcase_add_test(tc, print_format);
	tcase_add_test(tc, cache_flush_forget);
	tcase_add_test(tc, uncached_same_frames);
	tcase_add_test(tc, elf32_refused);
	tcase_add_test(tc, measure_cost);
	suite_add_tcase(s, tc);
	return s;
}
