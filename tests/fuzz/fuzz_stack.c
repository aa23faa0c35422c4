/*
 * tests/fuzz/fuzz_stack.c: libFuzzer target for the initial stack builder
 * (loader/create_elf_tables.c), as loader/create_elf_tables_step.c calls it:
 * elf_tables_size(), then create_elf_tables() into a buffer of that size or thereabouts.
 * The input:
 *
 *   argc u8, envc u8, flags u8 (bit 0: a platform string), pairs u8, align_rnd u16 (taken
 *   modulo 8192, its documented range), slack s16 (the buffer is the size needed plus this),
 *   top u64 (page-aligned into the upper half of user space), AT_PHDR, AT_PHNUM, AT_BASE,
 *   AT_ENTRY u64 each, RLIMIT_STACK u64, 16 random bytes, `pairs` auxv template pairs (key u8, value u64; the
 *   template ends at the first key 0 or after them), then the strings, each ended by a NUL:
 *   execfn, argv[], envp[], platform. Strings the input runs out of are empty.
 *
 * The buffer is on the heap, exactly as large as said, and filled with a pattern first.
 * Asserted, from create_elf_tables.h and what a program's _start reads: -E2BIG exactly when
 * the buffer is smaller than elf_tables_size(), leaving the buffer untouched; otherwise an
 * image of at most that size at the end of the buffer, sp 16-byte aligned, argc, argv and
 * envp pointing at copies of the strings, the template's keys in order with the program's
 * values, the random bytes, the platform and execfn strings, the top word zero, and the
 * bytes between them zero as on the kernel's fresh stack pages; arg_bytes() counting the
 * very string bytes the image holds; arg_limit() as bprm_stack_limits() bounds it.
 */
#include <elf.h>
#include <errno.h>
#include <string.h>
#include "loader/create_elf_tables.h"
#include "loader/elf_layout.h"
#include "tests/fuzz/fuzz.h"

#define PATTERN 0xbe
#define MAX_PAIRS 64	/* elf_tables_plan()'s template holds at most this many (MAX_AUXV) */

struct stack_case {
	struct elf_tables_in in;
	unsigned long tmpl[2 * MAX_PAIRS + 2];
	unsigned char random[16];
	const char **argv, **envp;
	char *strings;		/* the input's tail, NUL-terminated: the strings point into it */
	long slack;
	unsigned long top;
	unsigned long rlim_stack;
};

/* The next string of the tail, or "" once it is used up. */
static const char *next_string(char **p, const char *end)
{
	const char *s = *p;

	if (*p >= end)
		return "";
	*p += strlen(s) + 1;
	return s;
}

static void decode_input(const uint8_t *data, size_t size, struct stack_case *c)
{
	struct fuzz_reader r = { data, size };
	size_t argc = fuzz_take(&r, 1), envc = fuzz_take(&r, 1), pairs, n = 0;
	int platform = fuzz_take(&r, 1) & 1;
	char *p, *end;

	pairs = fuzz_take(&r, 1) % MAX_PAIRS;
	c->in.align_rnd = fuzz_take(&r, 2) % 8192;
	c->slack = (int16_t)fuzz_take(&r, 2);
	c->top = TASK_SIZE - ELF_PAGESTART(fuzz_take(&r, 8) & 0x3fffffffffffUL);
	c->in.at_phdr = fuzz_take(&r, 8);
	c->in.at_phnum = fuzz_take(&r, 8);
	c->in.at_base = fuzz_take(&r, 8);
	c->in.at_entry = fuzz_take(&r, 8);
	c->rlim_stack = fuzz_take(&r, 8);
	for (size_t i = 0; i < sizeof c->random; i++)
		c->random[i] = (unsigned char)fuzz_take(&r, 1);
	for (; n < pairs; n++) {
		c->tmpl[2 * n] = fuzz_take(&r, 1);
		c->tmpl[2 * n + 1] = fuzz_take(&r, 8);
		if (c->tmpl[2 * n] == AT_NULL)
			break;
	}
	c->tmpl[2 * n] = AT_NULL;
	c->tmpl[2 * n + 1] = 0;

	c->strings = malloc(r.left + 1);
	memcpy(c->strings, r.p, r.left);
	c->strings[r.left] = '\0';
	p = c->strings;
	end = c->strings + r.left;
	c->argv = calloc(argc + 1, sizeof *c->argv);
	c->envp = calloc(envc + 1, sizeof *c->envp);
	c->in.execfn = next_string(&p, end);
	for (size_t i = 0; i < argc; i++)
		c->argv[i] = next_string(&p, end);
	for (size_t i = 0; i < envc; i++)
		c->envp[i] = next_string(&p, end);
	c->in.platform = platform ? next_string(&p, end) : NULL;
	c->in.argc = argc;
	c->in.argv = c->argv;
	c->in.envc = envc;
	c->in.envp = c->envp;
	c->in.random = c->random;
	c->in.auxv_template = c->tmpl;
}

/* Reading the image back, as the new program does: by address. */
struct image {
	const unsigned char *buf;
	unsigned long base, top;	/* buf stands for [base, top) */
	unsigned long lo;		/* the image: [lo, top) */
};

static const unsigned char *at(const struct image *im, unsigned long a, size_t n)
{
	FUZZ_ASSERT(a >= im->lo && a <= im->top && im->top - a >= n,
		    "[0x%lx, +%zu) is outside the image [0x%lx, 0x%lx)", a, n, im->lo, im->top);
	return im->buf + (a - im->base);
}

static unsigned long word(const struct image *im, unsigned long a)
{
	unsigned long w;

	memcpy(&w, at(im, a, 8), 8);
	return w;
}

/* The string at address a equals s, NUL included. */
static void check_string(const struct image *im, unsigned long a, const char *s, const char *what)
{
	size_t n = strlen(s) + 1;

	FUZZ_ASSERT(!memcmp(at(im, a, n), s, n), "%s at 0x%lx is not '%s'", what, a, s);
}

static void check_zero(const struct image *im, unsigned long from, unsigned long to,
		       const char *what)
{
	const unsigned char *b;

	FUZZ_ASSERT(from <= to, "%s: [0x%lx, 0x%lx) is upside down", what, from, to);
	b = at(im, from, to - from);
	for (unsigned long i = 0; i < to - from; i++)
		FUZZ_ASSERT(!b[i], "%s: byte at 0x%lx is 0x%02x, not zero as on a fresh stack page",
			    what, from + i, b[i]);
}

static void check_image(const struct stack_case *c, const unsigned char *buf, size_t bufsize,
			size_t need, const struct elf_tables_out *o)
{
	const struct elf_tables_in *in = &c->in;
	struct image im = { buf, c->top - bufsize, c->top, o->sp };
	unsigned long a, s, ptrs, strings_end = c->top - 8, data_lo;
	size_t i;

	FUZZ_ASSERT(o->sp % 16 == 0, "sp 0x%lx not 16-byte aligned", o->sp);
	FUZZ_ASSERT(o->size == c->top - o->sp && o->size <= bufsize && o->size <= need,
		    "image of %zu bytes (sp 0x%lx) for a %zu-byte buffer, %zu said needed", o->size,
		    o->sp, bufsize, need);
	/* argc, argv[], NULL, envp[], NULL */
	a = o->sp;
	FUZZ_ASSERT(word(&im, a) == in->argc, "argc %lu, expected %zu", word(&im, a), in->argc);
	for (i = 0, a += 8; i < in->argc; i++, a += 8) {
		s = word(&im, a);
		FUZZ_ASSERT(s >= o->arg_start && s < o->arg_end, "argv[%zu] 0x%lx outside the "
			    "argument strings", i, s);
		check_string(&im, s, in->argv[i], "argv string");
	}
	FUZZ_ASSERT(!word(&im, a), "argv not NULL-terminated");
	for (i = 0, a += 8; i < in->envc; i++, a += 8) {
		s = word(&im, a);
		FUZZ_ASSERT(s >= o->env_start && s < o->env_end, "envp[%zu] 0x%lx outside the "
			    "environment strings", i, s);
		check_string(&im, s, in->envp[i], "envp string");
	}
	FUZZ_ASSERT(!word(&im, a), "envp not NULL-terminated");
	a += 8;
	/* auxv: the template's keys in its order, up to and with {AT_NULL, 0} */
	FUZZ_ASSERT(o->auxv == a, "auxv at 0x%lx, expected right after envp's NULL at 0x%lx",
		    o->auxv, a);
	for (i = 0;; i++, a += 16) {
		unsigned long key = word(&im, a), val = word(&im, a + 8);

		FUZZ_ASSERT(key == c->tmpl[2 * i], "auxv[%zu] key %lu, template has %lu", i, key,
			    c->tmpl[2 * i]);
		if (key == AT_NULL) {
			FUZZ_ASSERT(val == 0, "AT_NULL with value 0x%lx", val);
			break;
		}
		FUZZ_ASSERT(val == elf_aux_value(in, o, key, c->tmpl[2 * i + 1]),
			    "auxv key %lu is 0x%lx, expected 0x%lx", key, val,
			    elf_aux_value(in, o, key, c->tmpl[2 * i + 1]));
	}
	FUZZ_ASSERT(o->auxv_size == 16 * (i + 1), "auxv_size %zu for %zu pairs", o->auxv_size, i + 1);
	/* between the tables and the random bytes: zero, as on the kernel's fresh pages */
	check_zero(&im, o->auxv + o->auxv_size, o->random, "padding below AT_RANDOM");
	FUZZ_ASSERT(!memcmp(at(&im, o->random, 16), c->random, 16), "AT_RANDOM bytes differ");
	data_lo = o->random + 16;
	if (in->platform) {
		FUZZ_ASSERT(o->platform == data_lo, "platform at 0x%lx, expected right above the "
			    "random bytes at 0x%lx", o->platform, data_lo);
		check_string(&im, o->platform, in->platform, "AT_PLATFORM");
		data_lo += strlen(in->platform) + 1;
	} else {
		FUZZ_ASSERT(!o->platform, "a platform address 0x%lx without a platform", o->platform);
	}
	/* arch_align_stack()'s gap up to the strings: never written by the kernel */
	check_zero(&im, data_lo, o->arg_start, "gap below the strings");
	/* the strings, packed: argv's, envp's, execfn; then the zero top word */
	FUZZ_ASSERT(o->arg_end == o->env_start && o->env_end == o->execfn,
		    "string areas not adjacent: args 0x%lx-0x%lx, env 0x%lx-0x%lx, execfn 0x%lx",
		    o->arg_start, o->arg_end, o->env_start, o->env_end, o->execfn);
	check_string(&im, o->execfn, in->execfn, "AT_EXECFN");
	FUZZ_ASSERT(o->execfn + strlen(in->execfn) + 1 == strings_end, "execfn at 0x%lx does not "
		    "end at the top word 0x%lx", o->execfn, strings_end);
	check_zero(&im, strings_end, c->top, "top word");
	FUZZ_ASSERT(arg_bytes(in, in->argc, &ptrs) - ptrs == strings_end - o->arg_start,
		    "arg_bytes counts %lu string bytes, the image holds %lu",
		    arg_bytes(in, in->argc, &ptrs) - ptrs, strings_end - o->arg_start);
	FUZZ_ASSERT(ptrs == ((in->argc ? in->argc : 1) + in->envc) * sizeof(void *),
		    "arg_bytes counts %lu pointer bytes for argc %zu, envc %zu", ptrs, in->argc,
		    in->envc);
}

/* RLIMIT_STACK / 4, but 6 MiB at most and ARG_MAX_MIN at least (create_elf_tables.h). */
static void check_arg_limit(unsigned long rlim)
{
	unsigned long limit = arg_limit(rlim);

	FUZZ_ASSERT(limit >= ARG_MAX_MIN && limit <= (6UL << 20), "arg_limit(0x%lx) is 0x%lx", rlim,
		    limit);
	FUZZ_ASSERT(rlim / 4 < ARG_MAX_MIN || rlim / 4 > (6UL << 20) || limit == rlim / 4,
		    "arg_limit(0x%lx) is 0x%lx, not a quarter of it", rlim, limit);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct stack_case c = { 0 };
	struct elf_tables_out o = { 0 };
	size_t need, bufsize;
	unsigned char *buf, *copy;
	int ret;

	decode_input(data, size, &c);
	check_arg_limit(c.rlim_stack);
	need = elf_tables_size(&c.in);
	bufsize = c.slack < 0 && (size_t)-c.slack > need ? 0 : need + (size_t)c.slack;
	buf = malloc(bufsize ? bufsize : 1);
	copy = malloc(bufsize ? bufsize : 1);
	memset(buf, PATTERN, bufsize);
	ret = create_elf_tables(buf, bufsize, c.top, &c.in, &o);
	if (bufsize < need) {
		FUZZ_ASSERT(ret == -E2BIG, "a %zu-byte buffer for %zu bytes: returned %d", bufsize,
			    need, ret);
		memset(copy, PATTERN, bufsize);
		FUZZ_ASSERT(!memcmp(buf, copy, bufsize), "refused, yet wrote into the buffer");
	} else {
		FUZZ_ASSERT(ret == 0, "a %zu-byte buffer for %zu bytes: returned %d", bufsize,
			    need, ret);
		check_image(&c, buf, bufsize, need, &o);
	}
	free(copy);
	free(buf);
	free(c.argv);
	free(c.envp);
	free(c.strings);
	return 0;
}
