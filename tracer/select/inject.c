/*
 * tracer/select/inject.c: the -e inject= rules and the decision at each entry (see
 * inject.h).
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "tracer/decode.h"
#include "tracer/select/inject.h"

#define INJECT_MAX_RULES 16
#define MAX_ERRNO 4095		/* the kernel's largest error number (include/linux/err.h) */

struct inject_rule {
	struct selection set;
	int64_t rval;		/* -ERRNO or N */
	unsigned first, last, step;	/* invocations first, first+step, ... up to last */
};

static struct inject_rule rules[INJECT_MAX_RULES];
static int nrules;
static long table_size;	/* sum of sysent_count() over personalities: one tcb's counters */

static int parse_uint(const char *s, const char **end, unsigned long max, unsigned *out)
{
	char *e;
	unsigned long v;

	if (*s < '0' || *s > '9')
		return -EINVAL;
	errno = 0;
	v = strtoul(s, &e, 10);
	if (errno || v > max)
		return -EINVAL;
	*out = v;
	*end = e;
	return 0;
}

/* first[..last][+[step]], as strace accepts it (first >= 1). */
static int parse_when(struct inject_rule *r, const char *s)
{
	const char *p;

	if (parse_uint(s, &p, UINT_MAX, &r->first) || !r->first)
		return -EINVAL;
	r->last = r->first;
	r->step = 0;
	if (!strncmp(p, "..", 2)) {
		if (parse_uint(p + 2, &p, UINT_MAX, &r->last) || r->last < r->first)
			return -EINVAL;
		r->step = 1;
	}
	if (*p == '+') {
		if (r->last == r->first)
			r->last = UINT_MAX;
		r->step = 1;
		p++;
		if (*p && (parse_uint(p, &p, UINT_MAX, &r->step) || !r->step))
			return -EINVAL;
	}
	return *p ? -EINVAL : 0;
}

/* ENOENT or ENoEnt by name (errno_name()'s names), or 1..4095. */
static int parse_errno(const char *s, int64_t *out)
{
	unsigned v;
	const char *end;

	if (parse_uint(s, &end, MAX_ERRNO, &v) == 0 && !*end && v) {
		*out = -(int64_t)v;
		return 0;
	}
	for (int e = 1; e <= MAX_ERRNO; e++) {
		const char *name = errno_name(e);

		if (name && !strcasecmp(name, s)) {
			*out = -(int64_t)e;
			return 0;
		}
	}
	return -EINVAL;
}

static int parse_retval(const char *s, int64_t *out)
{
	char *end;
	long long v;

	errno = 0;
	v = strtoll(s, &end, 0);
	if (errno || end == s || *end || v < 0)
		return -EINVAL;
	*out = v;
	return 0;
}

int inject_parse(const char *spec)
{
	struct inject_rule r = { .first = 1, .last = UINT_MAX, .step = 1 };
	char *copy, *tok, *save = NULL, *set;
	const char *bad;
	bool have_result = false;
	int err = -EINVAL;

	if (nrules >= INJECT_MAX_RULES)
		return -EINVAL;
	if (!(copy = strdup(spec)))
		return -ENOMEM;
	set = strtok_r(copy, ":", &save);
	if (!set || (err = selection_init(&r.set)) < 0)
		goto out;
	{
		char expr[strlen(set) + sizeof("trace=")];

		snprintf(expr, sizeof(expr), "trace=%s", set);
		if ((err = selection_parse(&r.set, expr, &bad)) < 0)
			goto fail;
	}
	err = -EINVAL;
	while ((tok = strtok_r(NULL, ":", &save))) {
		if (!strncmp(tok, "error=", 6) && !have_result) {
			if (parse_errno(tok + 6, &r.rval))
				goto fail;
			have_result = true;
		} else if (!strncmp(tok, "retval=", 7) && !have_result) {
			if (parse_retval(tok + 7, &r.rval))
				goto fail;
			have_result = true;
		} else if (!strncmp(tok, "when=", 5)) {
			if (parse_when(&r, tok + 5))
				goto fail;
		} else {
			goto fail;
		}
	}
	if (!have_result)
		goto fail;
	table_size = 0;
	for (int p = 0; p < PERS_COUNT; p++)
		table_size += sysent_count(p) > 0 ? sysent_count(p) : 0;
	rules[nrules++] = r;
	err = 0;
	goto out;
fail:
	selection_free(&r.set);
out:
	free(copy);
	return err;
}

bool inject_any(void)
{
	return nrules > 0;
}

/* Index of (pers, nr) in a tcb's counters, or -1 outside the tables. */
static long counter_index(int pers, long nr)
{
	long base = 0;

	if (nr < 0 || nr >= sysent_count(pers))
		return -1;
	for (int p = 0; p < pers; p++)
		base += sysent_count(p) > 0 ? sysent_count(p) : 0;
	return base + nr;
}

int inject_decide(struct tcb *t, int64_t *rval)
{
	const struct inject_rule *r = NULL;
	long idx;
	unsigned n;

	for (int i = nrules - 1; i >= 0 && !r; i--)
		if (selection_has(&rules[i].set, t->call.pers, t->call.nr))
			r = &rules[i];
	if (!r || (idx = counter_index(t->call.pers, t->call.nr)) < 0)
		return 0;
	if (!t->inject_seen && !(t->inject_seen = calloc(table_size, sizeof(unsigned))))
		return 0;
	n = ++t->inject_seen[idx];
	if (n < r->first || n > r->last)
		return 0;
	if (n != r->first && (!r->step || (n - r->first) % r->step))
		return 0;
	*rval = r->rval;
	return 1;
}
