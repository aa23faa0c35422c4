/*
 * tracer/strbuf.c: a fixed-size output buffer for one trace line (tracer/decode.h).
 * Appends past the end are dropped, so a decoder can never overflow the engine's storage;
 * buf always stays NUL-terminated and len < cap.
 */
#include <stdio.h>
#include <string.h>
#include "tracer/decode.h"

void sb_init(struct strbuf *sb, char *storage, size_t cap)
{
	sb->buf = storage;
	sb->cap = cap;
	sb_reset(sb);
}

void sb_reset(struct strbuf *sb)
{
	sb->len = 0;
	if (sb->cap)
		sb->buf[0] = '\0';
}

/* Room left for characters, keeping one byte for the terminating NUL. */
static size_t sb_room(const struct strbuf *sb)
{
	return sb->cap ? sb->cap - 1 - sb->len : 0;
}

static void sb_append(struct strbuf *sb, const char *s, size_t n)
{
	size_t room = sb_room(sb);

	if (n > room)
		n = room;
	memcpy(sb->buf + sb->len, s, n);
	sb->len += n;
	if (sb->cap)
		sb->buf[sb->len] = '\0';
}

void sb_puts(struct strbuf *sb, const char *s)
{
	sb_append(sb, s, strlen(s));
}

void sb_putc(struct strbuf *sb, char c)
{
	sb_append(sb, &c, 1);
}

void sb_vprintf(struct strbuf *sb, const char *fmt, va_list ap)
{
	size_t room = sb_room(sb);
	int n;

	if (!sb->cap)
		return;
	n = vsnprintf(sb->buf + sb->len, room + 1, fmt, ap);
	if (n < 0)
		return;
	sb->len += (size_t)n > room ? room : (size_t)n;
}

void sb_printf(struct strbuf *sb, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	sb_vprintf(sb, fmt, ap);
	va_end(ap);
}
