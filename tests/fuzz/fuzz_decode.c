/*
 * tests/fuzz/fuzz_decode.c: libFuzzer target for the argument decoders (tracer/decode/):
 * one row of a syscall table decoded, entry then exit, with registers and tracee memory
 * from the input. Memory reaches the decoders through the engine's seam, struct tracee_mem
 * (tracer/decode.h; tracer/engine/mem.c's reader is the real one): here a reader that
 * serves the input's tail as the tracee's memory at MEM_BASE and fails every other address
 * with EFAULT, as an unmapped page does.
 *
 * The input, in order (zeros once it runs out):
 *   1 byte   personality (modulo PERS_COUNT)
 *   2 bytes  row: the syscall number, modulo the personality's table size
 *   1 byte   -s strsize, modulo MAX_STRSIZE + 1
 *   1 byte   bit 0: the call failed; bit 1: the line is split as "<unfinished ...>";
 *            bit 2: the entry has a stack pointer (rt_sigreturn's mask)
 *   8 bytes  return value (if failed: an errno, modulo MAX_ERRNO, plus 1)
 *   6 x 9    each argument: a kind byte (KIND_*) and 8 bytes
 *   2 bytes  stack pointer, as an offset into the memory
 *   the rest the tracee's memory at MEM_BASE
 *
 * Asserted: no crash (AddressSanitizer, UBSan); a decoder asks the reader for at most the
 * bytes its buffer holds (the reader fills all len of them) and uses only what the reader
 * served: the call is decoded twice, the bytes not served filled with 0x00 then 0xff, and
 * both lines must be equal; the line stays below the engine's line buffer, holds no NUL or
 * newline, and starts with the call's name.
 *
 * With FUZZ_DECODE_PRINT set in the environment, each line is printed to stderr: running
 * the target on one input (fuzz_decode FILE) then shows what the decoders made of it.
 */
#include <errno.h>
#include <string.h>
#include "tracer/decode.h"
#include "tracer/sysent.h"
#include "tests/fuzz/fuzz.h"

#define MEM_BASE 0x10000ULL
#define MAX_STRSIZE 64
#define MAX_ERRNO 4095		/* the kernel's largest errno (linux/err.h) */
#define LINE_CAP (1 << 20)	/* room to see a line that would not fit the engine's */
#define ENGINE_LINE (1 << 18)	/* tracer/engine/syscall.c's line buffer */
#define MAX_READS 100000	/* a decoder reading more is looping */

enum {
	KIND_RAW,		/* the 8 bytes as they are */
	KIND_POINTER,		/* MEM_BASE plus the value modulo (memory size + 64) */
	KIND_SMALL,		/* a small signed number: -128..127 */
	KIND_COUNT
};

struct fake_mem {
	const uint8_t *bytes;
	size_t size;
	unsigned char fill;	/* what the bytes not served become */
	long reads;
};

static ssize_t fake_read(void *ctx, uint64_t addr, void *buf, size_t len)
{
	struct fake_mem *m = ctx;
	size_t n = 0;

	FUZZ_ASSERT(++m->reads <= MAX_READS, "more than %d reads for one call", MAX_READS);
	/* the whole buffer: AddressSanitizer stops a decoder that asks for more than it has */
	memset(buf, m->fill, len);
	if (!len)
		return 0;
	if (addr < MEM_BASE || addr - MEM_BASE >= m->size)
		return -EFAULT;
	n = m->size - (addr - MEM_BASE);
	if (n > len)
		n = len;
	memcpy(buf, m->bytes + (addr - MEM_BASE), n);
	return (ssize_t)n;
}

struct input {
	struct call c;		/* as the engine fills it at entry */
	int64_t rval;
	int is_error, split, with_sp;
	uint64_t sp;
	struct decode_opts o;
};

static void decode(const struct input *in, struct fake_mem *fm, char *line)
{
	struct tracee_mem mem = { .read = fake_read, .ctx = fm };
	struct call c = in->c;
	struct strbuf sb;

	fm->reads = 0;
	sb_init(&sb, line, LINE_CAP);
	decode_entry_sp(&sb, &c, &mem, &in->o, in->with_sp ? in->sp : 0);
	if (in->split) {
		decode_unfinished(&sb, &c);
		sb_puts(&sb, " <unfinished ...> <... resumed>");
	}
	c.rval = in->rval;
	c.is_error = in->is_error;
	decode_exit(&sb, &c, &mem, &in->o);
	FUZZ_ASSERT(sb.len < ENGINE_LINE, "a line of %zu bytes for syscall %ld (pers %d)",
		    sb.len, in->c.nr, in->c.pers);
	FUZZ_ASSERT(strlen(line) == sb.len, "a NUL inside the line '%s'", line);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char *line[2];
	static int ready;
	struct fake_mem fm;
	struct fuzz_reader r = { data, size };
	struct input in = { 0 };
	const char *name;
	uint64_t kind[6], value[6];
	long count;
	uint64_t flags;
	uint8_t *mem;

	if (!ready) {
		FUZZ_ASSERT(sysent_init() == 0, "sysent_init failed");
		line[0] = malloc(LINE_CAP);
		line[1] = malloc(LINE_CAP);
		FUZZ_ASSERT(line[0] && line[1], "out of memory");
		ready = 1;
	}
	in.c.pers = (int)(fuzz_take(&r, 1) % PERS_COUNT);
	count = sysent_count(in.c.pers);
	FUZZ_ASSERT(count > 0, "personality %d has an empty table", in.c.pers);
	in.c.nr = (long)(fuzz_take(&r, 2) % (uint64_t)count);
	in.o.strsize = (int)(fuzz_take(&r, 1) % (MAX_STRSIZE + 1));
	flags = fuzz_take(&r, 1);
	in.is_error = flags & 1;
	in.split = !!(flags & 2);
	in.with_sp = !!(flags & 4);
	in.rval = (int64_t)fuzz_take(&r, 8);
	if (in.is_error)
		in.rval = -(int64_t)((uint64_t)in.rval % MAX_ERRNO + 1);

	/* the arguments need the memory's size: read them first, resolve them after */
	for (int i = 0; i < 6; i++) {
		kind[i] = fuzz_take(&r, 1) % KIND_COUNT;
		value[i] = fuzz_take(&r, 8);
	}
	in.sp = fuzz_take(&r, 2);
	/* an exact copy, so AddressSanitizer sees a read past the memory in the reader */
	mem = malloc(r.left ? r.left : 1);
	FUZZ_ASSERT(mem, "out of memory");
	memcpy(mem, r.p, r.left);
	fm = (struct fake_mem){ .bytes = mem, .size = r.left };
	in.sp = MEM_BASE + in.sp % (fm.size + 64);
	for (int i = 0; i < 6; i++)
		in.c.args[i] = kind[i] == KIND_POINTER ? MEM_BASE + value[i] % (fm.size + 64) :
			       kind[i] == KIND_SMALL ? (uint64_t)(int64_t)(int8_t)value[i] :
			       value[i];

	fm.fill = 0x00;
	decode(&in, &fm, line[0]);
	fm.fill = 0xff;
	decode(&in, &fm, line[1]);
	FUZZ_ASSERT(!strcmp(line[0], line[1]),
		    "the line depends on bytes the reader did not serve:\n  %s\n  %s",
		    line[0], line[1]);
	name = sysent_name(in.c.pers, in.c.nr);
	FUZZ_ASSERT(!name || !strncmp(line[0], name, strlen(name)),
		    "the line '%s' does not start with %s", line[0], name);
	FUZZ_ASSERT(!strchr(line[0], '\n'), "a newline inside the line '%s'", line[0]);
	if (getenv("FUZZ_DECODE_PRINT"))
		fprintf(stderr, "%s\n", line[0]);
	free(mem);
	return 0;
}
