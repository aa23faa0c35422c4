/*
 * tracer/select/select.c: the selection and the seccomp filter applied to the engine (see
 * select.h).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "tracer/engine/syscall.h"
#include "tracer/select/inject.h"
#include "tracer/select/messages.h"
#include "tracer/select/seccomp_filter.h"
#include "tracer/select/select.h"
#include "tracer/select/selection.h"

static struct selection sel;
static struct seccomp_prog prog;

static int selected(int pers, long nr)
{
	return selection_has(&sel, pers, nr);
}

/* KEY=VALUE's value if expr's key is one of keys (a NULL-ended list), else NULL. */
static const char *value_of(const char *expr, const char *const *keys)
{
	size_t len = strcspn(expr, "=");

	if (!expr[len])
		return NULL;
	for (; *keys; keys++)
		if (strlen(*keys) == len && !strncmp(expr, *keys, len))
			return expr + len + 1;
	return NULL;
}

/*
 * -e inject=, signal=, quiet= (and quiet's aliases). Returns 0 if expr was one of them
 * and valid, -ENOENT if it is another qualifier, or an exit status after the message.
 */
static int parse_other(const char *expr)
{
	static const char *const inject_keys[] = { "inject", NULL };
	static const char *const signal_keys[] = { "signal", "signals", "s", NULL };
	static const char *const quiet_keys[] = { "quiet", "silent", "silence", "q", NULL };
	static const char *const read_keys[] = { "read", "reads", "r", NULL };
	static const char *const write_keys[] = { "write", "writes", "w", NULL };
	const char *v;
	int err;

	if ((v = value_of(expr, inject_keys))) {
		if ((err = inject_parse(v)) == -ENOMEM)
			return TRACE_EXIT_ERROR;
		if (err < 0)
			fprintf(stderr, "trace: invalid inject argument '%s'\n", v);
		return err < 0 ? TRACE_EXIT_USAGE : 0;
	}
	if ((v = value_of(expr, signal_keys))) {
		if (messages_parse_signals(v, &tstate.signals_hidden) < 0) {
			fprintf(stderr, "trace: invalid signal '%s'\n", v);
			return TRACE_EXIT_USAGE;
		}
		return 0;
	}
	if ((v = value_of(expr, quiet_keys))) {
		if (messages_parse_quiet(v, &tstate.quiet) < 0) {
			fprintf(stderr, "trace: invalid quiet '%s'\n", v);
			return TRACE_EXIT_USAGE;
		}
		return 0;
	}
	if ((v = value_of(expr, read_keys)) || (v = value_of(expr, write_keys))) {
		/* every write key starts with 'w', no read key does */
		struct fdlist *l = expr[0] == 'w' ? &tstate.dumps.write : &tstate.dumps.read;

		if ((err = fdlist_parse(l, v)) == -ENOMEM)
			return TRACE_EXIT_ERROR;
		if (err < 0) {
			fprintf(stderr, "trace: invalid descriptor '%s'\n", v);
			return TRACE_EXIT_USAGE;
		}
		tstate.dumping = tstate.dumps.read.n || tstate.dumps.read.inverted ||
				 tstate.dumps.write.n || tstate.dumps.write.inverted;
		return 0;
	}
	return -ENOENT;
}

int select_calls(const struct trace_opts *o)
{
	int err = selection_init(&sel);

	if (err < 0) {
		fprintf(stderr, "trace: %s\n", strerror(-err));
		return TRACE_EXIT_ERROR;
	}
	tstate.quiet = messages_quiet_level(o->quiet);
	for (int i = 0; i < o->nexprs; i++) {
		const char *bad = NULL;

		if ((err = parse_other(o->exprs[i])) != -ENOENT) {
			if (err)
				return err;
			continue;
		}
		err = selection_parse(&sel, o->exprs[i], &bad);
		if (err == -EINVAL && !strncmp(o->exprs[i], "status=", 7))
			fprintf(stderr, "trace: invalid status '%s'\n", bad ? bad : o->exprs[i]);
		else if (err == -EINVAL)
			fprintf(stderr, "trace: invalid system call '%s'\n", bad ? bad : o->exprs[i]);
		else if (err == -ENOENT)
			fprintf(stderr, "trace: -e %s: only trace=, status=, inject=, signal=, "
				"quiet=, read= and write= are supported\n",
				o->exprs[i]);
		else if (err == -ENOTSUP)
			fprintf(stderr, "trace: -e %s: only status=failed (or all) is supported\n",
				o->exprs[i]);
		else if (err < 0)
			fprintf(stderr, "trace: -e %s: %s\n", o->exprs[i], strerror(-err));
		if (err < 0)
			return err == -ENOMEM ? TRACE_EXIT_ERROR : TRACE_EXIT_USAGE;
	}
	if (o->failed_only)
		selection_set_failed_only(&sel);
	tstate.failed_only = sel.failed_only;
	if (inject_any())
		tstate.inject = inject_decide;
	if (!selection_is_all(&sel))
		tstate.selected = selected;
	return 0;
}

/*
 * What the filter stops on: sel, plus with -k the mmap family (not shown, not counted:
 * selection_has() still decides), so the unwinder's mapping cache is refreshed after each,
 * as strace does. (-e inject= tampers only with selected calls, which stop anyway.)
 * bits[] receives the copies to free. 0 or -ENOMEM.
 */
static int filter_selection(const struct trace_opts *o, struct selection *fsel,
			    uint64_t *bits[PERS_COUNT])
{
	static const char *const mm[] = { "mmap", "munmap", "mprotect", "mremap" };

	*fsel = sel;
	if (!o->stack || sel.all)
		return 0;
	for (int p = 0; p < PERS_COUNT; p++) {
		size_t words = (sel.size[p] + 63) / 64;

		if (!(bits[p] = malloc(words * sizeof(uint64_t) + 8)))
			return -ENOMEM;
		memcpy(bits[p], sel.bits[p], words * sizeof(uint64_t));
		fsel->bits[p] = bits[p];
		for (size_t i = 0; o->stack && i < sizeof(mm) / sizeof(mm[0]); i++) {
			long nr = sysent_lookup(p, mm[i]);

			if (nr >= 0 && nr < sel.size[p])
				bits[p][nr / 64] |= 1ull << (nr % 64);
		}
	}
	return 0;
}

static void free_bits(uint64_t *bits[PERS_COUNT])
{
	for (int p = 0; p < PERS_COUNT; p++)
		free(bits[p]);
}

void select_filter(const struct trace_opts *o)
{
	uint64_t *bits[PERS_COUNT] = { 0 };
	struct selection fsel;
	int err;

	if (o->no_seccomp || o->attach_pid || !seccomp_filter_wanted(&sel))
		return;
	if ((err = filter_selection(o, &fsel, bits)) == 0 && !seccomp_filter_wanted(&fsel)) {
		free_bits(bits);
		return;
	}
	if (err < 0 || (err = seccomp_filter_compile(&fsel, &prog)) < 0) {
		fprintf(stderr, "trace: cannot build the seccomp filter (%s); tracing every "
			"syscall instead\n", strerror(-err));
		free_bits(bits);
		return;
	}
	free_bits(bits);
	tstate.seccomp = 1;
	tstate.child_hook = seccomp_filter_child_hook;
	tstate.child_hook_arg = &prog;
	if (!o->follow)
		tstate.force_follow = 1;
}

int select_dump_filter(const struct trace_opts *o, FILE *out)
{
	uint64_t *bits[PERS_COUNT] = { 0 };
	struct selection fsel;
	int err;

	if (selection_is_all(&sel)) {
		fprintf(out, "# no seccomp filter: every syscall is selected (give -e trace=LIST)\n");
		return 0;
	}
	if ((err = filter_selection(o, &fsel, bits)) == 0)
		err = seccomp_filter_dump(&fsel, out);
	free_bits(bits);
	if (err < 0) {
		fprintf(stderr, "trace: cannot build the seccomp filter: %s\n", strerror(-err));
		return TRACE_EXIT_ERROR;
	}
	return 0;
}
