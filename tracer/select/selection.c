/*
 * tracer/select/selection.c: parse strace's `-e trace=` syntax into per-personality bitmaps.
 *
 * Mirrors strace's filter_qualify.c semantics (the last trace= wins; `!` negates the whole
 * list; `?` silences an unknown name; `/` starts a regex), re-written over sysent.h.
 */
#include <errno.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "tracer/select/selection.h"

#define WORDS(n) (((n) + 63) / 64)

static void set_bit(uint64_t *bits, long nr)
{
	bits[nr / 64] |= UINT64_C(1) << (nr % 64);
}

/* Selects name in every personality that has it. Returns how many personalities did. */
static int add_name(uint64_t *bits[PERS_COUNT], const char *name)
{
	int found = 0;

	for (int p = 0; p < PERS_COUNT; p++) {
		long nr = sysent_lookup(p, name);

		if (nr >= 0 && nr < sysent_count(p)) {
			set_bit(bits[p], nr);
			found++;
		}
	}
	return found;
}

/*
 * %CLASS (item with its '%'): every number whose row is in the class, by the rows' class
 * bits (sysent_in_class()), the one definition of each class. Returns 0, or -EINVAL if
 * the class is unknown.
 */
static int add_class(uint64_t *bits[PERS_COUNT], const char *item)
{
	if (sysent_in_class(PERS_X86_64, -1, item) < 0)
		return -EINVAL;
	for (int p = 0; p < PERS_COUNT; p++)
		for (long nr = 0; nr < sysent_count(p); nr++)
			if (sysent_in_class(p, nr, item) > 0)
				set_bit(bits[p], nr);
	return 0;
}

/*
 * Whether compiling re could take minutes or gigabytes: glibc's regcomp() copies a
 * repeated part once per repetition, so a repetition of a repetition (`a++++`,
 * `a{1,200}{1,200}`, `((a{255}){255}){255}`) grows exponentially, and a large interval
 * bound (`a{1,30000}`) linearly. The estimate below follows those copies: every atom
 * costs 1, a group the sum of its parts, `+`/`?` one more copy of what they repeat,
 * `{n,m}` max(n, m) copies. No syscall name needs a large one: refused, so that a typo
 * in -e trace=/REGEX cannot hang trace or exhaust its memory.
 */
#define REGEX_MAX_REPEATS	32	/* repetition operators in all */
#define REGEX_MAX_BOUND		255	/* the largest number in an interval */
#define REGEX_MAX_COST		4096	/* atoms after regcomp's copies */
#define REGEX_MAX_DEPTH		32	/* nested groups */

/*
 * The ']' that closes the bracket expression starting at c ('['), or NULL if none (regcomp
 * refuses it). A ']' first in the list (after an optional '^') is a member, and so is one
 * inside [:class:], [.coll.] or [=equiv=].
 */
static const char *bracket_end(const char *c)
{
	c++;
	if (*c == '^')
		c++;
	if (*c == ']')
		c++;
	for (; *c; c++) {
		if (*c == '[' && (c[1] == ':' || c[1] == '.' || c[1] == '=')) {
			const char *e = c + 2;

			while (*e && !(e[0] == c[1] && e[1] == ']'))
				e++;
			if (!*e)
				return NULL;
			c = e + 1;
		} else if (*c == ']') {
			return c;
		}
	}
	return NULL;
}

/* The largest number in the interval that starts at *c ('{'); *c is left on its '}'. */
static long interval_bound(const char **c)
{
	long n = 0, most = 0;

	for ((*c)++; **c && **c != '}'; (*c)++) {
		n = **c >= '0' && **c <= '9' ? n * 10 + (**c - '0') : 0;
		if (n > REGEX_MAX_BOUND)
			return -1;
		if (n > most)
			most = n;
	}
	return **c ? most : 0;
}

bool regex_too_costly(const char *re)
{
	long sum[REGEX_MAX_DEPTH + 1] = { 0 }, last = 0;
	int repeats = 0, after_repeat = 0, depth = 0;

	for (const char *c = re; *c; c++) {
		if (*c == '*' || *c == '+' || *c == '?' || *c == '{') {
			long copies = *c == '*' ? 0 : 1;

			if (after_repeat || ++repeats > REGEX_MAX_REPEATS)
				return true;
			if (*c == '{') {
				long most = interval_bound(&c);

				if (most < 0)
					return true;
				if (!*c)
					return false;	/* regcomp() refuses it */
				copies = most > 1 ? most - 1 : 0;
			}
			/* last <= REGEX_MAX_COST and copies <= 255: no overflow */
			sum[depth] += last * copies;
			last += last * copies;
			after_repeat = 1;
		} else if (*c == '(') {
			if (++depth > REGEX_MAX_DEPTH)
				return true;
			sum[depth] = 0;
			last = 0;
			after_repeat = 0;
			continue;
		} else if (*c == ')' && depth > 0) {
			last = sum[depth--];
			sum[depth] += last;
			after_repeat = 0;
		} else {
			if (*c == '\\' && c[1])
				c++;
			else if (*c == '[' && !(c = bracket_end(c)))
				return false;	/* regcomp() refuses it */
			last = *c == '|' ? 0 : 1;
			sum[depth] += last;
			after_repeat = 0;
		}
		if (sum[depth] > REGEX_MAX_COST || last > REGEX_MAX_COST)
			return true;
	}
	return false;
}

/* /REGEX over every name of every personality. Returns matches, or -EINVAL (bad regex). */
static int add_regex(uint64_t *bits[PERS_COUNT], const char *re)
{
	regex_t preg;
	int found = 0;

	if (regex_too_costly(re) || regcomp(&preg, re, REG_EXTENDED | REG_NOSUB) != 0)
		return -EINVAL;
	for (int p = 0; p < PERS_COUNT; p++)
		for (long nr = 0; nr < sysent_count(p); nr++) {
			const char *name = sysent_name(p, nr);

			if (name && regexec(&preg, name, 0, NULL, 0) == 0) {
				set_bit(bits[p], nr);
				found++;
			}
		}
	regfree(&preg);
	return found;
}

/*
 * One item of the list. Returns 0, or -EINVAL for an unknown item. Sets *saw_all for
 * `all` (strace accepts it anywhere in a list; `none` only alone: see the caller).
 */
static int add_item(uint64_t *bits[PERS_COUNT], const char *item, bool *saw_all)
{
	bool optional = false;
	int n;

	if (*item == '?') {		/* strace: no error if unknown */
		optional = true;
		item++;
	}
	if (strcmp(item, "all") == 0) {
		*saw_all = true;
		return 0;
	}
	if (*item == '%') {
		n = add_class(bits, item);
		return n < 0 && !optional ? n : 0;
	}
	if (*item == '/')
		n = add_regex(bits, item + 1);
	else
		n = *item ? add_name(bits, item) : 0;
	return n <= 0 && !optional ? -EINVAL : 0;
}

static void free_bits(uint64_t *bits[PERS_COUNT])
{
	for (int p = 0; p < PERS_COUNT; p++) {
		free(bits[p]);
		bits[p] = NULL;
	}
}

static int alloc_bits(uint64_t *bits[PERS_COUNT], long size[PERS_COUNT])
{
	for (int p = 0; p < PERS_COUNT; p++) {
		size[p] = sysent_count(p);
		if (size[p] < 0)
			size[p] = 0;
		/* +1 word: calloc(0) may return NULL, and an empty table is legal */
		bits[p] = calloc(WORDS(size[p]) + 1, sizeof(uint64_t));
		if (!bits[p]) {
			free_bits(bits);
			return -ENOMEM;
		}
	}
	return 0;
}

int selection_init(struct selection *s)
{
	memset(s, 0, sizeof(*s));
	s->all = true;
	return alloc_bits(s->bits, s->size);
}

void selection_set_failed_only(struct selection *s)
{
	s->failed_only = true;
}

/* strace's -e status= names (strace 5.2+). */
enum {
	ST_SUCCESSFUL = 1 << 0,
	ST_FAILED = 1 << 1,
	ST_UNFINISHED = 1 << 2,
	ST_UNAVAILABLE = 1 << 3,
	ST_DETACHED = 1 << 4,
	ST_ALL = (1 << 5) - 1,
};

static const struct {
	const char *name;
	unsigned bits;
} status_names[] = {
	{ "successful", ST_SUCCESSFUL }, { "failed", ST_FAILED },
	{ "unfinished", ST_UNFINISHED }, { "unavailable", ST_UNAVAILABLE },
	{ "detached", ST_DETACHED }, { "all", ST_ALL }, { "none", 0 },
};

/*
 * status=[!]LIST. trace models one distinction: every call, or only the failed ones
 * (-Z). A set with `failed` but not `successful` means the latter (the rarer statuses
 * unfinished/unavailable/detached follow along); the full set the former; anything else
 * (e.g. `successful` alone) is valid strace but not supported: -ENOTSUP.
 */
static int parse_status(struct selection *s, const char *list, const char **bad_token)
{
	static char bad[64];
	unsigned set = 0;
	bool negate = *list == '!';
	const char *p = list + negate;

	while (*p) {
		size_t len = strcspn(p, ",");
		size_t i;

		for (i = 0; i < sizeof(status_names) / sizeof(status_names[0]); i++)
			if (strlen(status_names[i].name) == len &&
			    strncmp(p, status_names[i].name, len) == 0)
				break;
		if (i == sizeof(status_names) / sizeof(status_names[0])) {
			snprintf(bad, sizeof(bad), "%.*s", (int)len, p);
			*bad_token = bad;
			return -EINVAL;
		}
		set |= status_names[i].bits;
		p += len + (p[len] == ',');
	}
	if (negate)
		set = ~set & ST_ALL;
	if (set == ST_ALL) {
		s->failed_only = false;
		return 0;
	}
	if ((set & ST_FAILED) && !(set & ST_SUCCESSFUL)) {
		s->failed_only = true;
		return 0;
	}
	*bad_token = list;
	return -ENOTSUP;
}

int selection_parse(struct selection *s, const char *expr, const char **bad_token)
{
	static char bad[128];		/* the offending item, NUL-terminated (see filter.h) */
	uint64_t *bits[PERS_COUNT] = { NULL };
	long size[PERS_COUNT];
	bool negate = false, saw_all = false;
	bool any = false;		/* the list, before negation, selected something */
	const char *eq = strchr(expr, '=');
	const char *body;		/* the list, `!` included: strace's error token */
	char *copy, *item, *save;
	int items = 0, rc;

	*bad_token = NULL;
	if (eq) {
		size_t klen = (size_t)(eq - expr);

		if (klen == 6 && strncmp(expr, "status", 6) == 0)
			return parse_status(s, eq + 1, bad_token);
		if (!(klen == 5 && strncmp(expr, "trace", 5) == 0))
			return -ENOENT;		/* another qualifier: not ours */
		expr = eq + 1;
	}
	body = expr;
	while (*expr == '!') {		/* each `!` toggles, as in strace ("!!openat": openat) */
		negate = !negate;
		expr++;
	}
	copy = strdup(strcmp(expr, "none") == 0 ? "" : expr);	/* `none`: an empty list */
	if (!copy)
		return -ENOMEM;
	rc = alloc_bits(bits, size);
	if (rc < 0)
		goto out;

	/* empty items are skipped, as strace does ("openat,,close" is two items) */
	for (item = copy; item; item = save) {
		save = strchr(item, ',');
		if (save)
			*save++ = '\0';
		if (!*item)
			continue;
		items++;
		rc = add_item(bits, item, &saw_all);
		if (rc < 0) {
			snprintf(bad, sizeof(bad), "%s", item);
			*bad_token = bad;
			goto out;
		}
	}
	/* nothing at all ("", ",", "!") is an error naming the whole list; `none` is not */
	if (!items && strcmp(expr, "none") != 0) {
		snprintf(bad, sizeof(bad), "%s", body);
		*bad_token = bad;
		rc = -EINVAL;
		goto out;
	}

	for (int p = 0; p < PERS_COUNT; p++) {
		for (long w = 0; w < WORDS(size[p]); w++) {
			if (saw_all)
				bits[p][w] = ~UINT64_C(0);
			any |= bits[p][w] != 0;
			if (negate)
				bits[p][w] = ~bits[p][w];
		}
		/* keep bits past the table clear: selection_count() and the filter rely on it */
		if (size[p] % 64)
			bits[p][size[p] / 64] &= (UINT64_C(1) << (size[p] % 64)) - 1;
	}

	free_bits(s->bits);
	memcpy(s->bits, bits, sizeof(bits));
	memcpy(s->size, size, sizeof(size));
	memset(bits, 0, sizeof(bits));
	/* `all` or `!none` select numbers outside the table too (see filter.h) */
	s->all = negate ? !any : saw_all;
	rc = 0;
out:
	free_bits(bits);
	free(copy);
	return rc;
}

bool selection_is_all(const struct selection *s)
{
	return s->all;
}

long selection_count(const struct selection *s, int pers)
{
	long n = 0;

	if (pers < 0 || pers >= PERS_COUNT)
		return 0;
	if (s->all)
		return s->size[pers];
	for (long w = 0; w < WORDS(s->size[pers]); w++)
		n += __builtin_popcountll(s->bits[pers][w]);
	return n;
}

void selection_free(struct selection *s)
{
	free_bits(s->bits);
}
