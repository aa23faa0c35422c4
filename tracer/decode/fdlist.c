/*
 * tracer/decode/fdlist.c: the fd sets of -e read=FDS and -e write=FDS (decode.h, struct
 * fdlist), in strace's syntax: numbers separated by commas, `all`, `none`, each leading `!`
 * inverting the rest. As in strace, a later -e read= replaces the earlier one.
 */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include "tracer/decode.h"

int fdlist_has(const struct fdlist *l, int fd)
{
	int in = 0;

	for (size_t i = 0; i < l->n && !in; i++)
		in = l->fds[i] == fd;
	return in != l->inverted;
}

/* A descriptor as strace reads one: decimal digits, 0 .. INT_MAX. */
static int parse_fd(const char *s, size_t len)
{
	long v = 0;

	if (!len)
		return -1;
	for (size_t i = 0; i < len; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
		if (v > INT_MAX)
			return -1;
	}
	return (int)v;
}

int fdlist_parse(struct fdlist *l, const char *spec)
{
	struct fdlist nl = { 0 };
	const char *s = spec;
	int any = 0;

	while (*s == '!') {
		nl.inverted = !nl.inverted;
		s++;
	}
	if (!strcmp(s, "none") || !strcmp(s, "all")) {
		nl.inverted ^= s[0] == 'a';
		free(l->fds);
		*l = nl;
		return 0;
	}
	while (*s) {
		size_t len = strcspn(s, ",");
		int fd;

		if (len) {
			if ((fd = parse_fd(s, len)) < 0 || nl.n == FDLIST_MAX) {
				free(nl.fds);
				return -EINVAL;
			}
			if (!nl.fds && !(nl.fds = malloc(FDLIST_MAX * sizeof *nl.fds)))
				return -ENOMEM;
			nl.fds[nl.n++] = fd;
			any = 1;
		}
		s += len + (s[len] == ',');
	}
	if (!any)
		return -EINVAL;
	free(l->fds);
	*l = nl;
	return 0;
}
