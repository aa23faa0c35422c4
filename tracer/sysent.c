/*
 * tracer/sysent.c: the syscall table per personality (tracer/sysent.h).
 *
 * Names are mechanical facts: sysent_init() asks libseccomp for every number of each
 * personality once and copies the names into one arena. Judgement (nargs, classes, which
 * decoder) is hand-written per NAME in tracer/decode/sysdefs.c and tracer/decode/table.c,
 * and joined to the numbers here, so one table serves x86_64 and i386 alike.
 */
#include <errno.h>
#include <seccomp.h>
#include <stdlib.h>
#include <string.h>
#include <linux/audit.h>
#include "tracer/sysent.h"
#include "tracer/decode/common.h"
#include "tracer/decode/sysdefs.h"

/* Past the last known number, stop after this many unknown ones (x86_64 has a gap 335..423). */
#define SYSENT_GAP 160
#define SYSENT_MAX 2048
#define ARENA_SIZE 16384

struct pers_table {
	uint32_t scmp_arch;
	uint32_t audit_arch;
	long count;				/* one more than the largest known number */
	const char **names;			/* [count], NULL for holes */
	const struct sysdef **defs;		/* [count] */
	decoder_fn *decoders;			/* [count] */
};

static struct pers_table tables[PERS_COUNT] = {
	[PERS_X86_64] = { .scmp_arch = SCMP_ARCH_X86_64, .audit_arch = AUDIT_ARCH_X86_64 },
	[PERS_I386] = { .scmp_arch = SCMP_ARCH_X86, .audit_arch = AUDIT_ARCH_I386 },
};

static char arena[ARENA_SIZE];
static size_t arena_used;
static int initialised;

const struct sysdef *sysdef_find(const char *name)
{
	size_t lo = 0, hi = sysdefs_count;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int cmp = strcmp(name, sysdefs[mid].name);

		if (cmp == 0)
			return &sysdefs[mid];
		if (cmp < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

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
	t->defs = calloc((size_t)t->count, sizeof *t->defs);
	t->decoders = calloc((size_t)t->count, sizeof *t->decoders);
	if (t->count && (!t->names || !t->defs || !t->decoders))
		return -ENOMEM;
	for (nr = 0; nr < t->count; nr++) {
		t->names[nr] = names[nr];
		if (!names[nr])
			continue;
		t->defs[nr] = sysdef_find(names[nr]);
		t->decoders[nr] = decoder_find(names[nr]);
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

static const struct sysdef *def_of(int pers, long nr)
{
	const struct pers_table *t = table_of(pers);

	return t && nr >= 0 && nr < t->count ? t->defs[nr] : NULL;
}

unsigned sysent_classes(int pers, long nr)
{
	const struct sysdef *def = def_of(pers, nr);

	return def ? def->classes : 0;
}

int sysent_nargs(int pers, long nr)
{
	const struct sysdef *def = def_of(pers, nr);

	if (!def)
		return 6;
	if (pers == PERS_I386 && def->nargs32)
		return def->nargs32;
	return def->nargs;
}

decoder_fn sysent_decoder(int pers, long nr)
{
	const struct pers_table *t = table_of(pers);

	return t && nr >= 0 && nr < t->count ? t->decoders[nr] : NULL;
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

/* strace's finer classes, as lists of names (strace's TST, TLST, TFST, TSF, TFSF, TSFA, PU). */
static const char *const stat_names[] = { "stat", "stat64", "oldstat", NULL };
static const char *const lstat_names[] = { "lstat", "lstat64", "oldlstat", NULL };
static const char *const fstat_names[] = {
	"fstat", "fstat64", "oldfstat", "newfstatat", "fstatat64", "statx", NULL
};
static const char *const statfs_names[] = { "statfs", "statfs64", NULL };
static const char *const fstatfs_names[] = { "fstatfs", "fstatfs64", NULL };
static const char *const ustat_names[] = { "ustat", NULL };
static const char *const pure_names[] = {
	"getegid", "getegid32", "geteuid", "geteuid32", "getgid", "getgid32", "getpgrp",
	"getpid", "getppid", "gettid", "getuid", "getuid32", NULL
};

static const struct {
	const char *name;			/* without the leading % */
	const char *const *lists[3];
} fine_classes[] = {
	{ "stat", { stat_names } },
	{ "lstat", { lstat_names } },
	{ "fstat", { fstat_names } },
	{ "%stat", { stat_names, lstat_names, fstat_names } },
	{ "statfs", { statfs_names } },
	{ "fstatfs", { fstatfs_names } },
	{ "%statfs", { statfs_names, fstatfs_names, ustat_names } },
	{ "pure", { pure_names } },
};

static int in_list(const char *const *list, const char *name)
{
	for (; list && *list; list++)
		if (strcmp(*list, name) == 0)
			return 1;
	return 0;
}

int sysent_in_class(int pers, long nr, const char *name)
{
	const char *sys = sysent_name(pers, nr);
	size_t i;
	unsigned cls;

	if (!name)
		return -1;
	if (name[0] == '%')
		name++;
	for (i = 0; i < sizeof fine_classes / sizeof fine_classes[0]; i++) {
		if (strcmp(fine_classes[i].name, name) != 0)
			continue;
		return sys && (in_list(fine_classes[i].lists[0], sys) ||
			       in_list(fine_classes[i].lists[1], sys) ||
			       in_list(fine_classes[i].lists[2], sys));
	}
	cls = sysent_class_by_name(name);
	if (!cls)
		return -1;
	return (sysent_classes(pers, nr) & cls) != 0;
}
