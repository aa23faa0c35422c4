/*
 * lab5-replay [TRACE]: replays an allocation trace (default: alloc.trace beside this
 * source, as installed in the build by make) against lab 5's allocator and against
 * glibc's malloc, each in a child process of its own, and reports for each the peak
 * resident memory of that child (getrusage's ru_maxrss, from wait4) and the replay's time.
 * Reported, not graded: the numbers depend on the machine. Every block's first and last
 * bytes hold a pattern, checked when it is freed or reallocated (and calloc's zeros), so a
 * broken allocator is caught here too.
 *
 * Exit status: 0 when both replays ran, 1 when one failed (its reason on stderr), 2 on
 * bad usage or an unreadable trace.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "lab5_alloc.h"

/* One operation of the trace: 'm' malloc, 'c' calloc, 'r' realloc, 'f' free. */
struct op {
	char kind;
	unsigned id;
	size_t n, size;		/* calloc's count; the size asked for */
};

struct allocator {
	const char *name;
	void *(*malloc)(size_t);
	void (*free)(void *);
	void *(*calloc)(size_t, size_t);
	void *(*realloc)(void *, size_t);
};

static const struct allocator allocators[] = {
	{ "lab 5", lab5_malloc, lab5_free, lab5_calloc, lab5_realloc },
	{ "glibc", malloc, free, calloc, realloc },
};

/* Reads the trace into *ops; the number of operations, or -1 with a message. */
static long read_trace(const char *path, struct op **ops, unsigned *ids)
{
	FILE *f = fopen(path, "r");
	char line[128];
	long n = 0, cap = 0, lineno = 0;

	if (!f) {
		fprintf(stderr, "lab5-replay: %s: %s\n", path, strerror(errno));
		return -1;
	}
	*ids = 0;
	while (fgets(line, sizeof line, f)) {
		struct op o = { 0 };
		int ok;

		lineno++;
		if (line[0] == '#' || line[0] == '\n')
			continue;
		o.kind = line[0];
		switch (o.kind) {
		case 'm': case 'r': ok = sscanf(line + 1, "%u %zu", &o.id, &o.size) == 2; break;
		case 'c': ok = sscanf(line + 1, "%u %zu %zu", &o.id, &o.n, &o.size) == 3; break;
		case 'f': ok = sscanf(line + 1, "%u", &o.id) == 1; break;
		default: ok = 0;
		}
		if (!ok || o.id > 1000000) {
			fprintf(stderr, "lab5-replay: %s:%ld: not an operation\n", path, lineno);
			fclose(f);
			return -1;
		}
		if (n == cap) {
			struct op *more = realloc(*ops, (cap = cap ? 2 * cap : 4096) * sizeof **ops);

			if (!more) {
				fclose(f);
				return -1;
			}
			*ops = more;
		}
		(*ops)[n++] = o;
		if (o.id >= *ids)
			*ids = o.id + 1;
	}
	fclose(f);
	return n;
}

static unsigned char pattern(unsigned id, size_t i)
{
	return (unsigned char)(id * 131 + i * 7 + 1);
}

/*
 * The bytes of an n-byte block that are written and checked: its first and last 16 (all of
 * a small one), so that the replay's time is the allocator's, not memset's. The next
 * sampled offset after i, or n.
 */
enum { EDGE = 16 };
static size_t next_sample(size_t i, size_t n)
{
	i++;
	return i == EDGE && n > 2 * EDGE ? n - EDGE : i;
}

/* Whether p's sampled bytes of an n-byte block below limit are id's pattern (or zero). */
static int intact(const unsigned char *p, unsigned id, size_t n, size_t limit, int zero)
{
	for (size_t i = 0; i < n; i = next_sample(i, n))
		if (i < limit && p[i] != (zero ? 0 : pattern(id, i)))
			return 0;
	return 1;
}

static void fill(unsigned char *p, unsigned id, size_t n)
{
	for (size_t i = 0; i < n; i = next_sample(i, n))
		p[i] = pattern(id, i);
}

static int broken(const struct allocator *a, const char *what, unsigned id, long line)
{
	fprintf(stderr, "lab5-replay: %s: block %u %s (operation %ld)\n", a->name, id, what, line);
	return 1;
}

/* Replays ops with a; 0, or 1 with a message. Runs in its own child process. */
static int replay(const struct allocator *a, const struct op *ops, long nops, unsigned ids)
{
	unsigned char **blk = calloc(ids, sizeof *blk);
	size_t *len = calloc(ids, sizeof *len);

	if (!blk || !len)
		return 1;
	for (long i = 0; i < nops; i++) {
		const struct op *o = &ops[i];
		size_t size = o->kind == 'c' ? o->n * o->size : o->size, old = len[o->id];
		unsigned char *before = blk[o->id];

		if (o->kind == 'f' || o->kind == 'r') {
			if (before && !intact(before, o->id, old, old, 0))
				return broken(a, "changed while it was live", o->id, i + 1);
		}
		switch (o->kind) {
		case 'm': blk[o->id] = a->malloc(size); break;
		case 'c': blk[o->id] = a->calloc(o->n, o->size); break;
		case 'r': blk[o->id] = a->realloc(before, size); break;
		case 'f': a->free(before); blk[o->id] = NULL; len[o->id] = 0; continue;
		}
		if (!blk[o->id]) {
			fprintf(stderr, "lab5-replay: %s: no memory for %zu bytes\n", a->name, size);
			return 1;
		}
		if (o->kind == 'c' && !intact(blk[o->id], o->id, size, size, 1))
			return broken(a, "not zeroed by calloc", o->id, i + 1);
		if (o->kind == 'r' && before && !intact(blk[o->id], o->id, old, size, 0))
			return broken(a, "lost its contents in realloc", o->id, i + 1);
		fill(blk[o->id], o->id, size);
		len[o->id] = size;
	}
	return 0;
}

int main(int argc, char **argv)
{
	const char *path = argc > 1 ? argv[1] : LAB5_TRACE;
	struct op *ops = NULL;
	unsigned ids;
	long nops;
	int rc = 0;

	if (argc > 2 || (argc == 2 && argv[1][0] == '-')) {
		fprintf(stderr, "usage: lab5-replay [TRACE]\n");
		return 2;
	}
	nops = read_trace(path, &ops, &ids);
	if (nops < 0)
		return 2;
	printf("%ld operations on %u blocks (%s)\n", nops, ids, path);
	printf("%-9s %14s %10s\n", "allocator", "peak RSS KiB", "time ms");
	fflush(stdout);
	for (size_t k = 0; k < sizeof allocators / sizeof allocators[0]; k++) {
		struct timespec t0, t1;
		struct rusage ru;
		int status;
		pid_t pid;

		clock_gettime(CLOCK_MONOTONIC, &t0);
		pid = fork();
		if (pid < 0) {
			perror("lab5-replay: fork");
			return 1;
		}
		if (pid == 0)
			_exit(replay(&allocators[k], ops, nops, ids));
		if (wait4(pid, &status, 0, &ru) != pid) {
			perror("lab5-replay: wait4");
			return 1;
		}
		clock_gettime(CLOCK_MONOTONIC, &t1);
		if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
			printf("%-9s %14s %10s\n", allocators[k].name, "failed", "-");
			rc = 1;
			continue;
		}
		printf("%-9s %14ld %10.1f\n", allocators[k].name, ru.ru_maxrss,
		       (t1.tv_sec - t0.tv_sec) * 1e3 + (t1.tv_nsec - t0.tv_nsec) / 1e6);
	}
	free(ops);
	return rc;
}
