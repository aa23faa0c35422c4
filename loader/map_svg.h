/*
 * loader/map_svg.h: --map=svg:FILE, the new image as a picture. Pure: it lays out and
 * writes an SVG document from the rows --map draws as text (one box per mapping, high
 * addresses at the top), through a callback; no system calls, unit-tested.
 *
 * The picture: the mappings are grouped into regions (the stack; the mmap area with the
 * interpreter, the vDSO and the loader; the program; the brk), a region being a run of
 * mappings with less than MAP_SVG_SPLIT bytes unmapped between neighbours. Within a
 * region every box's height is proportional to its size; the space between regions is
 * drawn as a fixed break labelled with its size. Each box is labelled beside it with its
 * permissions, size, address range, what it is (file and offset, bss, [stack], [vdso]) and
 * the ELF sections it holds; the stack pointer and the start of brk are marked.
 */
#ifndef LOADER_MAP_SVG_H
#define LOADER_MAP_SVG_H

#include <stddef.h>

#define MAP_SVG_MAX	80		/* boxes drawn at most (the rest are left out) */
#define MAP_SVG_SPLIT	(1UL << 20)	/* a wider hole starts a new region */

enum map_kind {
	MAPK_STACK, MAPK_VDSO, MAPK_LOADER, MAPK_TRAMPOLINE, MAPK_PROGRAM, MAPK_INTERP,
	MAPK_BRK,		/* a point, not a mapping: where brk starts (start == end) */
	MAPK_KINDS
};

struct map_box {
	unsigned long start, end;	/* [start, end) */
	enum map_kind kind;
	int prot;			/* PROT_* */
	int bss;			/* anonymous pages of the bss rule */
	int replaced;			/* all of it replaced at once by a later MAP_FIXED */
	unsigned long offset;		/* file offset (PROGRAM, INTERP, not bss) */
	const char *path;		/* the file (PROGRAM, INTERP), else NULL */
	const char *sections;		/* " .text .fini": the ELF sections it holds, or NULL */
	const char *note;		/* MAPK_LOADER: what becomes of it, or NULL */
};

struct map_svg_info {
	const char *program;		/* named in the title */
	unsigned long sp;		/* the new stack pointer (marked in the [stack] box) */
	unsigned long stack_bytes;	/* bytes of argc/argv/envp/auxv/strings above sp */
};

/* Where map_svg_layout() put things, in pixels from the top. */
struct map_svg_place {
	int region;
	long y, h;			/* the box (MAPK_BRK: its line at y, h 0) */
	long label_y;			/* top of its label, beside the box */
};

struct map_svg_region {
	size_t first, count;		/* positions in order[] */
	unsigned long lo, hi;		/* addresses covered */
	long top, height;
	unsigned long gap_below;	/* bytes unmapped down to the next region (0: last) */
	unsigned kinds;			/* 1 << map_kind of each box in it */
};

struct map_svg_layout {
	size_t n;			/* boxes laid out */
	size_t order[MAP_SVG_MAX];	/* indexes into the boxes, high to low address */
	struct map_svg_place place[MAP_SVG_MAX];	/* per position in order[] */
	size_t nregions;
	struct map_svg_region region[MAP_SVG_MAX];
	long width, height;
};

/* Geometry (pixels), shared with the tests. */
#define MAP_SVG_BOX_X	190
#define MAP_SVG_BOX_W	220
#define MAP_SVG_LABEL_X	450
#define MAP_SVG_LABEL_H	32		/* two lines of text */
#define MAP_SVG_GAP_H	40		/* a compressed hole between regions */
#define MAP_SVG_MIN_H	2		/* a box is never thinner, whatever its size */

/* Lay out boxes[0..n) (any order; at most MAP_SVG_MAX are kept, the highest). */
void map_svg_layout(const struct map_box *boxes, size_t n, struct map_svg_layout *L);

typedef void map_svg_emit(void *ctx, const char *text, size_t len);
/* Write the SVG document of a layout, piece by piece, through emit. */
void map_svg_write(const struct map_box *boxes, const struct map_svg_layout *L,
		   const struct map_svg_info *info, map_svg_emit *emit, void *ctx);

/*
 * Copy text to out (size bytes, NUL-terminated) as XML character data or attribute text:
 * & < > " escaped, control characters and bytes that are not well-formed UTF-8 replaced
 * by '?' (a section name is whatever bytes the file holds), at most max_chars characters
 * of text (then "..."). Returns the length written.
 */
size_t map_svg_escape(char *out, size_t size, const char *text, size_t max_chars);

/* "4K", "1.5M", "21.9T": three significant digits, binary units. */
const char *map_svg_size(unsigned long bytes, char out[16]);

#endif
