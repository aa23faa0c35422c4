/*
 * tracer/select/selection.h: the selection set of `-e trace=LIST`, `-e status=failed` and `-Z`.
 *
 * A selection is one bitmap per personality over syscall numbers 0 .. sysent_count(pers)-1,
 * built from strace's syntax (see selection_parse()). It answers one question on the hot
 * path, selection_has(), with a shift and a mask: no allocation, no string work per stop.
 *
 * Numbers outside the table (syscalls newer than libseccomp's list, printed as
 * "syscall_0x1c8") are selected only by `all` (the default), never by a list, not even a
 * negated one: the seccomp filter (tracer/select/seccomp_filter.c) cannot name them either, so
 * this keeps the seccomp path and the ptrace-only path in agreement.
 *
 * Needs sysent_init() to have run.
 */
#ifndef EXECLAB_FILTER_H
#define EXECLAB_FILTER_H

#include <stdbool.h>
#include <stdint.h>
#include "tracer/sysent.h"

struct selection {
	uint64_t *bits[PERS_COUNT];	/* bit nr of word nr/64: syscall nr is selected */
	long size[PERS_COUNT];		/* sysent_count(pers) when the bitmaps were made */
	bool all;			/* every syscall, including numbers outside the table */
	bool failed_only;		/* -e status=failed, -Z: print only calls that failed */
};

/* Makes s select everything (strace's default). Returns 0 or -ENOMEM. */
int selection_init(struct selection *s);

/*
 * Applies one -e expression to s (which selection_init() made):
 *   [trace=][!]ITEM[,ITEM...]    ITEM: a syscall name (valid in any personality),
 *                                %CLASS (%file %process %network/%net %memory %signal %desc
 *                                %ipc %creds %clock %stat %lstat %fstat %%stat %statfs
 *                                %fstatfs %%statfs %pure), `all`, `?NAME` (no error if
 *                                unknown), `/REGEX` (POSIX extended, over names)
 *   [trace=][!]none              nothing (`none` only alone, as in strace)
 *   status=[!]LIST               strace's statuses (successful failed unfinished
 *                                unavailable detached all none): a set with failed but
 *                                not successful = only failed calls (as -Z); the full set
 *                                = every call; other sets: -ENOTSUP
 * As in strace 6.1: a trace= expression replaces the previous selection (the last -e
 * trace= wins); a leading `!` negates the whole list; empty items are skipped, but a list
 * with no item at all ("", ",", "!") is an error.
 * Returns 0; -ENOENT if expr is another qualifier (signal=, abbrev=, ...: not ours);
 * -EINVAL with *bad_token set to the offending item (the whole list if it was empty), in
 * static storage valid until the next call; or -ENOMEM. On error s is unchanged.
 */
int selection_parse(struct selection *s, const char *expr, const char **bad_token);
/* Whether a -e trace=/REGEX is refused for what compiling it would cost (nested repeats). */
bool regex_too_costly(const char *re);

/* -Z: only failed calls are shown. */
void selection_set_failed_only(struct selection *s);

/* Is syscall nr of personality pers selected? Hot path: no side effects. */
static inline bool selection_has(const struct selection *s, int pers, long nr)
{
	if (s->all)
		return true;
	if (pers < 0 || pers >= PERS_COUNT || nr < 0 || nr >= s->size[pers])
		return false;
	return (s->bits[pers][nr / 64] >> (nr % 64)) & 1;
}

/* True if everything is selected (then no seccomp filter is worth building). */
bool selection_is_all(const struct selection *s);

/* Number of selected syscalls in pers (for messages and tests). */
long selection_count(const struct selection *s, int pers);

void selection_free(struct selection *s);

#endif
