/*
 * lib/path_search.h: find PROGRAM in $PATH the way env(1) does (glibc execvp): a name
 * with a slash is used as is; otherwise each PATH entry is tried in turn (an empty entry
 * is the current directory), EACCES is remembered and the search goes on, ENOENT, ENOTDIR,
 * ESTALE, ENODEV and ETIMEDOUT go on silently, any other error stops the search. Pure:
 * the attempt itself is a callback (the loader's execs, trace's checks the file), so the
 * policy is unit-tested with a fake one. Also which directory made a lookup fail with EACCES,
 * so that the loader and trace explain it in the same words. No libc beyond <string.h>: the freestanding loader
 * compiles it too.
 */
#ifndef EXECLAB_PATH_SEARCH_H
#define EXECLAB_PATH_SEARCH_H

#include <stddef.h>

#define PATH_SEARCH_DEFAULT "/bin:/usr/bin"	/* glibc's _CS_PATH when PATH is unset */
#define PATH_SEARCH_MAX 4096

/* Tries one candidate path: -errno on failure; 0 (or does not return) on success. */
typedef int (*path_try_fn)(const char *path, void *ctx);

/*
 * Returns 0 when try_one accepted a candidate (a name with a slash is tried as given; any
 * other candidate is in buf), or the error to report: the stopping error, else -EACCES if any candidate gave
 * EACCES, else -ENOENT. buf (PATH_SEARCH_MAX bytes) holds the candidate names.
 * path NULL means PATH is unset.
 */
int path_search(const char *name, const char *path, char *buf, path_try_fn try_one, void *ctx);

/* The detail for an EACCES that comes from a directory on the way (one %s: the directory). */
#define PATH_UNSEARCHABLE_FMT "cannot search directory %s: no execute permission on it"

/* Whether dir may be searched, with the effective IDs lookups use: 0, or -errno. */
typedef int (*path_may_search_fn)(const char *dir);

/*
 * The lookup of path failed with EACCES: which directory of it refused the search
 * (path_resolution(7))? The first prefix from the left that may_search refuses with EACCES,
 * the current directory first for a relative path ("the current directory"). Every prefix
 * before it was searchable, so the first refusal names the directory itself. Returns 1 with
 * dir (size bytes) filled, or 0 if none is found.
 */
int path_unsearchable_dir(const char *path, char *dir, size_t size, path_may_search_fn may_search);

#endif
