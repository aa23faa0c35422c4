/* tests/unit/test_xlat.c: flag/enum printers, signal and errno names (tracer/xlat.c). */
#include <check.h>
#include <errno.h>
#include <signal.h>
#include <string.h>
#include "tracer/decode.h"
#include "tracer/xlat.h"

static char buf[512];
static struct strbuf sb;

static void setup(void)
{
	sb_init(&sb, buf, sizeof buf);
}

START_TEST(test_xlat_flags)
{
	xlat_print_flags(&sb, xlat_prot, 0x3, "PROT_NONE");
	ck_assert_str_eq(buf, "PROT_READ|PROT_WRITE");
	sb_reset(&sb);
	xlat_print_flags(&sb, xlat_prot, 0, "PROT_NONE");
	ck_assert_str_eq(buf, "PROT_NONE");
	sb_reset(&sb);
	xlat_print_flags(&sb, xlat_prot, 0x5 | 0x100, NULL);
	ck_assert_str_eq(buf, "PROT_READ|PROT_EXEC|0x100");
	sb_reset(&sb);
	xlat_print_flags(&sb, xlat_at_flags, 0, NULL);
	ck_assert_str_eq(buf, "0");
	sb_reset(&sb);
	xlat_print_flags(&sb, xlat_statx_mask, 0x7ff | 0x1000, NULL);
	ck_assert_str_eq(buf, "STATX_BASIC_STATS|STATX_MNT_ID");
	sb_reset(&sb);
	xlat_print_flags(&sb, xlat_statx_mask, 0x1fff, NULL);
	ck_assert_str_eq(buf, "STATX_ALL|STATX_MNT_ID");
}
END_TEST

START_TEST(test_xlat_enum)
{
	xlat_print_enum(&sb, xlat_arch_prctl, 0x1002, "ARCH_???");
	ck_assert_str_eq(buf, "ARCH_SET_FS");
	sb_reset(&sb);
	xlat_print_enum(&sb, xlat_arch_prctl, 0x3001, "ARCH_???");
	ck_assert_str_eq(buf, "0x3001 /* ARCH_??? */");
	sb_reset(&sb);
	xlat_print_enum(&sb, xlat_ioctl_requests, 0x1234, NULL);
	ck_assert_str_eq(buf, "0x1234");
	ck_assert_str_eq(xlat_name(xlat_seek_whence, 2), "SEEK_END");
	ck_assert_ptr_null(xlat_name(xlat_seek_whence, 99));
}
END_TEST

START_TEST(test_xlat_open_flags)
{
	print_open_flags(&sb, 02000000);
	ck_assert_str_eq(buf, "O_RDONLY|O_CLOEXEC");
	sb_reset(&sb);
	/* strace 6.1's line for openat(5, "x", 0x12345678) */
	print_open_flags(&sb, 0x12345678);
	ck_assert_str_eq(buf, "O_RDONLY|O_CREAT|O_TRUNC|O_APPEND|O_SYNC|O_DIRECT|O_NOATIME|"
			      "O_PATH|0x12000038");
	sb_reset(&sb);
	print_open_flags(&sb, 2 | 020200000);
	ck_assert_str_eq(buf, "O_RDWR|O_TMPFILE");
	sb_reset(&sb);
	print_open_flags(&sb, 0100000 | 2);
	ck_assert_str_eq(buf, "O_RDWR|O_LARGEFILE");
	sb_reset(&sb);
	print_open_flags(&sb, 3);
	ck_assert_str_eq(buf, "0x3");
}
END_TEST

START_TEST(test_xlat_modes)
{
	print_file_mode(&sb, 0100644);
	ck_assert_str_eq(buf, "S_IFREG|0644");
	sb_reset(&sb);
	print_file_mode(&sb, 041777);
	ck_assert_str_eq(buf, "S_IFDIR|S_ISVTX|0777");
	sb_reset(&sb);
	print_file_mode(&sb, 0104755);
	ck_assert_str_eq(buf, "S_IFREG|S_ISUID|0755");
	sb_reset(&sb);
	print_file_mode(&sb, 0100000);
	ck_assert_str_eq(buf, "S_IFREG|000");
	sb_reset(&sb);
	print_mode_arg(&sb, 0644);
	ck_assert_str_eq(buf, "0644");
	sb_reset(&sb);
	print_mode_arg(&sb, 02);
	ck_assert_str_eq(buf, "002");
	sb_reset(&sb);
	print_mode_arg(&sb, 0);
	ck_assert_str_eq(buf, "000");
}
END_TEST

START_TEST(test_signal_names)
{
	ck_assert_str_eq(signal_name(SIGTERM), "SIGTERM");
	ck_assert_str_eq(signal_name(SIGCHLD), "SIGCHLD");
	ck_assert_str_eq(signal_name(SIGSYS), "SIGSYS");
	ck_assert_str_eq(signal_name(32), "SIGRTMIN");
	ck_assert_str_eq(signal_name(34), "SIGRT_2");
	ck_assert_str_eq(signal_name(64), "SIGRT_32");
	ck_assert_str_eq(signal_name(123), "SIG123");
	ck_assert_str_eq(signal_name(0), "SIG0");
}
END_TEST

START_TEST(test_sigsets)
{
	unsigned char set[8] = { 0 };

	print_sigset_bytes(&sb, set, 8);
	ck_assert_str_eq(buf, "[]");
	set[(SIGINT - 1) / 8] |= 1 << ((SIGINT - 1) % 8);
	set[(SIGTERM - 1) / 8] |= 1 << ((SIGTERM - 1) % 8);
	set[(34 - 1) / 8] |= 1 << ((34 - 1) % 8);
	sb_reset(&sb);
	print_sigset_bytes(&sb, set, 8);
	ck_assert_str_eq(buf, "[INT TERM RT_2]");
	/* glibc's sigfillset: every signal but 32 and 33 -> strace's "~[RTMIN RT_1]". */
	memset(set, 0xff, sizeof set);
	set[31 / 8] &= (unsigned char)~(1 << (31 % 8));
	set[32 / 8] &= (unsigned char)~(1 << (32 % 8));
	sb_reset(&sb);
	print_sigset_bytes(&sb, set, 8);
	ck_assert_str_eq(buf, "~[RTMIN RT_1]");
	memset(set, 0xff, sizeof set);
	sb_reset(&sb);
	print_sigset_bytes(&sb, set, 8);
	ck_assert_str_eq(buf, "~[]");
}
END_TEST

START_TEST(test_errno_names)
{
	ck_assert_str_eq(errno_name(ENOENT), "ENOENT");
	ck_assert_str_eq(errno_name(EAGAIN), "EAGAIN");
	ck_assert_str_eq(errno_name(EHWPOISON), "EHWPOISON");
	ck_assert_str_eq(errno_name(512), "ERESTARTSYS");
	ck_assert_str_eq(errno_name(516), "ERESTART_RESTARTBLOCK");
	ck_assert_ptr_null(errno_name(0));
	ck_assert_ptr_null(errno_name(-1));
	ck_assert_ptr_null(errno_name(4000));
	ck_assert_str_eq(errno_message(ENOENT), "No such file or directory");
	ck_assert_str_eq(errno_message(516), "Interrupted by signal");
}
END_TEST

START_TEST(test_wait_status)
{
	print_wait_status(&sb, 0);
	ck_assert_str_eq(buf, "[{WIFEXITED(s) && WEXITSTATUS(s) == 0}]");
	sb_reset(&sb);
	print_wait_status(&sb, 3 << 8);
	ck_assert_str_eq(buf, "[{WIFEXITED(s) && WEXITSTATUS(s) == 3}]");
	sb_reset(&sb);
	print_wait_status(&sb, SIGKILL);
	ck_assert_str_eq(buf, "[{WIFSIGNALED(s) && WTERMSIG(s) == SIGKILL}]");
	sb_reset(&sb);
	print_wait_status(&sb, SIGSEGV | 0x80);
	ck_assert_str_eq(buf, "[{WIFSIGNALED(s) && WTERMSIG(s) == SIGSEGV && WCOREDUMP(s)}]");
	sb_reset(&sb);
	print_wait_status(&sb, SIGSTOP << 8 | 0x7f);
	ck_assert_str_eq(buf, "[{WIFSTOPPED(s) && WSTOPSIG(s) == SIGSTOP}]");
	sb_reset(&sb);
	print_wait_status(&sb, 0xffff);
	ck_assert_str_eq(buf, "[{WIFCONTINUED(s)}]");
}
END_TEST

/* -X raw and verbose (strace 6.1's forms), and the abbrev default restored. */
START_TEST(test_xlat_styles)
{
	xlat_set_style(XLAT_STYLE_RAW);
	xlat_print_flags(&sb, xlat_prot, 0x3, "PROT_NONE");
	sb_puts(&sb, " ");
	print_open_flags(&sb, 0x80000);
	sb_puts(&sb, " ");
	print_signo(&sb, 17);
	ck_assert_str_eq(buf, "0x3 0x80000 17");
	sb_reset(&sb);
	xlat_set_style(XLAT_STYLE_VERBOSE);
	xlat_print_flags(&sb, xlat_prot, 0, "PROT_NONE");
	sb_puts(&sb, " ");
	print_open_flags(&sb, 0x40000041);
	sb_puts(&sb, " ");
	print_file_mode(&sb, 0100644);
	ck_assert_str_eq(buf, "0 /* PROT_NONE */ 0x40000041 /* O_WRONLY|O_CREAT|0x40000000 */ "
			 "0100644 /* S_IFREG|0644 */");
	xlat_set_style(XLAT_STYLE_ABBREV);
}
END_TEST

/* -e read=/write=: strace's dump line and offset width, the fd sets' syntax. */
START_TEST(test_hexdump)
{
	char line[HEXDUMP_LINE_MAX];
	struct fdlist l = { 0 };

	hexdump_line(line, (const unsigned char *)"hi\n", 3, 0, hexdump_offset_width(3));
	ck_assert_str_eq(line, " | 00000  68 69 0a                                          "
			 "hi.              |\n");
	ck_assert_int_eq(hexdump_offset_width(1 << 20), 5);
	ck_assert_int_eq(hexdump_offset_width((1 << 20) + 1), 6);
	ck_assert_int_eq(fdlist_parse(&l, "3,5"), 0);
	ck_assert(fdlist_has(&l, 5) && !fdlist_has(&l, 4));
	ck_assert_int_eq(fdlist_parse(&l, "!!!3"), 0);
	ck_assert(!fdlist_has(&l, 3) && fdlist_has(&l, 0));
	ck_assert_int_eq(fdlist_parse(&l, "all"), 0);
	ck_assert(fdlist_has(&l, 1000));
	ck_assert_int_eq(fdlist_parse(&l, ","), -EINVAL);
	ck_assert_int_eq(fdlist_parse(&l, "3,-1"), -EINVAL);
	ck_assert(fdlist_has(&l, 1000));	/* unchanged on error */
	ck_assert_int_eq(fdlist_parse(&l, "none"), 0);
	ck_assert(!fdlist_has(&l, 0));
}
END_TEST

Suite *make_xlat_suite(void)
{
	Suite *s = suite_create("xlat");
	TCase *tc = tcase_create("core");

	tcase_add_checked_fixture(tc, setup, NULL);
	tcase_add_test(tc, test_xlat_flags);
	tcase_add_test(tc, test_xlat_enum);
	tcase_add_test(tc, test_xlat_open_flags);
	tcase_add_test(tc, test_xlat_modes);
	tcase_add_test(tc, test_signal_names);
	tcase_add_test(tc, test_sigsets);
	tcase_add_test(tc, test_errno_names);
	tcase_add_test(tc, test_wait_status);
	tcase_add_test(tc, test_xlat_styles);
	tcase_add_test(tc, test_hexdump);
	suite_add_tcase(s, tc);
	return s;
}
