/*
 * loader/map_svg.c: see map_svg.h. Pure (no system calls, no libc beyond memcpy/strlen,
 * which loader/loader has freestanding): map_svg_layout() does the arithmetic,
 * map_svg_write() the text of the document.
 */
#include <linux/mman.h>
#include <stdarg.h>
#include <string.h>
#include "loader/fmt.h"
#include "loader/map_svg.h"

#define TOP		88	/* title, subtitle and legend above the first region */
#define PAD		6	/* inside a region, above and below its boxes */
#define REGION_MIN_H	52	/* room for the region's name and its two addresses */
#define BOTTOM		16
#define WIDTH		1290
#define LINE_MAX	112	/* characters of a label line (12px monospace: 7.2px each) */

/* What each kind is called: the region's name (left) and the start of a label's line 2. */
static const struct {
	const char *role, *attr, *what;
} kinds[MAPK_KINDS] = {
	[MAPK_STACK]      = { "stack",       "stack",      "[stack]" },
	[MAPK_VDSO]       = { "vDSO",        "vdso",       "[vdso] the kernel's, kept (AT_SYSINFO_EHDR)" },
	[MAPK_LOADER]     = { "loader",      "loader",     "the loader's own image: " },
	[MAPK_TRAMPOLINE] = { "loader",      "trampoline", "/memfd:execlab-trampoline: start_thread()'s page, which stays" },
	[MAPK_PROGRAM]    = { "program",     "program",    "" },
	[MAPK_INTERP]     = { "interpreter", "interp",     "" },
	[MAPK_BRK]        = { "brk",         "brk",        "" },
};

/* The order the roles are named in, top to bottom, in a region's name. */
static const enum map_kind role_order[] = {
	MAPK_STACK, MAPK_VDSO, MAPK_LOADER, MAPK_INTERP, MAPK_PROGRAM, MAPK_BRK,
};

/* Fill colours by PROT_READ|PROT_WRITE|PROT_EXEC (the low three bits). */
static const char *const fills[8] = {
	"#ffffff", "#dde3ea", "#b9dcb4", "#b9dcb4", "#f4c2ae", "#f4c2ae", "#f7d774", "#f7d774",
};

static unsigned long min_ul(unsigned long a, unsigned long b) { return a < b ? a : b; }
static unsigned long max_ul(unsigned long a, unsigned long b) { return a > b ? a : b; }

/* off * inner / span without overflow: inner is a few thousand pixels at most. */
static long scale(unsigned long off, long inner, unsigned long span)
{
	while (span >> 40) {
		off >>= 1;
		span >>= 1;
	}
	return span ? (long)(off * (unsigned long)inner / span) : 0;
}

/* A hole of more than MAP_SVG_SPLIT bytes between the region so far and box b. */
static int starts_region(const struct map_svg_region *R, const struct map_box *b)
{
	return b->end < R->lo && R->lo - b->end > MAP_SVG_SPLIT;
}

/* Labels beside a region's boxes: near each box's middle, never overlapping, inside it. */
static void place_labels(struct map_svg_layout *L, const struct map_svg_region *R)
{
	long top = R->top + 2, bottom = R->top + R->height - 2;

	for (size_t k = R->first; k < R->first + R->count; k++) {
		struct map_svg_place *p = &L->place[k];
		long t = p->y + p->h / 2 - MAP_SVG_LABEL_H / 2;

		if (t < top)
			t = top;
		if (k > R->first && t < L->place[k - 1].label_y + MAP_SVG_LABEL_H)
			t = L->place[k - 1].label_y + MAP_SVG_LABEL_H;
		p->label_y = t;
	}
	for (size_t k = R->first + R->count; k-- > R->first;) {
		struct map_svg_place *p = &L->place[k];
		long limit = bottom - MAP_SVG_LABEL_H;

		if (k + 1 < R->first + R->count && limit > L->place[k + 1].label_y - MAP_SVG_LABEL_H)
			limit = L->place[k + 1].label_y - MAP_SVG_LABEL_H;
		if (p->label_y > limit)
			p->label_y = limit;
	}
}

static void place_boxes(const struct map_box *boxes, struct map_svg_layout *L,
			struct map_svg_region *R)
{
	unsigned long span = R->hi - R->lo;
	long inner = R->height - 2 * PAD, floor = R->top + PAD + inner;

	for (size_t k = R->first; k < R->first + R->count; k++) {
		const struct map_box *b = &boxes[L->order[k]];
		struct map_svg_place *p = &L->place[k];

		if (!span) {	/* a region of one point: the brk alone */
			p->y = R->top + R->height / 2;
			p->h = 0;
			continue;
		}
		p->y = R->top + PAD + scale(R->hi - b->end, inner, span);
		p->h = R->top + PAD + scale(R->hi - b->start, inner, span) - p->y;
		if (b->kind != MAPK_BRK && p->h < MAP_SVG_MIN_H) {
			p->h = MAP_SVG_MIN_H;
			if (p->y + p->h > floor)
				p->y = floor - p->h;
		}
	}
}

void map_svg_layout(const struct map_box *boxes, size_t n, struct map_svg_layout *L)
{
	long y = TOP;

	memset(L, 0, sizeof *L);
	L->n = n < MAP_SVG_MAX ? n : MAP_SVG_MAX;
	/* high to low: insertion sort by start address (stable for equal starts) */
	for (size_t i = 0; i < L->n; i++) {
		size_t j = i;

		for (; j > 0 && boxes[L->order[j - 1]].start < boxes[i].start; j--)
			L->order[j] = L->order[j - 1];
		L->order[j] = i;
	}
	for (size_t k = 0; k < L->n; k++) {
		const struct map_box *b = &boxes[L->order[k]];
		struct map_svg_region *R = &L->region[L->nregions - (L->nregions > 0)];

		if (L->nregions == 0 || starts_region(R, b)) {
			if (L->nregions > 0)
				R->gap_below = R->lo - b->end;
			R = &L->region[L->nregions++];
			*R = (struct map_svg_region){ .first = k, .lo = b->start, .hi = b->end };
		}
		R->count++;
		R->lo = min_ul(R->lo, b->start);
		R->hi = max_ul(R->hi, b->end);
		R->kinds |= 1U << b->kind;
		L->place[k].region = (int)(L->nregions - 1);
	}
	for (size_t r = 0; r < L->nregions; r++) {
		struct map_svg_region *R = &L->region[r];

		R->top = y;
		R->height = (long)R->count * MAP_SVG_LABEL_H + 2 * PAD;
		if (R->height < REGION_MIN_H)
			R->height = REGION_MIN_H;
		place_boxes(boxes, L, R);
		place_labels(L, R);
		y += R->height;
		if (r + 1 < L->nregions)
			y += MAP_SVG_GAP_H;
	}
	L->width = WIDTH;
	L->height = y + BOTTOM;
}

/* The length of the well-formed UTF-8 sequence at s (1 to 4), 0 if there is none. */
static size_t utf8_len(const unsigned char *s)
{
	unsigned c = s[0], cp, min;
	size_t n;

	if (c < 0x80)
		return 1;
	if (c >= 0xc2 && c <= 0xdf)
		n = 2, cp = c & 0x1f, min = 0x80;
	else if ((c & 0xf0) == 0xe0)
		n = 3, cp = c & 0x0f, min = 0x800;
	else if (c >= 0xf0 && c <= 0xf4)
		n = 4, cp = c & 0x07, min = 0x10000;
	else
		return 0;
	/* a NUL is no continuation byte: the loop stops at the end of the string */
	for (size_t i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		cp = cp << 6 | (s[i] & 0x3f);
	}
	/* overlong forms, surrogates and U+FFFE/U+FFFF are not XML characters */
	if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff) || cp == 0xfffe ||
	    cp == 0xffff)
		return 0;
	return n;
}

size_t map_svg_escape(char *out, size_t size, const char *text, size_t max_chars)
{
	static const struct { char c; const char *as; } entities[] = {
		{ '&', "&amp;" }, { '<', "&lt;" }, { '>', "&gt;" }, { '"', "&quot;" },
	};
	const unsigned char *s = (const unsigned char *)(text ? text : "");
	size_t len = 0, chars = 0;

	if (!size)
		return 0;
	while (*s) {
		char one[8];
		const char *piece = one;
		size_t n = utf8_len(s), plen;

		if (chars == max_chars) {
			piece = "...";
			n = 0;
		} else if (n == 0 || *s < 0x20 || *s == 0x7f) {
			one[0] = '?', one[1] = '\0';
			n = 1;
		} else {
			memcpy(one, s, n);
			one[n] = '\0';
			for (size_t e = 0; e < sizeof entities / sizeof entities[0]; e++)
				if (*s == (unsigned char)entities[e].c)
					piece = entities[e].as;
		}
		plen = strlen(piece);
		if (len + plen + 1 > size)
			break;
		memcpy(out + len, piece, plen);
		len += plen;
		if (!n)
			break;
		s += n;
		chars++;
	}
	out[len] = '\0';
	return len;
}

const char *map_svg_size(unsigned long bytes, char out[16])
{
	static const char units[] = "KMGTPE";
	unsigned long unit = 1024;
	int u = 0;

	if (bytes < 1024) {
		fmt(out, 16, "%luB", bytes);
		return out;
	}
	while (u < 5 && bytes / unit >= 1024)
		unit <<= 10, u++;
	{
		/* hundredths of the unit, rounded; below 10 show 2 decimals, below 100 one */
		unsigned long q = bytes / (unit >> 10);	/* 1024ths of the unit: < 2^20 */
		unsigned long h = (q * 100 + 512) / 1024;

		if (h % 100 == 0 || h >= 10000)
			fmt(out, 16, "%lu%c", (h + 50) / 100, units[u]);
		else if (h >= 1000)
			fmt(out, 16, "%lu.%lu%c", (h + 5) / 100, ((h + 5) / 10) % 10, units[u]);
		else
			fmt(out, 16, "%lu.%02lu%c", h / 100, h % 100, units[u]);
	}
	return out;
}

struct out {
	map_svg_emit *emit;
	void *ctx;
};

static void put(const struct out *o, const char *s)
{
	o->emit(o->ctx, s, strlen(s));
}

static __attribute__((format(printf, 2, 3))) void putf(const struct out *o, const char *f, ...)
{
	char buf[512];
	va_list ap;
	size_t n;

	va_start(ap, f);
	n = vfmt(buf, sizeof buf, f, ap);
	va_end(ap);
	o->emit(o->ctx, buf, n);
}

/* text as XML, at most max characters */
static void put_text(const struct out *o, const char *text, size_t max)
{
	char buf[6 * 512 + 8];	/* 512 characters, each at most 6 bytes once escaped */

	if (max > 512)
		max = 512;
	o->emit(o->ctx, buf, map_svg_escape(buf, sizeof buf, text, max));
}

static const char *perms(int prot, char out[4])
{
	out[0] = prot & PROT_READ ? 'r' : '-';
	out[1] = prot & PROT_WRITE ? 'w' : '-';
	out[2] = prot & PROT_EXEC ? 'x' : '-';
	out[3] = '\0';
	return out;
}

static int is_wx(const struct map_box *b)
{
	return (b->prot & PROT_WRITE) && (b->prot & PROT_EXEC);
}

/* A label's second line: what the mapping is. */
static void line2(const struct map_box *b, const struct map_svg_info *info, char *out,
		  size_t size)
{
	const char *sec = b->sections ? b->sections : "";
	const char *path = b->path ? b->path : "";

	if (b->replaced)
		fmt(out, size, "%s%s: replaced at once by the next segment's MAP_FIXED", path,
		    b->bss ? " bss" : "");
	else if (b->kind == MAPK_STACK)
		fmt(out, size, "[stack] sp %#lx, %lu bytes of argc/argv/envp/auxv/strings; grows "
		    "down", info->sp, info->stack_bytes);
	else if (b->kind == MAPK_BRK)
		fmt(out, size, "the [heap] grows up from here at the first brk()");
	else if (b->kind == MAPK_LOADER)
		fmt(out, size, "%s%s", kinds[b->kind].what, b->note ? b->note : "");
	else if ((b->kind == MAPK_PROGRAM || b->kind == MAPK_INTERP) && b->bss)
		fmt(out, size, "%s bss (anonymous)%s%s", path, *sec ? ":" : "", sec);
	else if (b->kind == MAPK_PROGRAM || b->kind == MAPK_INTERP)
		fmt(out, size, "%s off %#lx%s%s", path, b->offset, *sec ? ":" : "", sec);
	else
		fmt(out, size, "%s%s", kinds[b->kind].what, sec);
}

static void put_legend(const struct out *o)
{
	static const struct { int prot; const char *dash, *text; } items[] = {
		{ PROT_READ, "", "r-- read-only" },
		{ PROT_READ | PROT_EXEC, "", "r-x code" },
		{ PROT_READ | PROT_WRITE, "", "rw- data" },
		{ PROT_READ | PROT_WRITE | PROT_EXEC, "", "rwx W+X" },
		{ PROT_READ | PROT_WRITE, " stroke-dasharray=\"4 3\" fill-opacity=\"0.5\"",
		  "bss: anonymous zero pages" },
		{ 0, " stroke-dasharray=\"2 2\"", "the loader's own image" },
	};
	long x = 10;

	for (size_t i = 0; i < sizeof items / sizeof items[0]; i++) {
		putf(o, "<rect x=\"%ld\" y=\"62\" width=\"18\" height=\"12\" fill=\"%s\" stroke=\"#333\"%s/>"
		     "<text x=\"%ld\" y=\"72\">%s</text>\n", x, fills[items[i].prot & 7],
		     items[i].dash, x + 24, items[i].text);
		x += 24 + (long)strlen(items[i].text) * 8 + 18;
	}
}

static void put_region(const struct out *o, const struct map_svg_region *R, size_t index)
{
	unsigned roles = 0;
	long x = MAP_SVG_BOX_X - 14, y0 = R->top + PAD, y1 = R->top + R->height - PAD;
	long ty;

	for (size_t i = 0; i < sizeof role_order / sizeof role_order[0]; i++)
		if (R->kinds & (1U << role_order[i]))
			roles++;
	putf(o, "<g class=\"region\" data-index=\"%zu\" data-lo=\"%#lx\" data-hi=\"%#lx\" "
	     "data-roles=\"", index, R->lo, R->hi);
	for (size_t i = 0, said = 0; i < sizeof role_order / sizeof role_order[0]; i++)
		if (R->kinds & (1U << role_order[i]))
			putf(o, "%s%s", said++ ? " " : "", kinds[role_order[i]].role);
	putf(o, "\">\n<line x1=\"%ld\" y1=\"%ld\" x2=\"%ld\" y2=\"%ld\" stroke=\"#888\"/>"
	     "<line x1=\"%ld\" y1=\"%ld\" x2=\"%ld\" y2=\"%ld\" stroke=\"#888\"/>"
	     "<line x1=\"%ld\" y1=\"%ld\" x2=\"%ld\" y2=\"%ld\" stroke=\"#888\"/>\n",
	     x, y0, x, y1, x, y0, x + 6, y0, x, y1, x + 6, y1);
	putf(o, "<text x=\"10\" y=\"%ld\" fill=\"#555\">%#lx</text>\n", R->top + 14, R->hi);
	if (R->hi != R->lo)
		putf(o, "<text x=\"10\" y=\"%ld\" fill=\"#555\">%#lx</text>\n",
		     R->top + R->height - 4, R->lo);
	ty = R->top + R->height / 2 - (long)(roles - 1) * 7 + 4;
	for (size_t i = 0; i < sizeof role_order / sizeof role_order[0]; i++)
		if (R->kinds & (1U << role_order[i])) {
			putf(o, "<text x=\"10\" y=\"%ld\" font-weight=\"bold\">%s</text>\n", ty,
			     kinds[role_order[i]].role);
			ty += 14;
		}
}

/* The hole below region R, drawn as a break of fixed height. */
static void put_gap(const struct out *o, const struct map_svg_region *R)
{
	long y0 = R->top + R->height, mid = y0 + MAP_SVG_GAP_H / 2;
	long x0 = MAP_SVG_BOX_X - 6, x1 = MAP_SVG_BOX_X + MAP_SVG_BOX_W + 6;
	char sz[16];

	putf(o, "<g class=\"gap\" data-bytes=\"%lu\">", R->gap_below);
	for (long line = 0; line < 2; line++) {
		long y = y0 + 9 + line * (MAP_SVG_GAP_H - 18);

		put(o, "<polyline fill=\"none\" stroke=\"#999\" points=\"");
		for (long x = x0, k = 0; x <= x1; x += 10, k++)
			putf(o, "%ld,%ld ", x, y + (k & 1 ? -4 : 4));
		put(o, "\"/>");
	}
	putf(o, "<text x=\"%d\" y=\"%ld\" text-anchor=\"middle\" fill=\"#555\">%s not mapped "
	     "(not to scale)</text></g>\n", MAP_SVG_BOX_X + MAP_SVG_BOX_W / 2, mid + 4,
	     map_svg_size(R->gap_below, sz));
}

static void put_box(const struct out *o, const struct map_box *b, const struct map_svg_place *p,
		    const struct map_svg_info *info)
{
	char rwx[4], sz[16], text[1024], what[32];
	long mid = p->y + p->h / 2, ly = p->label_y + MAP_SVG_LABEL_H / 2;
	const char *stroke = is_wx(b) && !b->replaced ? "#c00000" : b->replaced ? "#c00000" : "#333";
	const char *dash = b->replaced ? " stroke-dasharray=\"6 3\" fill-opacity=\"0.3\"" :
			   b->bss ? " stroke-dasharray=\"4 3\" fill-opacity=\"0.5\"" :
			   b->kind == MAPK_LOADER ? " stroke-dasharray=\"2 2\"" : "";
	int width = is_wx(b) && !b->replaced ? 3 : 1;

	if (b->kind == MAPK_BRK) {
		putf(o, "<g class=\"brk\" data-addr=\"%#lx\" data-region=\"%d\">"
		     "<line x1=\"%d\" y1=\"%ld\" x2=\"%d\" y2=\"%ld\" stroke=\"#c00000\" "
		     "stroke-width=\"2\" stroke-dasharray=\"8 4\"/>"
		     "<text x=\"%d\" y=\"%ld\" fill=\"#c00000\">brk</text>", b->start, p->region,
		     MAP_SVG_BOX_X - 6, p->y, MAP_SVG_BOX_X + MAP_SVG_BOX_W + 6, p->y,
		     MAP_SVG_BOX_X + 4, p->y - 4);
	} else {
		fmt(what, sizeof what, "%s", b->kind == MAPK_LOADER ? "" : perms(b->prot, rwx));
		putf(o, "<g class=\"mapping\" data-kind=\"%s\" data-start=\"%#lx\" data-end=\"%#lx\" "
		     "data-perms=\"%s\" data-bss=\"%d\" data-replaced=\"%d\" data-region=\"%d\" "
		     "data-sections=\"", kinds[b->kind].attr, b->start, b->end, what, b->bss,
		     b->replaced, p->region);
		put_text(o, b->sections && b->sections[0] == ' ' ? b->sections + 1 : b->sections,
			 512);
		putf(o, "\"><rect x=\"%d\" y=\"%ld\" width=\"%d\" height=\"%ld\" fill=\"%s\" "
		     "stroke=\"%s\" stroke-width=\"%d\"%s/>", MAP_SVG_BOX_X, p->y, MAP_SVG_BOX_W, p->h,
		     b->kind == MAPK_LOADER ? "#f4f4f4" : fills[b->prot & 7], stroke, width, dash);
		if (p->h >= 16)
			putf(o, "<text x=\"%d\" y=\"%ld\" text-anchor=\"middle\">%s  %s</text>",
			     MAP_SVG_BOX_X + MAP_SVG_BOX_W / 2, mid + 4, what,
			     map_svg_size(b->end - b->start, sz));
		if (b->kind == MAPK_STACK && info->sp >= b->start && info->sp < b->end && b->end > b->start) {
			long sy = p->y + scale(b->end - info->sp, p->h, b->end - b->start);

			putf(o, "<g class=\"sp\" data-addr=\"%#lx\"><line x1=\"%d\" y1=\"%ld\" x2=\"%d\" "
			     "y2=\"%ld\" stroke=\"#0040c0\" stroke-width=\"2\"/><text x=\"%d\" "
			     "y=\"%ld\" fill=\"#0040c0\">sp</text></g>", info->sp, MAP_SVG_BOX_X - 6,
			     sy, MAP_SVG_BOX_X + MAP_SVG_BOX_W + 6, sy, MAP_SVG_BOX_X - 30, sy + 4);
			putf(o, "<polygon points=\"%d,%ld %d,%ld %d,%ld\" fill=\"#0040c0\"/>",
			     MAP_SVG_BOX_X + MAP_SVG_BOX_W / 2 - 6, p->y + p->h + 2,
			     MAP_SVG_BOX_X + MAP_SVG_BOX_W / 2 + 6, p->y + p->h + 2,
			     MAP_SVG_BOX_X + MAP_SVG_BOX_W / 2, p->y + p->h + 10);
		}
	}
	/* the leader line from the box to its label */
	putf(o, "<polyline fill=\"none\" stroke=\"#999\" points=\"%d,%ld %d,%ld %d,%ld\"/>",
	     MAP_SVG_BOX_X + MAP_SVG_BOX_W + (b->kind == MAPK_BRK ? 6 : 0), mid,
	     MAP_SVG_LABEL_X - 24, ly, MAP_SVG_LABEL_X - 4, ly);
	/* line 1: permissions, size, range; line 2: what it is, its sections */
	if (b->kind == MAPK_BRK)
		fmt(text, sizeof text, "brk starts at %#lx", b->start);
	else
		fmt(text, sizeof text, "%-3s %6s  %#lx-%#lx%s", what, map_svg_size(b->end - b->start,
		    sz), b->start, b->end, !is_wx(b) || b->replaced ? "" : b->bss ?
		    "  W+X: the kernel's bss rule for a PF_X segment" :
		    "  W+X! the file asks for PF_W|PF_X");
	putf(o, "<text class=\"label\" x=\"%d\" y=\"%ld\" xml:space=\"preserve\">"
	     "<tspan x=\"%d\" font-weight=\"bold\">", MAP_SVG_LABEL_X, p->label_y + 12,
	     MAP_SVG_LABEL_X);
	put_text(o, text, LINE_MAX);
	line2(b, info, text, sizeof text);
	putf(o, "</tspan><tspan x=\"%d\" dy=\"15\">", MAP_SVG_LABEL_X);
	put_text(o, text, LINE_MAX);
	put(o, "</tspan></text><title>");
	put_text(o, text, 512);
	put(o, "</title></g>\n");
}

void map_svg_write(const struct map_box *boxes, const struct map_svg_layout *L,
		   const struct map_svg_info *info, map_svg_emit *emit, void *ctx)
{
	const struct out o = { emit, ctx };

	putf(&o, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	     "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%ld\" height=\"%ld\" "
	     "viewBox=\"0 0 %ld %ld\" font-family=\"DejaVu Sans Mono, monospace\" "
	     "font-size=\"12\">\n<title>loader --map=svg: the new image of ", L->width,
	     L->height, L->width, L->height);
	put_text(&o, info->program, 200);
	putf(&o, "</title>\n<rect width=\"%ld\" height=\"%ld\" fill=\"#ffffff\"/>\n"
	     "<text x=\"10\" y=\"24\" font-size=\"16\" font-weight=\"bold\">The new image of ",
	     L->width, L->height);
	put_text(&o, info->program, 100);
	put(&o, "</text>\n<text x=\"10\" y=\"46\" fill=\"#555\">High addresses at the top. "
	    "Box heights are to scale within a region; the holes between regions are not."
	    "</text>\n");
	put_legend(&o);
	for (size_t r = 0; r < L->nregions; r++) {
		const struct map_svg_region *R = &L->region[r];

		put_region(&o, R, r);
		for (size_t k = R->first; k < R->first + R->count; k++)
			put_box(&o, &boxes[L->order[k]], &L->place[k], info);
		put(&o, "</g>\n");
		if (r + 1 < L->nregions)
			put_gap(&o, R);
	}
	put(&o, "</svg>\n");
}
