/*
 * loader/path_search.h: find PROGRAM in $PATH the way env(1) does (glibc execvp): a name
 * with a slash is used as is; otherwise each PATH entry is tried in turn (an empty entry
 * is the current directory), EACCES is remembered and the search goes on, ENOENT, ENOTDIR,
 * ESTALE, ENODEV and ETIMEDOUT go on silently, any other error stops the search. Pure:
 * the attempt itself is a callback, so the policy is unit-tested with a fake one.
 */
#ifndef LOADER_PATH_SEARCH_H
#define LOADER_PATH_SEARCH_H

#include <stddef.h>

#define PATH_SEARCH_DEFAULT "/bin:/usr/bin"	/* glibc's _CS_PATH when PATH is unset */
#define PATH_SEARCH_MAX 4096

/* Try one candidate path. Returns -errno on failure; on success it does not return. */
typedef int (*path_try_fn)(const char *path, void *ctx);

/*
 * Returns the error to report: the stopping error, else -EACCES if any candidate gave
 * EACCES, else -ENOENT. buf (PATH_SEARCH_MAX bytes) holds the candidate names.
 * path NULL means PATH is unset.
 */
int path_search(const char *name, const char *path, char *buf, path_try_fn try_one, void *ctx);

#endif
