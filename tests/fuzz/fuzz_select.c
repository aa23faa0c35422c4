/*
 * tests/fuzz/fuzz_select.c: libFuzzer target for the -e expression parser
 * (tracer/select/selection.c). The input is a run of expressions separated by NUL bytes,
 * applied in order to one selection as repeated -e options are (at most MAX_EXPRS of them).
 *
 * Asserted, from selection.h: selection_parse() returns 0, -ENOENT (another qualifier),
 * -EINVAL or -ENOTSUP with the offending token set (a string, the message's subject), or
 * -ENOMEM; on error the selection is left as it was; on success every bitmap covers exactly
 * the personality's table and no bit past it is set, `all` counts the whole table, and a
 * list that is neither negated nor holds `all` selects only numbers the table names.
 * Leaks are LeakSanitizer's to find (the selection is freed at the end).
 */
#include <errno.h>
#include <stdbool.h>
#include <string.h>
#include "tracer/select/selection.h"
#include "tracer/sysent.h"
#include "tests/fuzz/fuzz.h"

#define MAX_EXPRS 8

static long words(long size)
{
	return (size + 63) / 64;
}

/* A copy of s's bitmaps and flags, to check that a refused expression changed nothing. */
struct snapshot {
	uint64_t *bits[PERS_COUNT];
	long size[PERS_COUNT];
	bool all, failed_only;
};

static void snap(struct snapshot *t, const struct selection *s)
{
	for (int p = 0; p < PERS_COUNT; p++) {
		t->size[p] = s->size[p];
		t->bits[p] = malloc((words(s->size[p]) + 1) * sizeof(uint64_t));
		FUZZ_ASSERT(t->bits[p], "out of memory");
		memcpy(t->bits[p], s->bits[p], words(s->size[p]) * sizeof(uint64_t));
	}
	t->all = s->all;
	t->failed_only = s->failed_only;
}

/* Whether s is as t was (its -Z flag too, unless with_failed is false). */
static bool same(const struct snapshot *t, const struct selection *s, bool with_failed)
{
	for (int p = 0; p < PERS_COUNT; p++)
		if (t->size[p] != s->size[p] ||
		    memcmp(t->bits[p], s->bits[p], words(s->size[p]) * sizeof(uint64_t)))
			return false;
	return t->all == s->all && (!with_failed || t->failed_only == s->failed_only);
}

static void unsnap(struct snapshot *t)
{
	for (int p = 0; p < PERS_COUNT; p++)
		free(t->bits[p]);
}

/*
 * Whether expr, a trace= list, selects by name only: no odd run of leading `!` and no
 * `all` item (both select numbers the table does not name, as strace does).
 */
static bool names_only(const char *expr)
{
	const char *eq = strchr(expr, '=');
	bool negate = false;
	const char *p;

	if (eq) {
		if ((size_t)(eq - expr) != 5 || strncmp(expr, "trace", 5))
			return false;
		expr = eq + 1;
	}
	for (; *expr == '!'; expr++)
		negate = !negate;
	if (negate)
		return false;
	for (p = expr; *p; ) {
		size_t len = strcspn(p, ",");

		if ((len == 3 && !strncmp(p, "all", 3)) || (len == 4 && !strncmp(p, "?all", 4)))
			return false;
		p += len + (p[len] == ',');
	}
	return true;
}

static void check_set(const struct selection *s, const char *expr)
{
	bool by_name = names_only(expr);

	for (int p = 0; p < PERS_COUNT; p++) {
		long size = sysent_count(p);

		FUZZ_ASSERT(s->size[p] == size, "pers %d: bitmap of %ld numbers, table of %ld", p,
			    s->size[p], size);
		if (size % 64)
			FUZZ_ASSERT(!(s->bits[p][size / 64] >> (size % 64)),
				    "pers %d: a bit past the table is set after '%s'", p, expr);
		if (s->all) {
			FUZZ_ASSERT(selection_count(s, p) == size, "all, yet %ld of %ld selected",
				    selection_count(s, p), size);
			continue;
		}
		FUZZ_ASSERT(!selection_has(s, p, size) && !selection_has(s, p, -1),
			    "pers %d: a number outside the table selected by '%s'", p, expr);
		for (long nr = 0; by_name && nr < size; nr++)
			FUZZ_ASSERT(!selection_has(s, p, nr) || sysent_name(p, nr),
				    "pers %d: '%s' selects %ld, which the table does not name", p,
				    expr, nr);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int ready;
	struct selection s;
	char *text = malloc(size + 1);
	const char *expr = text;
	int n = 0;

	if (!ready) {
		FUZZ_ASSERT(sysent_init() == 0, "sysent_init failed");
		ready = 1;
	}
	FUZZ_ASSERT(text, "out of memory");
	memcpy(text, data, size);
	text[size] = '\0';
	FUZZ_ASSERT(selection_init(&s) == 0, "selection_init failed");
	check_set(&s, "all");

	for (; expr <= text + size && n < MAX_EXPRS; expr += strlen(expr) + 1, n++) {
		const char *bad = (const char *)1;	/* selection_parse must set it */
		struct snapshot before;
		int rc;

		snap(&before, &s);
		rc = selection_parse(&s, expr, &bad);
		FUZZ_ASSERT(rc == 0 || rc == -ENOENT || rc == -EINVAL || rc == -ENOTSUP ||
			    rc == -ENOMEM, "selection_parse('%s') returned %d", expr, rc);
		if (rc == -EINVAL || rc == -ENOTSUP)
			FUZZ_ASSERT(bad && bad != (const char *)1 && strlen(bad) < size + 1 + 128,
				    "'%s' refused (%d) without naming the token", expr, rc);
		else
			FUZZ_ASSERT(bad == NULL, "'%s' gave %d and a token", expr, rc);
		if (rc < 0)
			FUZZ_ASSERT(same(&before, &s, true), "'%s' refused (%d), yet the selection changed",
				    expr, rc);
		else if (strncmp(expr, "status=", 7))
			check_set(&s, expr);
		else
			FUZZ_ASSERT(same(&before, &s, false),
				    "status '%s' changed the syscall set", expr);
		unsnap(&before);
	}
	selection_free(&s);
	free(text);
	return 0;
}
