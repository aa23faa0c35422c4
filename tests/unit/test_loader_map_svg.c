/* tests/unit/test_loader_map_svg.c: loader/map_svg.c (--map=svg:FILE's layout and text). */
#define _GNU_SOURCE
#include <check.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include "loader/map_svg.h"

Suite *make_loader_map_svg_suite(void);

#define R PROT_READ
#define W PROT_WRITE
#define X PROT_EXEC

/* A PIE's image as --map gives it (any order): stack, mmap area, brk, program. */
static const struct map_box pie[] = {
	{ 0x555555554000, 0x555555555000, MAPK_PROGRAM, R, 0, 0, 0, "/p", " .interp", NULL },
	{ 0x555555555000, 0x555555559000, MAPK_PROGRAM, R | X, 0, 0, 0x1000, "/p", " .text", NULL },
	{ 0x555555559000, 0x55555555b000, MAPK_PROGRAM, R, 0, 0, 0x5000, "/p", " .rodata", NULL },
	{ 0x55555555b000, 0x55555555d000, MAPK_PROGRAM, R | W, 0, 0, 0x6000, "/p", " .data .bss", NULL },
	{ 0x55555555d000, 0x555555565000, MAPK_PROGRAM, R | W, 1, 0, 0, "/p", " .bss", NULL },
	{ 0x555555566000, 0x555555566000, MAPK_BRK, 0, 0, 0, 0, NULL, NULL, NULL },
	{ 0x7ffff7fc5000, 0x7ffff7fc6000, MAPK_INTERP, R, 0, 0, 0, "/ld.so", " .hash", NULL },
	{ 0x7ffff7fc6000, 0x7ffff7fec000, MAPK_INTERP, R | X, 0, 0, 0x1000, "/ld.so", " .text", NULL },
	{ 0x7ffff7fec000, 0x7ffff7ff6000, MAPK_INTERP, R, 0, 0, 0x27000, "/ld.so", "", NULL },
	{ 0x7ffff7ff6000, 0x7ffff7ffa000, MAPK_INTERP, R | W, 0, 0, 0x31000, "/ld.so", " .data", NULL },
	{ 0x7ffff7ffc000, 0x7ffff7ffe000, MAPK_VDSO, R | X, 0, 0, 0, NULL, NULL, NULL },
	{ 0x7ffffffdd000, 0x7ffffffff000, MAPK_STACK, R | W, 0, 0, 0, NULL, NULL, NULL },
};
#define NPIE (sizeof pie / sizeof pie[0])

START_TEST(orders_high_to_low_and_splits_regions)
{
	static struct map_svg_layout L;

	map_svg_layout(pie, NPIE, &L);
	ck_assert_uint_eq(L.n, NPIE);
	for (size_t k = 1; k < L.n; k++)
		ck_assert_uint_ge(pie[L.order[k - 1]].start, pie[L.order[k]].start);
	/* stack | vDSO + interpreter (2 pages apart) | brk (1 page above .bss) + program */
	ck_assert_uint_eq(L.nregions, 3);
	ck_assert_uint_eq(L.region[0].count, 1);
	ck_assert_uint_eq(L.region[1].count, 5);
	ck_assert_uint_eq(L.region[2].count, 6);
	ck_assert_uint_eq(L.region[1].gap_below, 0x7ffff7fc5000 - 0x555555566000);
	ck_assert_uint_eq(L.region[2].gap_below, 0);
	ck_assert_uint_eq(L.region[2].kinds, (1U << MAPK_PROGRAM) | (1U << MAPK_BRK));
	/* regions and the holes between them go down the page, without overlapping */
	for (size_t r = 1; r < L.nregions; r++)
		ck_assert_int_eq(L.region[r].top, L.region[r - 1].top + L.region[r - 1].height +
				 MAP_SVG_GAP_H);
	ck_assert_int_gt(L.height, L.region[2].top + L.region[2].height);
}
END_TEST

START_TEST(heights_are_to_scale_within_a_region)
{
	static struct map_svg_layout L;

	map_svg_layout(pie, NPIE, &L);
	for (size_t r = 0; r < L.nregions; r++) {
		const struct map_svg_region *G = &L.region[r];
		double px_per_byte = (double)(G->height - 12) / (double)(G->hi - G->lo);

		for (size_t k = G->first; k < G->first + G->count; k++) {
			const struct map_box *b = &pie[L.order[k]];
			double want = (double)(b->end - b->start) * px_per_byte;

			if (b->kind == MAPK_BRK)
				continue;
			/* rounding of both ends, or the minimum height */
			ck_assert_msg(L.place[k].h >= MAP_SVG_MIN_H &&
				      (L.place[k].h - want < 2.0 || L.place[k].h == MAP_SVG_MIN_H) &&
				      want - L.place[k].h < 2.0,
				      "box %zu: height %ld for %lu bytes, expected %.1f", k,
				      L.place[k].h, b->end - b->start, want);
			/* inside its region, and below the box above it */
			ck_assert_int_ge(L.place[k].y, G->top);
			ck_assert_int_le(L.place[k].y + L.place[k].h, G->top + G->height);
			if (k > G->first && pie[L.order[k - 1]].kind != MAPK_BRK)
				ck_assert_int_ge(L.place[k].y, L.place[k - 1].y);
		}
	}
}
END_TEST

START_TEST(labels_do_not_overlap)
{
	static struct map_svg_layout L;

	map_svg_layout(pie, NPIE, &L);
	for (size_t k = 0; k < L.n; k++) {
		const struct map_svg_region *G = &L.region[L.place[k].region];

		ck_assert_int_ge(L.place[k].label_y, G->top);
		ck_assert_int_le(L.place[k].label_y + MAP_SVG_LABEL_H, G->top + G->height);
		if (k > 0)
			ck_assert_int_ge(L.place[k].label_y, L.place[k - 1].label_y + MAP_SVG_LABEL_H);
	}
}
END_TEST

START_TEST(a_lone_point_and_a_huge_box)
{
	static const struct map_box b[] = {
		{ 0x1000, 0x1000, MAPK_BRK, 0, 0, 0, 0, NULL, NULL, NULL },
		{ 0x400000, 0x7fff00000000, MAPK_PROGRAM, R | W, 1, 0, 0, "/p", NULL, NULL },
		{ 0x7fff00000000, 0x7fff00001000, MAPK_PROGRAM, R, 0, 0, 0, "/p", NULL, NULL },
	};
	static struct map_svg_layout L;

	map_svg_layout(b, 3, &L);
	ck_assert_uint_eq(L.nregions, 2);
	/* the one page beside 128 TiB: never thinner than the minimum, never outside */
	ck_assert_int_eq(L.place[0].h, MAP_SVG_MIN_H);
	ck_assert_int_ge(L.place[1].h, 20);
	ck_assert_int_eq(L.place[2].h, 0);
	ck_assert_int_eq(L.place[2].y, L.region[1].top + L.region[1].height / 2);
}
END_TEST

START_TEST(escapes_xml)
{
	char out[64];

	map_svg_escape(out, sizeof out, "a<b>&\"c\"", 100);
	ck_assert_str_eq(out, "a&lt;b&gt;&amp;&quot;c&quot;");
	/* control characters and malformed UTF-8 (a lone continuation byte, an overlong
	 * '/', a surrogate) become '?'; well-formed UTF-8 stays */
	map_svg_escape(out, sizeof out, "\x01t\x80x\xc0\xaf\xed\xa0\x80\xc3\xa9", 100);
	ck_assert_str_eq(out, "?t?x?????\xc3\xa9");
	/* a sequence cut by the end of the string */
	map_svg_escape(out, sizeof out, "ok\xe2\x82", 100);
	ck_assert_str_eq(out, "ok??");
	/* at most max characters, then "..." */
	map_svg_escape(out, sizeof out, "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9", 2);
	ck_assert_str_eq(out, "\xc3\xa9\xc3\xa9...");
	/* never past the buffer, never half an entity */
	map_svg_escape(out, 8, "&&&&", 100);
	ck_assert_str_eq(out, "&amp;");
	ck_assert_uint_eq(map_svg_escape(out, sizeof out, NULL, 10), 0);
}
END_TEST

START_TEST(sizes)
{
	char s[16];

	ck_assert_str_eq(map_svg_size(4096, s), "4K");
	ck_assert_str_eq(map_svg_size(152 << 10, s), "152K");
	ck_assert_str_eq(map_svg_size(1536 << 10, s), "1.50M");
	ck_assert_str_eq(map_svg_size(64UL << 20, s), "64M");
	ck_assert_str_eq(map_svg_size(0x2aaaa2a5f000UL, s), "42.7T");
	ck_assert_str_eq(map_svg_size(100, s), "100B");
}
END_TEST

struct buf {
	char *text;
	size_t len;
};

static void collect(void *ctx, const char *text, size_t len)
{
	struct buf *b = ctx;

	b->text = realloc(b->text, b->len + len + 1);
	ck_assert_ptr_nonnull(b->text);
	memcpy(b->text + b->len, text, len);
	b->len += len;
	b->text[b->len] = '\0';
}

static size_t count(const char *hay, const char *needle)
{
	size_t n = 0;

	for (const char *p = hay; (p = strstr(p, needle)); p++)
		n++;
	return n;
}

START_TEST(writes_one_element_per_mapping)
{
	static struct map_svg_layout L;
	struct map_svg_info info = { "/p <&>", 0x7fffffffe000, 3000 };
	struct buf b = { NULL, 0 };
	const char *s, *t, *v;

	map_svg_layout(pie, NPIE, &L);
	map_svg_write(pie, &L, &info, collect, &b);
	ck_assert_uint_eq(count(b.text, "<g class=\"mapping\""), NPIE - 1);
	ck_assert_uint_eq(count(b.text, "<g class=\"brk\" data-addr=\"0x555555566000\""), 1);
	ck_assert_uint_eq(count(b.text, "<g class=\"sp\" data-addr=\"0x7fffffffe000\""), 1);
	ck_assert_uint_eq(count(b.text, "<g class=\"region\""), 3);
	ck_assert_uint_eq(count(b.text, "<g class=\"gap\""), 2);
	ck_assert_ptr_nonnull(strstr(b.text, "The new image of /p &lt;&amp;&gt;"));
	ck_assert_ptr_nonnull(strstr(b.text, "data-roles=\"vDSO interpreter\""));
	/* in address order, high to low */
	s = strstr(b.text, "data-start=\"0x7ffffffdd000\"");
	t = strstr(b.text, "data-start=\"0x7ffff7ffc000\"");
	v = strstr(b.text, "data-start=\"0x555555554000\"");
	ck_assert(s && t && v && s < t && t < v);
	/* labels: permissions, range, file and offset, sections */
	ck_assert_ptr_nonnull(strstr(b.text, "r-x   152K  0x7ffff7fc6000-0x7ffff7fec000"));
	ck_assert_ptr_nonnull(strstr(b.text, "/ld.so off 0x1000: .text"));
	ck_assert_ptr_nonnull(strstr(b.text, "/p bss (anonymous): .bss"));
	ck_assert_ptr_nonnull(strstr(b.text, "data-sections=\".data .bss\""));
	ck_assert_ptr_nonnull(strstr(b.text, "</svg>\n"));
	free(b.text);
}
END_TEST

Suite *make_loader_map_svg_suite(void)
{
	Suite *s = suite_create("loader_map_svg");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, orders_high_to_low_and_splits_regions);
	tcase_add_test(tc, heights_are_to_scale_within_a_region);
	tcase_add_test(tc, labels_do_not_overlap);
	tcase_add_test(tc, a_lone_point_and_a_huge_box);
	tcase_add_test(tc, escapes_xml);
	tcase_add_test(tc, sizes);
	tcase_add_test(tc, writes_one_element_per_mapping);
	suite_add_tcase(s, tc);
	return s;
}
