/* tests/unit/test_decode_util.c: fake tracee memory and one-call decoding for the suites. */
#include <check.h>
#include <errno.h>
#include <string.h>
#include "tests/unit/test_decode_util.h"

static unsigned char arena[16384];
static size_t used;

static ssize_t fake_read(void *ctx, uint64_t addr, void *buf, size_t len)
{
	size_t off, n;

	(void)ctx;
	if (addr < FAKE_BASE || addr >= FAKE_BASE + sizeof arena)
		return -EFAULT;
	off = (size_t)(addr - FAKE_BASE);
	n = sizeof arena - off < len ? sizeof arena - off : len;
	memcpy(buf, arena + off, n);
	return (ssize_t)n;
}

const struct tracee_mem fake_mem = { fake_read, NULL, 0 };

void fake_reset(void)
{
	memset(arena, 0, sizeof arena);
	used = 0;
}

uint64_t fake_put(const void *data, size_t len)
{
	uint64_t addr;

	used = (used + 15) & ~(size_t)15;
	ck_assert_uint_le(used + len, sizeof arena / 2);
	memcpy(arena + used, data, len);
	addr = FAKE_BASE + used;
	used += len;
	return addr;
}

uint64_t fake_str(const char *s)
{
	return fake_put(s, strlen(s) + 1);
}

uint64_t fake_put_at_end(const void *data, size_t len)
{
	memcpy(arena + sizeof arena - len, data, len);
	return FAKE_BASE + sizeof arena - len;
}

static struct call make_call(int pers, const char *name, const uint64_t args[6])
{
	struct call c;

	memset(&c, 0, sizeof c);
	ck_assert_int_eq(sysent_init(), 0);
	c.pers = pers;
	c.nr = sysent_lookup(pers, name);
	ck_assert_msg(c.nr >= 0, "no syscall %s", name);
	memcpy(c.args, args, sizeof c.args);
	return c;
}

static char line[8192];

const char *decode_call(int pers, const char *name, const uint64_t args[6], int64_t rval,
			int is_error, int strsize)
{
	struct decode_opts o = { .strsize = strsize };
	struct call c = make_call(pers, name, args);
	struct strbuf sb;

	sb_init(&sb, line, sizeof line);
	decode_entry(&sb, &c, &fake_mem, &o);
	c.rval = rval;
	c.is_error = is_error;
	decode_exit(&sb, &c, &fake_mem, &o);
	return line;
}

const char *decode_call_entry(int pers, const char *name, const uint64_t args[6], int strsize)
{
	struct decode_opts o = { .strsize = strsize };
	struct call c = make_call(pers, name, args);
	struct strbuf sb;

	sb_init(&sb, line, sizeof line);
	decode_entry(&sb, &c, &fake_mem, &o);
	return line;
}
