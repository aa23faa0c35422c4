/*
 * tracer/select/messages.c: the -e signal= and -e quiet= sets (see messages.h).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "tracer/decode.h"
#include "tracer/select/messages.h"

#define NSIG_MAX 64	/* signals 1..64: one bit each */

static const struct {
	const char *name;
	unsigned bits;
} quiet_names[] = {
	{ "attach", QUIET_ATTACH }, { "exit", QUIET_EXIT }, { "exits", QUIET_EXIT },
	{ "path-resolution", QUIET_PATH_RESOLUTION }, { "personality", QUIET_PERSONALITY },
	{ "thread-execve", QUIET_THREAD_EXECVE }, { "superseded", QUIET_THREAD_EXECVE },
	{ "all", QUIET_ALL }, { "none", 0 },
};

unsigned messages_quiet_level(int n)
{
	static const unsigned levels[] = {
		0, QUIET_ATTACH | QUIET_PERSONALITY,
		QUIET_ATTACH | QUIET_PERSONALITY | QUIET_EXIT, QUIET_ALL,
	};

	return levels[n < 0 ? 0 : n > 3 ? 3 : n];
}

/*
 * Walks a [!]ITEM,ITEM list, calling item(name, len, acc) for each; empty items are
 * skipped, a list with none is an error. Returns 0 with *negate set, or -EINVAL.
 */
static int walk(const char *list, int *negate, int (*item)(const char *, size_t, void *),
		void *acc)
{
	int items = 0;

	*negate = 0;
	while (*list == '!') {
		*negate = !*negate;
		list++;
	}
	while (*list) {
		size_t len = strcspn(list, ",");

		if (len) {
			if (item(list, len, acc) < 0)
				return -EINVAL;
			items++;
		}
		list += len + (list[len] == ',');
	}
	return items ? 0 : -EINVAL;
}

static int quiet_item(const char *s, size_t len, void *acc)
{
	for (size_t i = 0; i < sizeof(quiet_names) / sizeof(quiet_names[0]); i++)
		if (strlen(quiet_names[i].name) == len && !strncmp(s, quiet_names[i].name, len)) {
			*(unsigned *)acc |= quiet_names[i].bits;
			return 0;
		}
	return -EINVAL;
}

int messages_parse_quiet(const char *list, unsigned *set)
{
	unsigned acc = 0;
	int negate;

	if (walk(list, &negate, quiet_item, &acc) < 0)
		return -EINVAL;
	*set = negate ? ~acc & QUIET_ALL : acc;
	return 0;
}

/* A signal by number (1..64), by name with or without "SIG", any case. 0 if unknown. */
static int signal_number(const char *s, size_t len)
{
	char buf[32];
	char *end;
	long v;

	if (len >= sizeof(buf))
		return 0;
	memcpy(buf, s, len);
	buf[len] = '\0';
	if (*buf >= '0' && *buf <= '9') {
		v = strtol(buf, &end, 10);
		return !*end && v >= 1 && v <= NSIG_MAX ? (int)v : 0;
	}
	for (int sig = 1; sig <= NSIG_MAX; sig++) {
		const char *name = signal_name(sig);

		if (!strcasecmp(name, buf) || (!strncasecmp(name, "SIG", 3) &&
					       !strcasecmp(name + 3, buf)))
			return sig;
	}
	return 0;
}

static int signal_item(const char *s, size_t len, void *acc)
{
	int sig;

	if (len == 3 && !strncmp(s, "all", 3)) {
		*(uint64_t *)acc = ~UINT64_C(0);
		return 0;
	}
	if (len == 4 && !strncmp(s, "none", 4))
		return 0;
	if (!(sig = signal_number(s, len)))
		return -EINVAL;
	*(uint64_t *)acc |= UINT64_C(1) << (sig - 1);
	return 0;
}

int messages_parse_signals(const char *list, uint64_t *hidden)
{
	uint64_t shown = 0;
	int negate;

	if (walk(list, &negate, signal_item, &shown) < 0)
		return -EINVAL;
	*hidden = negate ? shown : ~shown;
	return 0;
}
