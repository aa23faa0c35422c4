/*
 * tests/unit/test_path_search.c: lib/path_search.c, the env(1)/execvp policy,
 * with a fake attempt that answers from a table and records what was tried.
 */
#include <check.h>
#include <errno.h>
#include <string.h>
#include "lib/path_search.h"

Suite *make_path_search_suite(void);

struct fake {
	const char *path[8];
	int err[8];		/* answer for path[i]; 0 = "ran" (the real one never returns) */
	char tried[8][64];
	int ntried;
};

static int fake_try(const char *path, void *ctx)
{
	struct fake *f = ctx;

	if (f->ntried < 8)
		strncpy(f->tried[f->ntried++], path, 63);
	for (int i = 0; i < 8 && f->path[i]; i++)
		if (!strcmp(f->path[i], path))
			return f->err[i];
	return -ENOENT;
}

static char buf[PATH_SEARCH_MAX];

START_TEST(slash_means_no_search)
{
	struct fake f = { .path = { "./prog" }, .err = { -ENOEXEC } };

	ck_assert_int_eq(path_search("./prog", "/bin", buf, fake_try, &f), -ENOEXEC);
	ck_assert_int_eq(f.ntried, 1);
	ck_assert_str_eq(f.tried[0], "./prog");
}
END_TEST

START_TEST(first_hit_runs)
{
	struct fake f = { .path = { "/usr/bin/ls" }, .err = { 0 } };

	ck_assert_int_eq(path_search("ls", "/nonexist:/usr/bin:/bin", buf, fake_try, &f), 0);
	ck_assert_int_eq(f.ntried, 2);
	ck_assert_str_eq(f.tried[0], "/nonexist/ls");
	ck_assert_str_eq(f.tried[1], "/usr/bin/ls");
}
END_TEST

START_TEST(eacces_remembered)
{
	struct fake f = { .path = { "/a/p" }, .err = { -EACCES } };

	ck_assert_int_eq(path_search("p", "/a:/b", buf, fake_try, &f), -EACCES);
	ck_assert_int_eq(f.ntried, 2);	/* the search went on after EACCES */
}
END_TEST

START_TEST(eacces_then_found)
{
	struct fake f = { .path = { "/a/p", "/b/p" }, .err = { -EACCES, 0 } };

	ck_assert_int_eq(path_search("p", "/a:/b", buf, fake_try, &f), 0);
}
END_TEST

START_TEST(other_errors_stop)
{
	struct fake f = { .path = { "/a/p", "/b/p" }, .err = { -ENOEXEC, 0 } };

	ck_assert_int_eq(path_search("p", "/a:/b", buf, fake_try, &f), -ENOEXEC);
	ck_assert_int_eq(f.ntried, 1);
	f = (struct fake){ .path = { "/a/p", "/b/p" }, .err = { -ENOTDIR, 0 } };
	ck_assert_int_eq(path_search("p", "/a:/b", buf, fake_try, &f), 0);
	f = (struct fake){ .path = { "/a/p", "/b/p" }, .err = { -ELOOP, 0 } };
	ck_assert_int_eq(path_search("p", "/a:/b", buf, fake_try, &f), -ELOOP);
}
END_TEST

START_TEST(empty_entries_are_cwd)
{
	struct fake f = { 0 };

	ck_assert_int_eq(path_search("p", ":/a::/b:", buf, fake_try, &f), -ENOENT);
	ck_assert_int_eq(f.ntried, 5);
	ck_assert_str_eq(f.tried[0], "p");
	ck_assert_str_eq(f.tried[1], "/a/p");
	ck_assert_str_eq(f.tried[2], "p");
	ck_assert_str_eq(f.tried[3], "/b/p");
	ck_assert_str_eq(f.tried[4], "p");
}
END_TEST

START_TEST(unset_path_default)
{
	struct fake f = { 0 };

	ck_assert_int_eq(path_search("p", NULL, buf, fake_try, &f), -ENOENT);
	ck_assert_int_eq(f.ntried, 2);
	ck_assert_str_eq(f.tried[0], "/bin/p");
	ck_assert_str_eq(f.tried[1], "/usr/bin/p");
}
END_TEST

START_TEST(empty_name)
{
	struct fake f = { 0 };

	ck_assert_int_eq(path_search("", "/bin", buf, fake_try, &f), -ENOENT);
	ck_assert_int_eq(f.ntried, 0);
}
END_TEST

START_TEST(overlong_entry_skipped)
{
	static char path[PATH_SEARCH_MAX + 100];
	struct fake f = { .path = { "/b/p" }, .err = { 0 } };

	memset(path, 'd', PATH_SEARCH_MAX + 10);
	memcpy(path + PATH_SEARCH_MAX + 10, ":/b", 4);
	ck_assert_int_eq(path_search("p", path, buf, fake_try, &f), 0);
	ck_assert_int_eq(f.ntried, 1);
}
END_TEST

/* A fake search permission: /a and /a/b may be searched, /a/b/c may not, the rest is absent. */
static int fake_search(const char *dir)
{
	if (!strcmp(dir, "/a") || !strcmp(dir, "/a/b"))
		return 0;
	if (!strcmp(dir, "/a/b/c") || !strcmp(dir, "."))
		return -EACCES;
	return -ENOENT;
}

START_TEST(unsearchable_dir_named)
{
	char dir[64];

	ck_assert_int_eq(path_unsearchable_dir("/a/b/c/d/prog", dir, sizeof(dir), fake_search), 1);
	ck_assert_str_eq(dir, "/a/b/c");
	ck_assert_int_eq(path_unsearchable_dir("/a/b/c//prog", dir, sizeof(dir), fake_search), 1);
	ck_assert_str_eq(dir, "/a/b/c");
	ck_assert_int_eq(path_unsearchable_dir("x/prog", dir, sizeof(dir), fake_search), 1);
	ck_assert_str_eq(dir, "the current directory");
	ck_assert_int_eq(path_unsearchable_dir("/a/b/prog", dir, sizeof(dir), fake_search), 0);
	ck_assert_int_eq(path_unsearchable_dir("/z/c/prog", dir, sizeof(dir), fake_search), 0);
}
END_TEST

Suite *make_path_search_suite(void)
{
	Suite *s = suite_create("path_search");
	TCase *t = tcase_create("policy");

	tcase_add_test(t, slash_means_no_search);
	tcase_add_test(t, first_hit_runs);
	tcase_add_test(t, eacces_remembered);
	tcase_add_test(t, eacces_then_found);
	tcase_add_test(t, other_errors_stop);
	tcase_add_test(t, empty_entries_are_cwd);
	tcase_add_test(t, unset_path_default);
	tcase_add_test(t, empty_name);
	tcase_add_test(t, overlong_entry_skipped);
	tcase_add_test(t, unsearchable_dir_named);
	suite_add_tcase(s, t);
	return s;
}
