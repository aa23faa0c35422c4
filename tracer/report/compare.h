/*
 * tracer/report/compare.h: `--compare 'CMD A' 'CMD B' ...`: one table of syscall counts, a column
 * per command. Pure formatters over the count tables the engine filled, one per command.
 *
 *   syscall          /bin/true  loader/loader /bin/true
 *   ---------------- --------- ----------------------- -
 *   mmap                     8                       12
 *   arch_prctl               0                        3 *
 *   ...
 *   ---------------- --------- -----------------------
 *   total                   29                       61
 *
 *   * only in one command
 *
 * Rows: every syscall with calls in some command, sorted by its largest count (descending),
 * ties by name. Non-native personalities' rows are named "NAME (i386)". The last column
 * holds `*` when exactly one command made the call (with two commands or more); the
 * legend line is printed only if some row has it.
 */
#ifndef EXECLAB_COMPARE_H
#define EXECLAB_COMPARE_H

#include <stdio.h>
#include "tracer/report/count.h"

struct compare_run {
	const char *label;			/* the command string, as given */
	const struct count_table *table;
	const struct run_result *result;	/* may be NULL (JSON then omits "exit") */
};

/* The table above. Returns 0, or -ENOMEM. */
int compare_print(FILE *out, const struct compare_run *runs, size_t n);

/*
 * The same as JSON:
 * {"commands": [{"command": "A", "exit": {"status": 0}}, ...],
 *  "syscalls": [{"name": "mmap", "calls": [8, 12], "errors": [0, 0],
 *                "seconds": [0.000010, 0.000020], "only_in": "B"}, ...],   only_in: if so
 *  "total": {"calls": [29, 61], "errors": [..], "seconds": [..]}}
 * Returns 0, or -ENOMEM.
 */
int compare_print_json(FILE *out, const struct compare_run *runs, size_t n);

/*
 * Splits cmd on blanks (space, tab, newline) into a NULL-terminated argv: no quotes, no
 * shell. *argv_out is one allocation (free() it). Returns argc, -EINVAL for an empty
 * command, or -ENOMEM.
 */
int compare_split_argv(const char *cmd, char ***argv_out);

#endif
