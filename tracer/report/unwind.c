/*
 * tracer/report/unwind.c: -k stack traces: libunwind-ptrace walks, symbols.h names.
 *
 * Where the time goes without caches (strace -k: 38x slower on `find`): reading the ELF
 * file behind each frame and searching its symbols. Here each file's symbol table is read
 * once per run (keyed by device and inode, shared by every process mapping the file), and
 * a function name is looked up once per (file, offset).
 */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <elf.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <libunwind-ptrace.h>
#include "tracer/report/symbols.h"
#include "tracer/report/unwind.h"

#define MAX_FRAMES 256		/* as strace: a deeper stack is cut */

/* One executable mapping of /proc/PID/maps. */
struct mapping {
	uint64_t start, end, offset;	/* [start, end) maps the file from offset */
	uint64_t dev, ino;		/* ino 0: anonymous (or [vdso] & co.) */
	char *path;
};

struct uproc {				/* a thread group */
	pid_t tgid;
	unw_addr_space_t as;
	struct mapping *maps;
	size_t nmaps, cap_maps;
	bool maps_stale;		/* unwind_flush() called: re-read before the next walk */
	uint64_t unmapped_ip;		/* last ip found outside every mapping (see walk()) */
	bool elf32;			/* a 32-bit program: this libunwind cannot walk it */
};

struct uthread {
	pid_t tid, tgid;
	void *upt;			/* _UPT_create(tid); NULL until first use */
};

/* Symbol cache entry: the function holding the instruction at offset off of file (dev, ino). */
struct sym {
	uint64_t dev, ino, off;
	const char *func;		/* NULL: no symbol covers it */
	uint64_t start_off;		/* off minus the function's start */
	bool used;
};

/* A mapped file's symbol table, read at the first lookup in it. */
struct symtab {
	uint64_t dev, ino;
	struct symfile *sf;		/* NULL: the file could not be read */
};

struct unwinder {
	bool cache;
	/* processes and threads: few, and -k is costly anyway: linear arrays suffice */
	struct uproc *procs;
	size_t nprocs, cap_procs;
	struct uthread *threads;
	size_t nthreads, cap_threads;
	/* open addressing, linear probing, capacity a power of two, at most half full */
	struct sym *syms;
	size_t nsyms, cap_syms;
	/* the files met so far: few (tens), searched only when the cache above misses */
	struct symtab *files;
	size_t nfiles, cap_files;
	char names[MAX_FRAMES][256];	/* this walk's names of anonymous code (libunwind's) */
	struct unwind_stats stats;
};

/* ---- small containers ---- */

static int grow(void **arr, size_t *cap, size_t elem)
{
	size_t ncap = *cap ? *cap * 2 : 8;
	void *n = realloc(*arr, ncap * elem);

	if (!n)
		return -ENOMEM;
	memset((char *)n + *cap * elem, 0, (ncap - *cap) * elem);
	*arr = n;
	*cap = ncap;
	return 0;
}

struct maps {
	struct mapping *m;
	size_t n, cap;
};

static void free_maps(struct mapping *m, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(m[i].path);
	free(m);
}

static void drop_maps(struct uproc *p)
{
	free_maps(p->maps, p->nmaps);
	p->maps = NULL;
	p->nmaps = p->cap_maps = 0;
}

static struct uproc *find_proc(struct unwinder *u, pid_t tgid, bool create)
{
	struct uproc *p;

	for (size_t i = 0; i < u->nprocs; i++)
		if (u->procs[i].tgid == tgid)
			return &u->procs[i];
	if (!create)
		return NULL;
	if (u->nprocs == u->cap_procs &&
	    grow((void **)&u->procs, &u->cap_procs, sizeof(*u->procs)) < 0)
		return NULL;
	p = &u->procs[u->nprocs];
	memset(p, 0, sizeof(*p));
	p->tgid = tgid;
	p->as = unw_create_addr_space(&_UPT_accessors, 0);
	if (!p->as)
		return NULL;
	/* GLOBAL: one cache for the address space, for all threads (none is used here
	 * concurrently). NONE without the cache, to measure what it buys. */
	unw_set_caching_policy(p->as, u->cache ? UNW_CACHE_GLOBAL : UNW_CACHE_NONE);
	u->nprocs++;
	return p;
}

static struct uthread *find_thread(struct unwinder *u, pid_t tid, pid_t tgid)
{
	struct uthread *t;

	for (size_t i = 0; i < u->nthreads; i++)
		if (u->threads[i].tid == tid) {
			t = &u->threads[i];
			if (t->tgid != tgid) {	/* tid reused, or a thread exec'd as leader */
				if (t->upt)
					_UPT_destroy(t->upt);
				t->upt = NULL;
				t->tgid = tgid;
			}
			return t;
		}
	if (u->nthreads == u->cap_threads &&
	    grow((void **)&u->threads, &u->cap_threads, sizeof(*u->threads)) < 0)
		return NULL;
	t = &u->threads[u->nthreads++];
	t->tid = tid;
	t->tgid = tgid;
	t->upt = NULL;
	return t;
}

/* ---- /proc/PID/maps ---- */

/* Parses the executable mappings of tgid into *out. 0 or -errno. */
static int read_maps(struct unwinder *u, pid_t tgid, struct maps *out)
{
	char path[64], *line = NULL;
	size_t linecap = 0;
	FILE *f;
	int rc = 0;

	memset(out, 0, sizeof(*out));
	snprintf(path, sizeof(path), "/proc/%d/maps", (int)tgid);
	f = fopen(path, "re");
	if (!f)
		return -errno;
	u->stats.maps_reads++;
	while (getline(&line, &linecap, f) > 0) {
		uint64_t start, end, offset, ino;
		unsigned major, minor;
		char perms[5];
		int name_at = 0;
		struct mapping *m;

		if (sscanf(line, "%" SCNx64 "-%" SCNx64 " %4s %" SCNx64 " %x:%x %" SCNu64 " %n",
			   &start, &end, perms, &offset, &major, &minor, &ino, &name_at) < 7)
			continue;
		if (perms[2] != 'x')	/* code lives only in executable mappings */
			continue;
		line[strcspn(line, "\n")] = '\0';
		if (out->n == out->cap && grow((void **)&out->m, &out->cap, sizeof(*out->m)) < 0) {
			rc = -ENOMEM;
			break;
		}
		m = &out->m[out->n];
		m->start = start;
		m->end = end;
		m->offset = offset;
		m->dev = (uint64_t)major << 32 | minor;
		m->ino = ino;
		m->path = strdup(name_at && line[name_at] ? line + name_at : "");
		if (!m->path) {
			rc = -ENOMEM;
			break;
		}
		out->n++;
	}
	free(line);
	fclose(f);
	if (rc < 0) {
		free_maps(out->m, out->n);
		memset(out, 0, sizeof(*out));
	}
	return rc;
}

static bool same_maps(const struct mapping *a, size_t na, const struct mapping *b, size_t nb)
{
	if (na != nb)
		return false;
	for (size_t i = 0; i < na; i++)
		if (a[i].start != b[i].start || a[i].end != b[i].end ||
		    a[i].offset != b[i].offset || a[i].dev != b[i].dev || a[i].ino != b[i].ino ||
		    strcmp(a[i].path, b[i].path) != 0)
			return false;
	return true;
}

/* Drops what libunwind cached about p's code: its unwind info, each thread's ELF image. */
static void drop_unwind_caches(struct unwinder *u, struct uproc *p)
{
	unw_flush_cache(p->as, 0, 0);
	/* each _UPT context caches the last ELF image it opened: recreate them */
	for (size_t i = 0; i < u->nthreads; i++)
		if (u->threads[i].tgid == p->tgid && u->threads[i].upt) {
			_UPT_destroy(u->threads[i].upt);
			u->threads[i].upt = NULL;
		}
}

/*
 * Is tgid running a 32-bit program? libunwind is built for one target (x86_64 here) and
 * would walk an i386 stack as garbage (strace issue #162): such stacks are refused.
 */
static bool is_elf32(pid_t tgid)
{
	unsigned char ident[EI_NIDENT];
	char path[64];
	FILE *f;
	bool r = false;

	snprintf(path, sizeof(path), "/proc/%d/exe", (int)tgid);
	f = fopen(path, "re");
	if (!f)
		return false;	/* exe unreadable (another user's): try to walk */
	if (fread(ident, 1, sizeof(ident), f) == sizeof(ident) &&
	    memcmp(ident, ELFMAG, SELFMAG) == 0)
		r = ident[EI_CLASS] == ELFCLASS32;
	fclose(f);
	return r;
}

/*
 * Brings p's mappings up to date. Most mmap/munmap/mprotect calls (malloc's arenas,
 * thread stacks) do not touch executable mappings: then the new list equals the old one
 * and libunwind's caches stay. Only a change in code mappings (dlopen, execve) drops them.
 */
static int refresh_maps(struct unwinder *u, struct uproc *p)
{
	struct maps fresh;
	int rc = read_maps(u, p->tgid, &fresh);

	if (rc < 0)
		return rc;
	p->maps_stale = false;
	if (p->maps && same_maps(p->maps, p->nmaps, fresh.m, fresh.n)) {
		free_maps(fresh.m, fresh.n);
		return 0;
	}
	if (p->maps) {
		u->stats.code_changes++;
		drop_unwind_caches(u, p);
	}
	drop_maps(p);
	p->maps = fresh.m;
	p->nmaps = fresh.n;
	p->cap_maps = fresh.cap;
	p->elf32 = is_elf32(p->tgid);	/* new code: maybe a new program */
	return 0;
}

/* The mapping holding ip (the kernel lists mappings in address order). */
static const struct mapping *find_mapping(const struct uproc *p, uint64_t ip)
{
	size_t lo = 0, hi = p->nmaps;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (ip < p->maps[mid].start)
			hi = mid;
		else if (ip >= p->maps[mid].end)
			lo = mid + 1;
		else
			return &p->maps[mid];
	}
	return NULL;
}

/* ---- symbol cache ---- */

static size_t sym_hash(uint64_t dev, uint64_t ino, uint64_t off)
{
	/* splitmix64's finalizer over a cheap combination: spreads nearby offsets */
	uint64_t x = off ^ (ino * 0x9e3779b97f4a7c15ull) ^ (dev << 17);

	x ^= x >> 30;
	x *= 0xbf58476d1ce4e5b9ull;
	x ^= x >> 27;
	x *= 0x94d049bb133111ebull;
	x ^= x >> 31;
	return (size_t)x;
}

static struct sym *sym_slot(struct sym *syms, size_t cap, uint64_t dev, uint64_t ino,
			    uint64_t off)
{
	size_t i = sym_hash(dev, ino, off) & (cap - 1);

	while (syms[i].used && !(syms[i].dev == dev && syms[i].ino == ino && syms[i].off == off))
		i = (i + 1) & (cap - 1);
	return &syms[i];
}

static int sym_grow(struct unwinder *u)
{
	size_t ncap = u->cap_syms ? u->cap_syms * 2 : 1024;
	struct sym *n = calloc(ncap, sizeof(*n));

	if (!n)
		return -ENOMEM;
	for (size_t i = 0; i < u->cap_syms; i++)
		if (u->syms[i].used)
			*sym_slot(n, ncap, u->syms[i].dev, u->syms[i].ino, u->syms[i].off) =
				u->syms[i];
	free(u->syms);
	u->syms = n;
	u->cap_syms = ncap;
	return 0;
}

/* ---- symbol tables of mapped files ---- */

/* Is fd the file (dev, ino) of the mapping? */
static bool is_mapped_file(int fd, const struct mapping *m)
{
	struct stat st;

	return fstat(fd, &st) == 0 && (uint64_t)st.st_ino == m->ino &&
	       ((uint64_t)major(st.st_dev) << 32 | minor(st.st_dev)) == m->dev;
}

/*
 * Opens the file behind m: by its path when that still names the same file, else through
 * /proc/TGID/map_files (replaced or deleted files, another mount namespace; needs
 * privilege), else by its path anyway (a file system whose stat differs from the maps').
 */
static int open_mapped(pid_t tgid, const struct mapping *m)
{
	char path[96];
	int fd = m->path[0] == '/' ? open(m->path, O_RDONLY | O_CLOEXEC) : -1;

	if (fd >= 0 && is_mapped_file(fd, m))
		return fd;
	if (fd >= 0)
		close(fd);
	snprintf(path, sizeof(path), "/proc/%d/map_files/%" PRIx64 "-%" PRIx64, (int)tgid,
		 m->start, m->end);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0 && m->path[0] == '/')
		fd = open(m->path, O_RDONLY | O_CLOEXEC);
	return fd;
}

/* The symbol table of m's file, read at its first use. NULL: none to be had. */
static const struct symfile *file_symbols(struct unwinder *u, pid_t tgid,
					  const struct mapping *m)
{
	struct symtab *f;
	int fd;

	for (size_t i = 0; i < u->nfiles; i++)
		if (u->files[i].dev == m->dev && u->files[i].ino == m->ino)
			return u->files[i].sf;
	if (u->nfiles == u->cap_files &&
	    grow((void **)&u->files, &u->cap_files, sizeof(*u->files)) < 0)
		return NULL;
	f = &u->files[u->nfiles++];
	f->dev = m->dev;
	f->ino = m->ino;
	fd = open_mapped(tgid, m);
	f->sf = fd >= 0 ? symfile_load(m->path, fd) : NULL;
	u->stats.files_read++;
	return f->sf;
}

static void drop_files(struct unwinder *u)
{
	for (size_t i = 0; i < u->nfiles; i++)
		symfile_free(u->files[i].sf);
	u->nfiles = 0;
}

/* ---- the walk ---- */

/* Code without a file ([vdso], JIT): libunwind reads its symbols from the tracee. */
static void lookup_anonymous(struct unwinder *u, unw_cursor_t *c, struct unwind_frame *f,
			     int n)
{
	char *buf = u->names[n];
	unw_word_t off = 0;
	int rc;

	buf[0] = '\0';
	rc = unw_get_proc_name(c, buf, sizeof(u->names[n]), &off);
	/* UNW_ENOMEM: the name did not fit and was cut; still the best we have */
	f->func = (rc == 0 || rc == -UNW_ENOMEM) && buf[0] ? buf : NULL;
	f->func_off = f->func ? off : 0;
}

/*
 * Names the function of frame f, in mapping m of process tgid. call_site: f's ip is a
 * return address, so the call before it (at ip - 1) is named: a call that never returns
 * may be the last instruction of its function, its return address the next function's.
 */
static void lookup_func(struct unwinder *u, pid_t tgid, const struct mapping *m,
			struct unwind_frame *f, bool call_site)
{
	uint64_t adjust = call_site ? 1 : 0, off = f->module_off - adjust, start_off = 0;
	const struct symfile *sf;
	struct sym *s = NULL;
	const char *name;

	if (u->cache) {
		if (u->nsyms * 2 >= u->cap_syms && sym_grow(u) < 0)
			goto uncached;
		s = sym_slot(u->syms, u->cap_syms, m->dev, m->ino, off);
		if (s->used) {
			u->stats.sym_hits++;
			f->func = s->func;
			f->func_off = s->start_off + adjust;
			return;
		}
	}
uncached:
	u->stats.sym_misses++;
	sf = file_symbols(u, tgid, m);
	name = sf ? symfile_lookup(sf, off, &start_off) : NULL;
	f->func = name;
	f->func_off = name ? start_off + adjust : 0;
	if (!s)
		return;
	*s = (struct sym){ .dev = m->dev, .ino = m->ino, .off = off, .func = name,
			   .start_off = start_off, .used = true };
	u->nsyms++;
}

/* The thread group of tid, from /proc/TID/status (once per thread: callers cache it). */
static pid_t read_tgid(pid_t tid)
{
	char path[64], line[128];
	pid_t tgid = -ESRCH;
	FILE *f;

	snprintf(path, sizeof(path), "/proc/%d/status", (int)tid);
	f = fopen(path, "re");
	if (!f)
		return -errno;
	while (fgets(line, sizeof(line), f))
		if (sscanf(line, "Tgid: %d", &tgid) == 1)
			break;
	fclose(f);
	return tgid;
}

/* tid's thread group: as given, as learned before, or from /proc. */
static pid_t resolve_tgid(struct unwinder *u, pid_t tid, pid_t tgid)
{
	if (tgid > 0)
		return tgid;
	for (size_t i = 0; i < u->nthreads; i++)
		if (u->threads[i].tid == tid)
			return u->threads[i].tgid;
	return read_tgid(tid);
}

/*
 * One walk. Returns the number of frames, or -errno; -EAGAIN when an address lies outside
 * every known code mapping while the maps were not just read (dlopen without a flush,
 * e.g. its mmap was not traced): the caller re-reads them and walks again.
 */
static int walk(struct unwinder *u, struct uproc *p, struct uthread *t,
		struct unwind_frame *frames, int max, bool fresh_maps)
{
	unw_cursor_t c;
	bool call_site = false;		/* frame 0 stopped at its own instruction */
	int n = 0;

	if (!t->upt) {
		t->upt = _UPT_create(t->tid);
		if (!t->upt)
			return -ENOMEM;
	}
	if (unw_init_remote(&c, p->as, t->upt) < 0)
		return -ESRCH;
	do {
		struct unwind_frame *f = &frames[n];
		const struct mapping *m;
		unw_word_t ip;

		if (unw_get_reg(&c, UNW_REG_IP, &ip) < 0 || (ip == 0 && n > 0))
			break;
		memset(f, 0, sizeof(*f));
		f->ip = ip;
		m = find_mapping(p, ip);
		if (!m && !fresh_maps && ip != p->unmapped_ip) {
			p->unmapped_ip = ip;	/* re-read at most once for the same stray ip */
			return -EAGAIN;
		}
		if (m) {
			f->module = m->path;
			f->module_off = ip - m->start + m->offset;
		}
		if (m && m->ino)
			lookup_func(u, p->tgid, m, f, call_site);
		else
			lookup_anonymous(u, &c, f, n);
		/* above a signal frame, the interrupted instruction itself; else a return */
		call_site = unw_is_signal_frame(&c) <= 0;
		n++;
	} while (n < max && unw_step(&c) > 0);
	return n;
}

int unwind_collect(struct unwinder *u, pid_t tid, pid_t tgid, struct unwind_frame *frames,
		   int max)
{
	struct uproc *p;
	struct uthread *t;
	int n = -EAGAIN;

	tgid = resolve_tgid(u, tid, tgid);
	if (tgid < 0)
		return tgid;
	p = find_proc(u, tgid, true);
	t = p ? find_thread(u, tid, tgid) : NULL;
	if (!t)
		return -ENOMEM;
	if (max > MAX_FRAMES)
		max = MAX_FRAMES;
	if (!u->cache)
		drop_files(u);		/* each walk reads the files again */
	for (int attempt = 0; attempt < 2 && n == -EAGAIN; attempt++) {
		bool fresh = false;

		/* refresh only between walks: it may destroy t->upt, which a cursor uses */
		if (!p->maps || p->maps_stale || attempt > 0) {
			int rc = refresh_maps(u, p);

			if (rc < 0)
				return rc;
			fresh = true;
		}
		if (p->elf32)
			return -ENOEXEC;
		n = walk(u, p, t, frames, max, fresh);
	}
	if (n < 0)
		return n;
	u->stats.unwinds++;
	u->stats.frames += (uint64_t)n;
	return n;
}

void unwind_format_frame(char *buf, size_t size, const struct unwind_frame *f)
{
	if (!f->module)
		snprintf(buf, size, " > unexpected_backtracing_error [0x%" PRIx64 "]", f->ip);
	else if (f->func)
		snprintf(buf, size, " > %s(%s+0x%" PRIx64 ") [0x%" PRIx64 "]", f->module, f->func,
			 f->func_off, f->module_off);
	else
		snprintf(buf, size, " > %s() [0x%" PRIx64 "]", f->module, f->module_off);
}

int unwind_print(struct unwinder *u, pid_t tid, pid_t tgid, FILE *out)
{
	struct unwind_frame frames[MAX_FRAMES];
	char line[1024];
	int n;

	n = unwind_collect(u, tid, tgid, frames, MAX_FRAMES);
	for (int i = 0; i < n; i++) {
		unwind_format_frame(line, sizeof(line), &frames[i]);
		fprintf(out, "%s\n", line);
	}
	return n;
}

/* ---- invalidation ---- */

void unwind_flush(struct unwinder *u, pid_t tgid)
{
	struct uproc *p = find_proc(u, tgid, false);

	/* a thread's id instead of its group's: the engine knows tids only */
	for (size_t i = 0; !p && i < u->nthreads; i++)
		if (u->threads[i].tid == tgid)
			p = find_proc(u, u->threads[i].tgid, false);

	/* lazily: the maps are re-read (and compared) before the next walk of tgid */
	if (p)
		p->maps_stale = true;
}

void unwind_forget(struct unwinder *u, pid_t tid)
{
	for (size_t i = 0; i < u->nthreads; i++) {
		if (u->threads[i].tid != tid)
			continue;
		if (u->threads[i].upt)
			_UPT_destroy(u->threads[i].upt);
		u->threads[i] = u->threads[--u->nthreads];	/* order does not matter */
		return;
	}
}

void unwind_forget_process(struct unwinder *u, pid_t tgid)
{
	struct uproc *p = find_proc(u, tgid, false);

	for (size_t i = u->nthreads; i-- > 0;)
		if (u->threads[i].tgid == tgid)
			unwind_forget(u, u->threads[i].tid);
	if (!p)
		return;
	drop_maps(p);
	unw_destroy_addr_space(p->as);
	*p = u->procs[--u->nprocs];
}

struct unwinder *unwinder_new(bool cache)
{
	struct unwinder *u = calloc(1, sizeof(*u));

	if (u)
		u->cache = cache;
	return u;
}

void unwinder_free(struct unwinder *u)
{
	if (!u)
		return;
	while (u->nprocs)
		unwind_forget_process(u, u->procs[0].tgid);
	while (u->nthreads)
		unwind_forget(u, u->threads[0].tid);
	drop_files(u);
	free(u->files);
	free(u->syms);
	free(u->procs);
	free(u->threads);
	free(u);
}

struct unwind_stats unwind_get_stats(const struct unwinder *u)
{
	return u->stats;
}
