/* tests/unit/test_strbuf.c: the fixed-size line buffer (tracer/strbuf.c). */
#include <check.h>
#include "tracer/decode.h"

START_TEST(test_strbuf_appends)
{
	char buf[64];
	struct strbuf sb;

	sb_init(&sb, buf, sizeof buf);
	ck_assert_str_eq(sb.buf, "");
	sb_puts(&sb, "read(");
	sb_printf(&sb, "%d, %s", 3, "x");
	sb_putc(&sb, ')');
	ck_assert_str_eq(buf, "read(3, x)");
	ck_assert_uint_eq(sb.len, 10);
	sb_reset(&sb);
	ck_assert_str_eq(buf, "");
	ck_assert_uint_eq(sb.len, 0);
}
END_TEST

START_TEST(test_strbuf_drops_overflow)
{
	char buf[8];
	struct strbuf sb;

	sb_init(&sb, buf, sizeof buf);
	sb_puts(&sb, "abcdef");
	sb_puts(&sb, "ghij");
	ck_assert_str_eq(buf, "abcdefg");
	ck_assert_uint_eq(sb.len, 7);
	sb_printf(&sb, "%d", 12345);
	sb_putc(&sb, 'z');
	ck_assert_str_eq(buf, "abcdefg");
	sb_reset(&sb);
	sb_printf(&sb, "%s", "0123456789");
	ck_assert_str_eq(buf, "0123456");
	ck_assert_uint_eq(sb.len, 7);
}
END_TEST

Suite *make_strbuf_suite(void)
{
	Suite *s = suite_create("strbuf");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_strbuf_appends);
	tcase_add_test(tc, test_strbuf_drops_overflow);
	suite_add_tcase(s, tc);
	return s;
}
