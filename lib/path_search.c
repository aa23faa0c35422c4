/*
 * lib/path_search.c: mirrors the search loop of glibc's __execvpe() as env(1) uses it
 * (not a kernel step: the kernel never searches PATH). Differs in that it does not fall
 * back to /bin/sh on ENOEXEC: the caller reports what the kernel said. Pure: built into
 * the freestanding loader and into trace.
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
