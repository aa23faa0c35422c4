/* tests/unit/test_decode_desc.c: decoders of tracer/decode/desc.c and mem.c. */
#include <check.h>
#include <stdio.h>
#include <string.h>
#include <sys/inotify.h>
#include "tests/unit/test_decode_util.h"

static void setup(void)
{
	fake_reset();
}

static const char elf[] = "\177ELF\2\1\1\0\0\0\0\0\0\0\0\0\3\0>\0\1\0\0\0\0\0\0\0\0\0\0\0@@@@";

START_TEST(test_read_buffer_at_exit)
{
	uint64_t b = fake_put(elf, sizeof elf);

	ck_assert_str_eq(decode_call_entry(X64, "read", A(3, b, 832), 32), "read(3");
	ck_assert_str_eq(decode_call(X64, "read", A(3, b, 832), 832, 0, 32),
			 "read(3, \"\\177ELF\\2\\1\\1\\0\\0\\0\\0\\0\\0\\0\\0\\0\\3\\0>\\0\\1\\0\\0\\0"
			 "\\0\\0\\0\\0\\0\\0\\0\\0\"..., 832) = 832");
	/* Only the returned length is shown, without "..." when it fits. */
	ck_assert_str_eq(decode_call(X64, "read", A(3, b, 832), 4, 0, 32),
			 "read(3, \"\\177ELF\", 832) = 4");
	ck_assert_str_eq(decode_call(X64, "read", A(3, b, 832), 0, 0, 32),
			 "read(3, \"\", 832) = 0");
	ck_assert_str_eq(decode_call(X64, "read", A(9, b, 10), -9, 1, 32),
			 "read(9, 0x10000, 10) = -1 EBADF (Bad file descriptor)");
	ck_assert_str_eq(decode_call(X64, "read", A(0, 0, 0), 0, 0, 32), "read(0, NULL, 0) = 0");
}
END_TEST

START_TEST(test_write_escaping)
{
	static const char data[] = "a\0" "1\a\b\177\377\"\\\t\r\v\f\n\001x\0010";
	uint64_t b = fake_put(data, 18);

	/* strace 6.1: write(1, "a\0001\7\10\177\377\"\\\t\r\v\f\n\1x\0010", 18) = 18 */
	ck_assert_str_eq(decode_call(X64, "write", A(1, b, 18), 18, 0, 32),
			 "write(1, \"a\\0001\\7\\10\\177\\377\\\"\\\\\\t\\r\\v\\f\\n\\1x\\0010\", 18) = 18");
	ck_assert_str_eq(decode_call(X64, "write", A(1, b, 18), 18, 0, 10),
			 "write(1, \"a\\0001\\7\\10\\177\\377\\\"\\\\\\t\"..., 18) = 18");
	ck_assert_str_eq(decode_call(X64, "write", A(1, 1, 5), 5, 0, 32), "write(1, 0x1, 5) = 5");
}
END_TEST

START_TEST(test_pread_pwrite)
{
	uint64_t b = fake_put("\6\0\0\0@", 5);

	ck_assert_str_eq(decode_call(X64, "pread64", A(3, b, 784, 64), 5, 0, 32),
			 "pread64(3, \"\\6\\0\\0\\0@\", 784, 64) = 5");
	ck_assert_str_eq(decode_call(X64, "pwrite64", A(3, b, 2, 1 + (1ULL << 33)), 2, 0, 32),
			 "pwrite64(3, \"\\6\\0\", 2, 8589934593) = 2");
	/* i386: the offset is split over two registers. */
	ck_assert_str_eq(decode_call(I386, "pread64", A(3, b, 784, 1, 2), 5, 0, 32),
			 "pread64(3, \"\\6\\0\\0\\0@\", 784, 8589934593) = 5");
}
END_TEST

START_TEST(test_fd_calls)
{
	int fds[2] = { 3, 4 };
	uint64_t p = fake_put(fds, sizeof fds);

	ck_assert_str_eq(decode_call(X64, "close", A(3), 0, 0, 32), "close(3) = 0");
	ck_assert_str_eq(decode_call(X64, "close", A((uint64_t)-1), -9, 1, 32),
			 "close(-1) = -1 EBADF (Bad file descriptor)");
	ck_assert_str_eq(decode_call(X64, "dup2", A(4, 1), 1, 0, 32), "dup2(4, 1) = 1");
	ck_assert_str_eq(decode_call(X64, "dup3", A(3, 20, 02000000), 20, 0, 32),
			 "dup3(3, 20, O_CLOEXEC) = 20");
	ck_assert_str_eq(decode_call(X64, "pipe2", A(p, 0), 0, 0, 32), "pipe2([3, 4], 0) = 0");
	ck_assert_str_eq(decode_call(X64, "pipe", A(p), 0, 0, 32), "pipe([3, 4]) = 0");
	ck_assert_str_eq(decode_call(X64, "pipe2", A(p, 02000000), -24, 1, 32),
			 "pipe2(0x10000, O_CLOEXEC) = -1 EMFILE (Too many open files)");
	ck_assert_str_eq(decode_call(X64, "lseek", A(3, (uint64_t)-60, 1), 54, 0, 32),
			 "lseek(3, -60, SEEK_CUR) = 54");
	ck_assert_str_eq(decode_call(X64, "lseek", A(3, 0, 9), 54, 0, 32),
			 "lseek(3, 0, 0x9 /* SEEK_??? */) = 54");
}
END_TEST

START_TEST(test_fcntl)
{
	ck_assert_str_eq(decode_call(X64, "fcntl", A(0, 1), 0, 0, 32), "fcntl(0, F_GETFD) = 0");
	ck_assert_str_eq(decode_call(X64, "fcntl", A(3, 1), 1, 0, 32),
			 "fcntl(3, F_GETFD) = 0x1 (flags FD_CLOEXEC)");
	ck_assert_str_eq(decode_call(X64, "fcntl", A(3, 2, 1), 0, 0, 32),
			 "fcntl(3, F_SETFD, FD_CLOEXEC) = 0");
	ck_assert_str_eq(decode_call(X64, "fcntl", A(3, 3), 0, 0, 32),
			 "fcntl(3, F_GETFL) = 0 (flags O_RDONLY)");
	ck_assert_str_eq(decode_call(X64, "fcntl", A(3, 3), 0x8002, 0, 32),
			 "fcntl(3, F_GETFL) = 0x8002 (flags O_RDWR|O_LARGEFILE)");
	ck_assert_str_eq(decode_call(X64, "fcntl", A(3, 4, 04000), 0, 0, 32),
			 "fcntl(3, F_SETFL, O_RDONLY|O_NONBLOCK) = 0");
	ck_assert_str_eq(decode_call(X64, "fcntl", A(3, 1030, 10), 11, 0, 32),
			 "fcntl(3, F_DUPFD_CLOEXEC, 10) = 11");
}
END_TEST

START_TEST(test_ioctl)
{
	uint16_t ws[4] = { 24, 80, 0, 0 };
	uint64_t w = fake_put(ws, sizeof ws);

	ck_assert_str_eq(decode_call(X64, "ioctl", A(1, 0x5401, 0x7ffd0000), -25, 1, 32),
			 "ioctl(1, TCGETS, 0x7ffd0000) = -1 ENOTTY (Inappropriate ioctl for device)");
	ck_assert_str_eq(decode_call(X64, "ioctl", A(1, 0x5413, w), 0, 0, 32),
			 "ioctl(1, TIOCGWINSZ, {ws_row=24, ws_col=80, ws_xpixel=0, ws_ypixel=0}) = 0");
	/* Unknown requests: strace 6.1's _IOC(...) form. */
	ck_assert_str_eq(decode_call(X64, "ioctl", A(3, 0xc0081234, 0x7ffd0000), -25, 1, 32),
			 "ioctl(3, _IOC(_IOC_READ|_IOC_WRITE, 0x12, 0x34, 0x8), 0x7ffd0000) = -1 ENOTTY (Inappropriate ioctl for device)");
	ck_assert_str_eq(decode_call(X64, "ioctl", A(3, 0x1234, 0), -25, 1, 32),
			 "ioctl(3, _IOC(_IOC_NONE, 0x12, 0x34, 0), 0) = -1 ENOTTY (Inappropriate ioctl for device)");
	ck_assert_str_eq(decode_call(X64, "ioctl", A(3, 0x40041299, 5), -25, 1, 32),
			 "ioctl(3, _IOC(_IOC_WRITE, 0x12, 0x99, 0x4), 0x5) = -1 ENOTTY (Inappropriate ioctl for device)");
	{
		int zero = 0;
		uint64_t z = fake_put(&zero, sizeof zero);

		ck_assert_str_eq(decode_call(X64, "ioctl", A(3, 0x5421, z), 0, 0, 32),
				 "ioctl(3, FIONBIO, [0]) = 0");
	}
}
END_TEST

START_TEST(test_getdents64_counts_entries)
{
	unsigned char buf[64];
	uint16_t reclen = 24;
	uint64_t b;

	memset(buf, 0, sizeof buf);
	memcpy(buf + 16, &reclen, 2);
	memcpy(buf + 24 + 16, &reclen, 2);
	b = fake_put(buf, sizeof buf);
	{
		char want[128];

		snprintf(want, sizeof want,
			 "getdents64(3, %#llx /* 2 entries */, 32768) = 48", (unsigned long long)b);
		ck_assert_str_eq(decode_call(X64, "getdents64", A(3, b, 32768), 48, 0, 32), want);
		snprintf(want, sizeof want,
			 "getdents64(3, %#llx /* 0 entries */, 32768) = 0", (unsigned long long)b);
		ck_assert_str_eq(decode_call(X64, "getdents64", A(3, b, 32768), 0, 0, 32), want);
	}
}
END_TEST

START_TEST(test_poll)
{
	struct { int fd; short events, revents; } p = { 3, 1, 1 };
	uint64_t a = fake_put(&p, sizeof p);

	ck_assert_str_eq(decode_call(X64, "poll", A(a, 1, 10), 1, 0, 32),
			 "poll([{fd=3, events=POLLIN}], 1, 10) = 1 ([{fd=3, revents=POLLIN}])");
	ck_assert_str_eq(decode_call(X64, "poll", A(a, 1, 0), 0, 0, 32),
			 "poll([{fd=3, events=POLLIN}], 1, 0) = 0 (Timeout)");
}
END_TEST

START_TEST(test_select)
{
	uint64_t set = 1 << 5, none = 0;
	int64_t ts[2] = { 0, 0 };
	uint64_t r = fake_put(&set, sizeof set), n = fake_put(&none, sizeof none);
	uint64_t t = fake_put(ts, sizeof ts);

	/* strace 6.1: pselect6(6, [5], NULL, NULL, {tv_sec=0, tv_nsec=0}, NULL) = 1 (in [5], left {tv_sec=0, tv_nsec=0}) */
	ck_assert_str_eq(decode_call(X64, "pselect6", A(6, r, 0, 0, t, 0), 1, 0, 32),
			 "pselect6(6, [5], NULL, NULL, {tv_sec=0, tv_nsec=0}, NULL) = 1 "
			 "(in [5], left {tv_sec=0, tv_nsec=0})");
	ck_assert_str_eq(decode_call(X64, "select", A(6, r, n, 0, 0), 0, 0, 32),
			 "select(6, [5], [], NULL, NULL) = 0 (Timeout)");
}
END_TEST

START_TEST(test_writev)
{
	uint64_t ab = fake_put("ab", 2), cde = fake_put("cde", 3);
	uint64_t iov[4] = { ab, 2, cde, 3 };
	uint64_t v = fake_put(iov, sizeof iov);

	ck_assert_str_eq(decode_call(X64, "writev", A(6, v, 2), 5, 0, 32),
			 "writev(6, [{iov_base=\"ab\", iov_len=2}, {iov_base=\"cde\", iov_len=3}], 2) = 5");
}
END_TEST

START_TEST(test_mmap_family)
{
	ck_assert_str_eq(decode_call(X64, "mmap", A(0, 8192, 3, 0x22, (uint64_t)-1, 0),
				     0x7ff0d15b6000, 0, 32),
			 "mmap(NULL, 8192, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0x7ff0d15b6000");
	ck_assert_str_eq(decode_call(X64, "mmap", A(0x7f0000001000, 1363968, 5, 0x812, 3, 0x28000),
				     0x7f0000001000, 0, 32),
			 "mmap(0x7f0000001000, 1363968, PROT_READ|PROT_EXEC, MAP_PRIVATE|MAP_FIXED|MAP_DENYWRITE, 3, 0x28000) = 0x7f0000001000");
	ck_assert_str_eq(decode_call(X64, "mmap", A(0, 4096, 0, 0x22, (uint64_t)-1, 0), -12, 1, 32),
			 "mmap(NULL, 4096, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = -1 ENOMEM (Cannot allocate memory)");
	ck_assert_str_eq(decode_call(X64, "mprotect", A(0x7ff0d156a000, 16384, 1), 0, 0, 32),
			 "mprotect(0x7ff0d156a000, 16384, PROT_READ) = 0");
	ck_assert_str_eq(decode_call(X64, "munmap", A(0x7ff0d15ab000, 42091), 0, 0, 32),
			 "munmap(0x7ff0d15ab000, 42091) = 0");
	ck_assert_str_eq(decode_call(X64, "brk", A(0), 0x55823431c000, 0, 32),
			 "brk(NULL) = 0x55823431c000");
	ck_assert_str_eq(decode_call(X64, "madvise", A(0x1000, 4096, 4), 0, 0, 32),
			 "madvise(0x1000, 4096, MADV_DONTNEED) = 0");
	ck_assert_str_eq(decode_call(X64, "mremap", A(0x7f3e537c2000, 4096, 8192, 1),
				     0x7f3e537c0000, 0, 32),
			 "mremap(0x7f3e537c2000, 4096, 8192, MREMAP_MAYMOVE) = 0x7f3e537c0000");
	/* i386 mmap2: offset in pages; results are 32-bit. */
	ck_assert_str_eq(decode_call(I386, "mmap2", A(0, 8192, 3, 0x22, 0xffffffff, 2),
				     0xf7fa0000, 0, 32),
			 "mmap2(NULL, 8192, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0x2000) = 0xf7fa0000");
}
END_TEST

START_TEST(test_copy_file_range_and_ficlone)
{
	/* strace 6.1 (cp) */
	ck_assert_str_eq(decode_call(X64, "copy_file_range", A(3, 0, 4, 0, 0x7fffffffc0000000, 0),
				     3, 0, 32),
			 "copy_file_range(3, NULL, 4, NULL, 9223372035781033984, 0) = 3");
	ck_assert_str_eq(decode_call(X64, "ioctl", A(4, 0x40049409, 3), -95, 1, 32),
			 "ioctl(4, BTRFS_IOC_CLONE or FICLONE, 3) = -1 EOPNOTSUPP (Operation not supported)");
}
END_TEST

START_TEST(test_inotify)
{
	uint64_t dot = fake_str(".");

	/* strace 6.1: inotify_init1(IN_NONBLOCK|IN_CLOEXEC) = 3 */
	ck_assert_str_eq(decode_call(X64, "inotify_init1", A(IN_NONBLOCK | IN_CLOEXEC), 3, 0, 32),
			 "inotify_init1(IN_NONBLOCK|IN_CLOEXEC) = 3");
	ck_assert_str_eq(decode_call(X64, "inotify_init1", A(0), 3, 0, 32), "inotify_init1(0) = 3");
	ck_assert_str_eq(decode_call(I386, "inotify_init1", A(IN_CLOEXEC), 3, 0, 32),
			 "inotify_init1(IN_CLOEXEC) = 3");
	/* strace 6.1: inotify_add_watch(3, ".", IN_CLOSE_WRITE|IN_CREATE|IN_DELETE) = 1 */
	ck_assert_str_eq(decode_call(X64, "inotify_add_watch",
				     A(3, dot, IN_CLOSE_WRITE | IN_CREATE | IN_DELETE), 1, 0, 32),
			 "inotify_add_watch(3, \".\", IN_CLOSE_WRITE|IN_CREATE|IN_DELETE) = 1");
	ck_assert_str_eq(decode_call(I386, "inotify_add_watch",
				     A(3, dot, IN_ONLYDIR | IN_MASK_ADD | IN_ONESHOT), 1, 0, 32),
			 "inotify_add_watch(3, \".\", IN_ONLYDIR|IN_MASK_ADD|IN_ONESHOT) = 1");
}
END_TEST

Suite *make_decode_desc_suite(void)
{
	Suite *s = suite_create("decode_desc");
	TCase *tc = tcase_create("core");

	tcase_add_checked_fixture(tc, setup, NULL);
	tcase_add_test(tc, test_read_buffer_at_exit);
	tcase_add_test(tc, test_write_escaping);
	tcase_add_test(tc, test_pread_pwrite);
	tcase_add_test(tc, test_fd_calls);
	tcase_add_test(tc, test_fcntl);
	tcase_add_test(tc, test_ioctl);
	tcase_add_test(tc, test_getdents64_counts_entries);
	tcase_add_test(tc, test_poll);
	tcase_add_test(tc, test_select);
	tcase_add_test(tc, test_copy_file_range_and_ficlone);
	tcase_add_test(tc, test_writev);
	tcase_add_test(tc, test_mmap_family);
	tcase_add_test(tc, test_inotify);
	suite_add_tcase(s, tc);
	return s;
}
