/* tests/unit/test_decode_file.c: decoders of tracer/decode/file.c over fake tracee memory. */
#include <check.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include "tests/unit/test_decode_util.h"

#define AT_FDCWD_ ((uint64_t)(int64_t)-100)
#define ENOENT_ (-2)

static void setup(void)
{
	fake_reset();
}

START_TEST(test_openat)
{
	uint64_t p = fake_str("/etc/ld.so.cache");

	ck_assert_str_eq(decode_call(X64, "openat", A(AT_FDCWD_, p, 02000000), 3, 0, 32),
			 "openat(AT_FDCWD, \"/etc/ld.so.cache\", O_RDONLY|O_CLOEXEC) = 3");
	ck_assert_str_eq(decode_call(X64, "openat", A(5, p, 0), ENOENT_, 1, 32),
			 "openat(5, \"/etc/ld.so.cache\", O_RDONLY) = -1 ENOENT (No such file or directory)");
}
END_TEST

START_TEST(test_openat_mode_only_with_creat)
{
	uint64_t p = fake_str("/tmp/x");

	ck_assert_str_eq(decode_call(X64, "openat", A(AT_FDCWD_, p, 01101, 0644), 3, 0, 32),
			 "openat(AT_FDCWD, \"/tmp/x\", O_WRONLY|O_CREAT|O_TRUNC, 0644) = 3");
	ck_assert_str_eq(decode_call(X64, "openat", A(AT_FDCWD_, p, 020200002, 0600), 4, 0, 32),
			 "openat(AT_FDCWD, \"/tmp/x\", O_RDWR|O_TMPFILE, 0600) = 4");
	ck_assert_str_eq(decode_call(X64, "openat", A(AT_FDCWD_, p, 01, 0644), 3, 0, 32),
			 "openat(AT_FDCWD, \"/tmp/x\", O_WRONLY) = 3");
	ck_assert_str_eq(decode_call(X64, "open", A(p, 0101, 0), 3, 0, 32),
			 "open(\"/tmp/x\", O_WRONLY|O_CREAT, 000) = 3");
}
END_TEST

START_TEST(test_path_not_cut_at_strsize)
{
	char path[100], want[200];
	uint64_t p;

	memset(path, 'a', sizeof path);
	path[0] = '/';
	path[99] = '\0';
	p = fake_str(path);
	snprintf(want, sizeof want, "chdir(\"%s\") = 0", path);
	ck_assert_str_eq(decode_call(X64, "chdir", A(p), 0, 0, 4), want);
}
END_TEST

START_TEST(test_path_escapes)
{
	uint64_t p = fake_str("/tmp/x\n\1\"q\\");

	ck_assert_str_eq(decode_call(X64, "unlink", A(p), 0, 0, 32),
			 "unlink(\"/tmp/x\\n\\1\\\"q\\\\\") = 0");
}
END_TEST

START_TEST(test_path_null_and_unreadable)
{
	ck_assert_str_eq(decode_call(X64, "access", A(0, 4), -14, 1, 32),
			 "access(NULL, R_OK) = -1 EFAULT (Bad address)");
	ck_assert_str_eq(decode_call(X64, "access", A(FAKE_UNREADABLE, 0), -14, 1, 32),
			 "access(0xdead0000, F_OK) = -1 EFAULT (Bad address)");
}
END_TEST

START_TEST(test_path_at_end_of_memory)
{
	/* A string that ends right before an unreadable page is still read. */
	uint64_t p = fake_put_at_end("/end", 5), q;
	char want[64];

	ck_assert_str_eq(decode_call(X64, "rmdir", A(p), 0, 0, 32), "rmdir(\"/end\") = 0");
	/* No NUL before the unreadable end: strace shows the address. */
	q = fake_put_at_end("/noend", 6);
	snprintf(want, sizeof want, "rmdir(%#llx) = 0", (unsigned long long)q);
	ck_assert_str_eq(decode_call(X64, "rmdir", A(q), 0, 0, 32), want);
}
END_TEST

START_TEST(test_access_modes)
{
	uint64_t p = fake_str("/etc");

	ck_assert_str_eq(decode_call(X64, "access", A(p, 4), 0, 0, 32),
			 "access(\"/etc\", R_OK) = 0");
	ck_assert_str_eq(decode_call(X64, "faccessat2", A(AT_FDCWD_, p, 3, 0x200), 0, 0, 32),
			 "faccessat2(AT_FDCWD, \"/etc\", W_OK|X_OK, AT_EACCESS) = 0");
	ck_assert_str_eq(decode_call(X64, "faccessat", A(3, p, 0), 0, 0, 32),
			 "faccessat(3, \"/etc\", F_OK) = 0");
}
END_TEST

START_TEST(test_newfstatat)
{
	struct stat st;
	uint64_t p = fake_str(""), s;

	memset(&st, 0, sizeof st);
	st.st_mode = S_IFREG | 0644;
	st.st_size = 42091;
	s = fake_put(&st, sizeof st);
	ck_assert_str_eq(decode_call(X64, "newfstatat", A(3, p, s, 0x1000), 0, 0, 32),
			 "newfstatat(3, \"\", {st_mode=S_IFREG|0644, st_size=42091, ...}, AT_EMPTY_PATH) = 0");
	ck_assert_str_eq(decode_call(X64, "newfstatat", A(AT_FDCWD_, p, 0x10010, 0), ENOENT_, 1, 32),
			 "newfstatat(AT_FDCWD, \"\", 0x10010, 0) = -1 ENOENT (No such file or directory)");
	st.st_mode = S_IFCHR | 0666;
	st.st_rdev = makedev(1, 3);
	s = fake_put(&st, sizeof st);
	ck_assert_str_eq(decode_call(X64, "fstat", A(0, s), 0, 0, 32),
			 "fstat(0, {st_mode=S_IFCHR|0666, st_rdev=makedev(0x1, 0x3), ...}) = 0");
	/* The entry half alone, as printed before "<unfinished ...>". */
	ck_assert_str_eq(decode_call_entry(X64, "newfstatat", A(AT_FDCWD_, p, s, 0x100), 32),
			 "newfstatat(AT_FDCWD, \"\"");
}
END_TEST

START_TEST(test_statx)
{
	unsigned char stx[256];
	uint32_t mask = 0x7ff | 0x1000;
	uint64_t attrs = 0x2000;
	uint16_t mode = S_IFDIR | 0755;
	uint64_t size = 4096, p = fake_str("/"), s;

	memset(stx, 0, sizeof stx);
	memcpy(stx, &mask, 4);
	memcpy(stx + 8, &attrs, 8);
	memcpy(stx + 28, &mode, 2);
	memcpy(stx + 40, &size, 8);
	s = fake_put(stx, sizeof stx);
	ck_assert_str_eq(decode_call(X64, "statx", A(AT_FDCWD_, p, 0x900, 0x25e, s), 0, 0, 32),
			 "statx(AT_FDCWD, \"/\", AT_STATX_SYNC_AS_STAT|AT_SYMLINK_NOFOLLOW|"
			 "AT_NO_AUTOMOUNT, STATX_MODE|STATX_NLINK|STATX_UID|STATX_GID|STATX_MTIME|"
			 "STATX_SIZE, {stx_mask=STATX_BASIC_STATS|STATX_MNT_ID, "
			 "stx_attributes=STATX_ATTR_MOUNT_ROOT, stx_mode=S_IFDIR|0755, "
			 "stx_size=4096, ...}) = 0");
}
END_TEST

START_TEST(test_readlink_result_length)
{
	uint64_t p = fake_str("/sbin"), buf = fake_put("usr/sbinGARBAGE", 15);

	ck_assert_str_eq(decode_call(X64, "readlink", A(p, buf, 9), 8, 0, 32),
			 "readlink(\"/sbin\", \"usr/sbin\", 9) = 8");
	ck_assert_str_eq(decode_call(X64, "readlinkat", A(AT_FDCWD_, p, buf, 9), -22, 1, 32),
			 "readlinkat(AT_FDCWD, \"/sbin\", 0x10010, 9) = -1 EINVAL (Invalid argument)");
}
END_TEST

START_TEST(test_getcwd_and_misc_paths)
{
	uint64_t buf = fake_str("/tmp/dec"), a = fake_str("/a"), b = fake_str("/b");

	ck_assert_str_eq(decode_call(X64, "getcwd", A(buf, 100), 9, 0, 32),
			 "getcwd(\"/tmp/dec\", 100) = 9");
	ck_assert_str_eq(decode_call(X64, "rename", A(a, b), 0, 0, 32),
			 "rename(\"/a\", \"/b\") = 0");
	ck_assert_str_eq(decode_call(X64, "mkdir", A(a, 0755), 0, 0, 32),
			 "mkdir(\"/a\", 0755) = 0");
	ck_assert_str_eq(decode_call(X64, "unlinkat", A(AT_FDCWD_, a, 0x200), 0, 0, 32),
			 "unlinkat(AT_FDCWD, \"/a\", AT_REMOVEDIR) = 0");
	/* The old mask as strace prints a mode, %#03o. */
	ck_assert_str_eq(decode_call(X64, "umask", A(022), 02, 0, 32), "umask(022) = 002");
	ck_assert_str_eq(decode_call(X64, "umask", A(022), 0, 0, 32), "umask(022) = 000");
	ck_assert_str_eq(decode_call(X64, "umask", A(02), 022, 0, 32), "umask(002) = 022");
}
END_TEST

START_TEST(test_getxattr)
{
	uint64_t p = fake_str("/"), n = fake_str("system.posix_acl_access");

	ck_assert_str_eq(decode_call(X64, "getxattr", A(p, n, 0, 0), -61, 1, 32),
			 "getxattr(\"/\", \"system.posix_acl_access\", NULL, 0) = -1 ENODATA (No data available)");
}
END_TEST

START_TEST(test_statfs)
{
	int64_t f[15];
	uint32_t fsid[2] = { 0x14965c99, 0x9a4342db };
	uint64_t p = fake_str("/"), b;

	memset(f, 0, sizeof f);
	f[0] = 0xef53;
	f[1] = 4096;
	f[2] = 66053021;
	f[3] = 61845516;
	f[4] = 20876792;
	f[5] = 16777216;
	f[6] = 16359668;
	memcpy(&f[7], fsid, sizeof fsid);
	f[8] = 255;
	f[9] = 4096;
	f[10] = 0x1020;
	b = fake_put(f, sizeof f);
	/* strace 6.1 (df /) */
	ck_assert_str_eq(decode_call(X64, "statfs", A(p, b), 0, 0, 32),
			 "statfs(\"/\", {f_type=EXT2_SUPER_MAGIC, f_bsize=4096, f_blocks=66053021, "
			 "f_bfree=61845516, f_bavail=20876792, f_files=16777216, f_ffree=16359668, "
			 "f_fsid={val=[0x14965c99, 0x9a4342db]}, f_namelen=255, f_frsize=4096, "
			 "f_flags=ST_VALID|ST_RELATIME}) = 0");
	ck_assert_str_eq(decode_call(X64, "statfs", A(p, 0x7ffd0000), -2, 1, 32),
			 "statfs(\"/\", 0x7ffd0000) = -1 ENOENT (No such file or directory)");
}
END_TEST

Suite *make_decode_file_suite(void)
{
	Suite *s = suite_create("decode_file");
	TCase *tc = tcase_create("core");

	tcase_add_checked_fixture(tc, setup, NULL);
	tcase_add_test(tc, test_openat);
	tcase_add_test(tc, test_openat_mode_only_with_creat);
	tcase_add_test(tc, test_path_not_cut_at_strsize);
	tcase_add_test(tc, test_path_escapes);
	tcase_add_test(tc, test_path_null_and_unreadable);
	tcase_add_test(tc, test_path_at_end_of_memory);
	tcase_add_test(tc, test_access_modes);
	tcase_add_test(tc, test_newfstatat);
	tcase_add_test(tc, test_statx);
	tcase_add_test(tc, test_readlink_result_length);
	tcase_add_test(tc, test_getcwd_and_misc_paths);
	tcase_add_test(tc, test_getxattr);
	tcase_add_test(tc, test_statfs);
	suite_add_tcase(s, tc);
	return s;
}
