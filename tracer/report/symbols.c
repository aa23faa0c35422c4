/*
 * tracer/report/symbols.c: one ELF file's code symbols, by file offset (see symbols.h).
 *
 * libdwfl finds the symbols (the file's own, or its separate debug info by build-id) and
 * is closed right after: the table keeps its own copy of the names, sorted by address with
 * one entry per alias group, so a lookup is a binary search and holds no file open.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <elfutils/libdwfl.h>
#include <gelf.h>
#include "tracer/report/symbols.h"

/* A PT_LOAD segment: file bytes [off, end) are mapped at vaddr. */
struct seg {
	uint64_t off, end, vaddr;
};

struct entry {
	uint64_t addr, size;		/* the file's virtual addresses; size 0: unknown */
	const char *name;
	bool pub;			/* GLOBAL or WEAK binding */
	size_t sized_below;		/* index of the nearest sized entry at or below, or
					 * SIZE_MAX */
};

struct symfile {
	struct seg *segs;
	size_t nsegs;
	struct entry *e;
	size_t n;
	char *names;			/* every entry's name, one after another */
};

/* Separate debug info: by build-id, in the local debug directories only. */
static int find_local_debuginfo(Dwfl_Module *mod, void **userdata, const char *modname,
				Dwarf_Addr base, const char *file_name, const char *debuglink_file,
				GElf_Word debuglink_crc, char **debuginfo_file_name)
{
	return dwfl_build_id_find_debuginfo(mod, userdata, modname, base, file_name,
					    debuglink_file, debuglink_crc, debuginfo_file_name);
}

static const Dwfl_Callbacks callbacks = {
	.find_elf = dwfl_build_id_find_elf,
	.find_debuginfo = find_local_debuginfo,
};

/* Is the symbol code: a function, or a label in an executable section? */
static bool is_code(const GElf_Sym *sym, Elf *elf, GElf_Word shndx)
{
	int type = GELF_ST_TYPE(sym->st_info);
	GElf_Shdr shdr;
	Elf_Scn *scn;

	if (shndx == SHN_UNDEF || shndx == SHN_ABS || shndx == SHN_COMMON)
		return false;
	if (type == STT_FUNC || type == STT_GNU_IFUNC)
		return true;
	if (type != STT_NOTYPE || !elf)
		return false;
	scn = elf_getscn(elf, shndx);
	return scn && gelf_getshdr(scn, &shdr) && (shdr.sh_flags & SHF_EXECINSTR);
}

/* The length of a symbol's name without its version ("_IO_file_write@@GLIBC_2.2.5"). */
static size_t name_len(const char *name)
{
	return strcspn(name, "@");
}

/* Byte order of two names without their versions. */
static int name_cmp(const char *a, const char *b)
{
	size_t la = name_len(a), lb = name_len(b);
	int c = memcmp(a, b, la < lb ? la : lb);

	return c ? c : (la > lb) - (la < lb);
}

/* Address order; at one address size-less entries first; then the preferred alias first:
 * public before local, then the greatest name. */
static int entry_cmp(const void *pa, const void *pb)
{
	const struct entry *a = pa, *b = pb;

	if (a->addr != b->addr)
		return a->addr < b->addr ? -1 : 1;
	if ((a->size != 0) != (b->size != 0))
		return a->size != 0 ? 1 : -1;
	if (a->pub != b->pub)
		return a->pub ? -1 : 1;
	return -name_cmp(a->name, b->name);
}

static int read_segments(struct symfile *sf, Elf *elf)
{
	size_t nph;

	if (elf_getphdrnum(elf, &nph) < 0)
		return -ENOEXEC;
	sf->segs = calloc(nph ? nph : 1, sizeof(*sf->segs));
	if (!sf->segs)
		return -ENOMEM;
	for (size_t i = 0; i < nph; i++) {
		GElf_Phdr ph;

		if (!gelf_getphdr(elf, (int)i, &ph) || ph.p_type != PT_LOAD)
			continue;
		sf->segs[sf->nsegs++] = (struct seg){ ph.p_offset, ph.p_offset + ph.p_filesz,
						      ph.p_vaddr };
	}
	return 0;
}

/* Collects the code symbols of mod (addresses made the file's own: minus bias). */
static int read_symbols(struct symfile *sf, Dwfl_Module *mod, GElf_Addr bias)
{
	int nsym = dwfl_module_getsymtab(mod);

	if (nsym <= 0)
		return 0;		/* no symbol table at all: a table naming nothing */
	sf->e = calloc((size_t)nsym, sizeof(*sf->e));
	if (!sf->e)
		return -ENOMEM;
	for (int i = 1; i < nsym; i++) {
		GElf_Sym sym;
		GElf_Addr addr;
		GElf_Word shndx;
		Elf *elf;
		Dwarf_Addr symbias;
		const char *name = dwfl_module_getsym_info(mod, i, &sym, &addr, &shndx, &elf,
							   &symbias);

		if (!name || !*name || !is_code(&sym, elf, shndx))
			continue;
		sf->e[sf->n++] = (struct entry){
			.addr = addr - bias,
			.size = sym.st_size,
			.name = name,
			.pub = GELF_ST_BIND(sym.st_info) == STB_GLOBAL ||
			       GELF_ST_BIND(sym.st_info) == STB_WEAK,
		};
	}
	return 0;
}

/* Keeps the preferred alias of each group, copies the names out of libdwfl's memory and
 * links each entry to the nearest sized one below. */
static int finish_table(struct symfile *sf)
{
	size_t n = 0, len = 0, sized = SIZE_MAX;
	char *p;

	qsort(sf->e, sf->n, sizeof(*sf->e), entry_cmp);
	for (size_t i = 0; i < sf->n; i++) {
		if (n > 0 && sf->e[n - 1].addr == sf->e[i].addr &&
		    (sf->e[n - 1].size != 0) == (sf->e[i].size != 0))
			continue;	/* an alias of a preferred name */
		sf->e[n++] = sf->e[i];
		len += name_len(sf->e[i].name) + 1;
	}
	sf->n = n;
	sf->names = p = malloc(len ? len : 1);
	if (!p)
		return -ENOMEM;
	for (size_t i = 0; i < n; i++) {
		size_t l = name_len(sf->e[i].name);

		memcpy(p, sf->e[i].name, l);
		p[l] = '\0';
		sf->e[i].name = p;
		p += l + 1;
		if (sf->e[i].size)
			sized = i;
		sf->e[i].sized_below = sized;
	}
	return 0;
}

struct symfile *symfile_load(const char *path, int fd)
{
	struct symfile *sf = calloc(1, sizeof(*sf));
	Dwfl *dwfl = dwfl_begin(&callbacks);
	Dwfl_Module *mod = NULL;
	GElf_Addr bias = 0;
	Elf *elf = NULL;
	int rc = -ENOMEM;

	if (dwfl) {
		dwfl_report_begin(dwfl);
		mod = dwfl_report_elf(dwfl, path, path, fd, 0, false);	/* takes fd */
		dwfl_report_end(dwfl, NULL, NULL);
	}
	if (!mod)
		close(fd);		/* refused: still ours */
	if (mod)
		elf = dwfl_module_getelf(mod, &bias);
	if (sf && elf)
		rc = read_segments(sf, elf);
	if (rc == 0)
		rc = read_symbols(sf, mod, bias);
	if (rc == 0)
		rc = finish_table(sf);
	if (dwfl)
		dwfl_end(dwfl);
	if (rc < 0) {
		symfile_free(sf);
		return NULL;
	}
	return sf;
}

void symfile_free(struct symfile *sf)
{
	if (!sf)
		return;
	free(sf->segs);
	free(sf->e);
	free(sf->names);
	free(sf);
}

uint64_t symfile_count(const struct symfile *sf)
{
	return sf->n;
}

const char *symfile_lookup(const struct symfile *sf, uint64_t off, uint64_t *start_off)
{
	const struct entry *hit = NULL;
	uint64_t vaddr = 0;
	size_t lo = 0, hi = sf->n, s;
	bool in_seg = false;

	for (size_t i = 0; i < sf->nsegs && !in_seg; i++)
		if (off >= sf->segs[i].off && off < sf->segs[i].end) {
			vaddr = off - sf->segs[i].off + sf->segs[i].vaddr;
			in_seg = true;
		}
	if (!in_seg)
		return NULL;
	while (lo < hi) {		/* lo: the first entry above vaddr */
		size_t mid = lo + (hi - lo) / 2;

		if (sf->e[mid].addr <= vaddr)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == 0)
		return NULL;
	s = sf->e[lo - 1].sized_below;
	if (s != SIZE_MAX && vaddr < sf->e[s].addr + sf->e[s].size)
		hit = &sf->e[s];
	else if (sf->e[lo - 1].size == 0)
		hit = &sf->e[lo - 1];	/* a size-less symbol above the last sized one */
	if (!hit)
		return NULL;
	*start_off = vaddr - hit->addr;
	return hit->name;
}
