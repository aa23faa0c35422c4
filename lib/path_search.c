/*
 * lib/path_search.c: mirrors the search loop of glibc's __execvpe() as env(1) uses it
 * (not a kernel step: the kernel never searches PATH). Differs in that it does not fall
 * back to /bin/sh on ENOEXEC: the caller reports what the kernel said. Pure: built into
 * the freestanding loader and into trace. path_unsearchable_dir() explains an EACCES of
 * either.
 */
#include <linux/errno.h>
#include <string.h>
#include "lib/path_search.h"

int path_search(const char *name, const char *path, char *buf, path_try_fn try_one, void *ctx)
{
	size_t name_len = strlen(name);
	int got_eacces = 0;

	if (name_len == 0)
		return -ENOENT;
	if (strchr(name, '/'))
		return try_one(name, ctx);
	if (!path)
		path = PATH_SEARCH_DEFAULT;
	if (name_len >= PATH_SEARCH_MAX - 1)
		return -ENAMETOOLONG;

	for (const char *p = path;; p++) {
		const char *end = strchr(p, ':');
		size_t dir_len = end ? (size_t)(end - p) : strlen(p);
		int err;

		if (dir_len + 1 + name_len + 1 > PATH_SEARCH_MAX) {
			err = -ENAMETOOLONG;	/* glibc skips such entries too */
		} else {
			size_t n = 0;

			if (dir_len) {	/* an empty entry means the current directory */
				memcpy(buf, p, dir_len);
				n = dir_len;
				buf[n++] = '/';
			}
			memcpy(buf + n, name, name_len + 1);
			err = try_one(buf, ctx);
		}
		switch (err) {
		case -EACCES:
			got_eacces = 1;
			/* fall through */
		case -ENOENT:
		case -ESTALE:
		case -ENOTDIR:
		case -ENODEV:
		case -ETIMEDOUT:
		case -ENAMETOOLONG:
			break;
		default:
			return err;
		}
		if (!end)
			break;
		p = end;
	}
	return got_eacces ? -EACCES : -ENOENT;
}

int path_unsearchable_dir(const char *path, char *dir, size_t size, path_may_search_fn may_search)
{
	static const char cwd[] = "the current directory";
	size_t len = strlen(path);

	if (len >= size || size < sizeof(cwd))
		return 0;
	if (path[0] != '/' && may_search(".") == -EACCES) {
		memcpy(dir, cwd, sizeof(cwd));
		return 1;
	}
	memcpy(dir, path, len + 1);
	for (size_t i = 1; i < len; i++) {
		int r;

		if (dir[i] != '/' || dir[i - 1] == '/')
			continue;
		dir[i] = '\0';		/* the prefix up to this slash */
		r = may_search(dir);
		if (r == -EACCES)
			return 1;
		if (r < 0)
			return 0;
		dir[i] = '/';
	}
	return 0;
}
