/*
 * tracer/decode/sysent.c: the syscall table per personality (tracer/sysent.h).
 *
 * Names are libseccomp's: sysent_init() asks it for every number of each personality once
 * and copies the names into one arena. Everything else about a number is its row in
 * tracer/decode/syscallent_*.h, in the shape of strace's syscallent.h:
 *   [NR] = { nargs, classes, decoder, "name" },
 * where decoder is SEN(x) (the function dec_x, tracer/decode/decoders.h), SIG(letters) (the
 * arguments described by a signature, tracer/decode/signature.c) or HEX (every argument in
 * hex). A row counts only when libseccomp gives its number the row's name.
 */
#include <errno.h>
#include <seccomp.h>
#include <stdlib.h>
#include <string.h>
#include <linux/audit.h>
#include "tracer/sysent.h"
#include "tracer/decode/decoders.h"
#include "tracer/decode/sysent_row.h"

/* The rows' class abbreviations, strace's. */
#define TF CLASS_FILE
#define TD CLASS_DESC
#define TP CLASS_PROCESS
#define TN CLASS_NETWORK
#define TS CLASS_SIGNAL
#define TI CLASS_IPC
#define TM CLASS_MEMORY
#define TC CLASS_CREDS
#define TCL CLASS_CLOCK
#define TST CLASS_STAT_PATH
#define TLST CLASS_STAT_LINK
#define TFST CLASS_STAT_FD
#define TSTA CLASS_STAT_ANY
#define TSF CLASS_STATFS_PATH
#define TFSF CLASS_STATFS_FD
#define TSFA CLASS_STATFS_ANY
#define PU CLASS_PURE

/* The rows' decoder column. */
#define SEN(fn) dec_##fn, NULL
#define SIG(letters) dec_signature, #letters
#define HEX NULL, NULL

static const struct sysent_row rows_x86_64[] = {
#include "tracer/decode/syscallent_x86_64.h"
#include "tracer/decode/syscallent_common.h"
};

static const struct sysent_row rows_i386[] = {
#include "tracer/decode/syscallent_i386.h"
#include "tracer/decode/syscallent_common.h"
};

/* Past the last known number, stop after this many unknown ones (x86_64 has a gap 337..423). */
#define SYSENT_GAP 160
#define SYSENT_MAX 2048
#define ARENA_SIZE 16384

struct pers_table {
	uint32_t scmp_arch;
	uint32_t audit_arch;
	const struct sysent_row *all_rows;	/* the static table */
	size_t nrows;
	long count;				/* one more than the largest known number */
	const char **names;			/* [count], NULL for holes */
	const struct sysent_row **rows;		/* [count], NULL where no row counts */
};

#define ROWS(r) .all_rows = r, .nrows = sizeof r / sizeof r[0]

static struct pers_table tables[PERS_COUNT] = {
	[PERS_X86_64] = { .scmp_arch = SCMP_ARCH_X86_64, .audit_arch = AUDIT_ARCH_X86_64,
			  ROWS(rows_x86_64) },
	[PERS_I386] = { .scmp_arch = SCMP_ARCH_X86, .audit_arch = AUDIT_ARCH_I386,
			ROWS(rows_i386) },
};

static char arena[ARENA_SIZE];
static size_t arena_used;
static int initialised;

static const char *arena_copy(const char *s)
{
	size_t n = strlen(s) + 1;
	char *p;

	if (n > sizeof arena - arena_used)
		return NULL;
	p = arena + arena_used;
	memcpy(p, s, n);
	arena_used += n;
	return p;
}

static int build_table(struct pers_table *t)
{
	const char *names[SYSENT_MAX];
	long nr, last = -1;

	for (nr = 0; nr < SYSENT_MAX && nr <= last + SYSENT_GAP; nr++) {
		char *name = seccomp_syscall_resolve_num_arch(t->scmp_arch, (int)nr);

		names[nr] = NULL;
		if (!name)
			continue;
		names[nr] = arena_copy(name);
		free(name);
		if (!names[nr])
			return -ENOMEM;
		last = nr;
	}
	t->count = last + 1;
	t->names = calloc((size_t)t->count, sizeof *t->names);
	t->rows = calloc((size_t)t->count, sizeof *t->rows);
	if (t->count && (!t->names || !t->rows))
		return -ENOMEM;
	for (nr = 0; nr < t->count; nr++) {
		const struct sysent_row *row = (size_t)nr < t->nrows ? &t->all_rows[nr] : NULL;

		t->names[nr] = names[nr];
		if (names[nr] && row && row->name && strcmp(row->name, names[nr]) == 0)
			t->rows[nr] = row;
	}
	return 0;
}

int sysent_init(void)
{
	int p, err;

	if (initialised)
		return 0;
	for (p = 0; p < PERS_COUNT; p++) {
		err = build_table(&tables[p]);
		if (err < 0)
			return err;
	}
	initialised = 1;
	return 0;
}

static const struct pers_table *table_of(int pers)
{
	if (pers < 0 || pers >= PERS_COUNT)
		return NULL;
	if (!initialised && sysent_init() < 0)
		return NULL;
	return &tables[pers];
}

int sysent_pers_from_audit_arch(uint32_t audit_arch)
{
	int p;

	for (p = 0; p < PERS_COUNT; p++)
		if (tables[p].audit_arch == audit_arch)
			return p;
	return -1;
}

uint32_t sysent_audit_arch(int pers)
{
	return pers >= 0 && pers < PERS_COUNT ? tables[pers].audit_arch : 0;
}

long sysent_count(int pers)
{
	const struct pers_table *t = table_of(pers);

	return t ? t->count : 0;
}

const char *sysent_name(int pers, long nr)
{
	const struct pers_table *t = table_of(pers);

	return t && nr >= 0 && nr < t->count ? t->names[nr] : NULL;
}

long sysent_lookup(int pers, const char *name)
{
	const struct pers_table *t = table_of(pers);
	long nr;

	if (!t || !name)
		return -1;
	for (nr = 0; nr < t->count; nr++)
		if (t->names[nr] && strcmp(t->names[nr], name) == 0)
			return nr;
	return -1;
}

const struct sysent_row *sysent_row(int pers, long nr)
{
	const struct pers_table *t = table_of(pers);

	return t && nr >= 0 && nr < t->count ? t->rows[nr] : NULL;
}

const struct sysent_row *sysent_rows(int pers, size_t *count)
{
	if (pers < 0 || pers >= PERS_COUNT) {
		*count = 0;
		return NULL;
	}
	*count = tables[pers].nrows;
	return tables[pers].all_rows;
}

unsigned sysent_classes(int pers, long nr)
{
	const struct sysent_row *row = sysent_row(pers, nr);

	return row ? row->classes : 0;
}

int sysent_nargs(int pers, long nr)
{
	const struct sysent_row *row = sysent_row(pers, nr);

	return row ? row->nargs : 6;
}

decoder_fn sysent_decoder(int pers, long nr)
{
	const struct sysent_row *row = sysent_row(pers, nr);

	return row ? row->decode : NULL;
}

/* strace's class names (-e trace=%NAME); the finer stat classes all map to CLASS_STAT. */
static const struct {
	const char *name;
	unsigned classes;
} class_names[] = {
	{ "file", CLASS_FILE }, { "desc", CLASS_DESC }, { "process", CLASS_PROCESS },
	{ "network", CLASS_NETWORK }, { "net", CLASS_NETWORK }, { "signal", CLASS_SIGNAL },
	{ "ipc", CLASS_IPC }, { "memory", CLASS_MEMORY }, { "creds", CLASS_CREDS },
	{ "clock", CLASS_CLOCK }, { "%stat", CLASS_STAT }, { "%statfs", CLASS_STAT },
	{ "stat", CLASS_STAT }, { "lstat", CLASS_STAT }, { "fstat", CLASS_STAT },
	{ "statfs", CLASS_STAT }, { "fstatfs", CLASS_STAT },
};

unsigned sysent_class_by_name(const char *name)
{
	size_t i;

	if (!name)
		return 0;
	if (name[0] == '%')
		name++;
	for (i = 0; i < sizeof class_names / sizeof class_names[0]; i++)
		if (strcmp(class_names[i].name, name) == 0)
			return class_names[i].classes;
	return 0;
}

/* strace's finer classes: names after the first '%' and the row bit that says membership. */
static const struct {
	const char *name;
	unsigned classes;
} fine_classes[] = {
	{ "stat", CLASS_STAT_PATH }, { "lstat", CLASS_STAT_LINK }, { "fstat", CLASS_STAT_FD },
	{ "%stat", CLASS_STAT_ANY }, { "statfs", CLASS_STATFS_PATH },
	{ "fstatfs", CLASS_STATFS_FD }, { "%statfs", CLASS_STATFS_ANY }, { "pure", CLASS_PURE },
};

int sysent_in_class(int pers, long nr, const char *name)
{
	size_t i;
	unsigned cls = 0;

	if (!name)
		return -1;
	if (name[0] == '%')
		name++;
	for (i = 0; i < sizeof fine_classes / sizeof fine_classes[0] && !cls; i++)
		if (strcmp(fine_classes[i].name, name) == 0)
			cls = fine_classes[i].classes;
	if (!cls)
		cls = sysent_class_by_name(name);
	if (!cls)
		return -1;
	return (sysent_classes(pers, nr) & cls) != 0;
}
