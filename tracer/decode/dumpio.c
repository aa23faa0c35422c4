/*
 * tracer/decode/dumpio.c: -e read=FDS / -e write=FDS, strace's hex dumps of the data a call
 * read or wrote, printed after its line (see decode.h, decode_dumpio). Which calls dump what
 * is strace 6.1's dumpio(): the fd is the first argument; a write-side call is dumped
 * whatever its result (the bytes it was given), a read-side call only when it succeeded
 * (the bytes it returned).
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "tracer/decode.h"
#include "tracer/sysent.h"

enum dump_kind {
	DUMP_BUF = 1,	/* arg1 buffer, arg2 length (write) or the result (read) */
	DUMP_IOV,	/* arg1 iovec array, arg2 count */
	DUMP_MSG,	/* arg1 struct msghdr */
	DUMP_MMSG,	/* arg1 struct mmsghdr array, the result's count of them */
};

static const struct {
	const char *name;
	int write;	/* 1: a write-side call (the write set), 0: read-side */
	enum dump_kind kind;
} dump_calls[] = {
	{ "write", 1, DUMP_BUF }, { "pwrite64", 1, DUMP_BUF }, { "send", 1, DUMP_BUF },
	{ "sendto", 1, DUMP_BUF }, { "mq_timedsend", 1, DUMP_BUF },
	{ "mq_timedsend_time64", 1, DUMP_BUF },
	{ "writev", 1, DUMP_IOV }, { "pwritev", 1, DUMP_IOV }, { "pwritev2", 1, DUMP_IOV },
	{ "vmsplice", 1, DUMP_IOV },
	{ "sendmsg", 1, DUMP_MSG }, { "sendmmsg", 1, DUMP_MMSG },
	{ "read", 0, DUMP_BUF }, { "pread64", 0, DUMP_BUF }, { "recv", 0, DUMP_BUF },
	{ "recvfrom", 0, DUMP_BUF }, { "mq_timedreceive", 0, DUMP_BUF },
	{ "mq_timedreceive_time64", 0, DUMP_BUF },
	{ "readv", 0, DUMP_IOV }, { "preadv", 0, DUMP_IOV }, { "preadv2", 0, DUMP_IOV },
	{ "recvmsg", 0, DUMP_MSG }, { "recvmmsg", 0, DUMP_MMSG },
	{ "recvmmsg_time64", 0, DUMP_MMSG },
};

/* Bytes fetched at a time, as strace's dumpstr buffer (a multiple of 16). */
#define DUMP_CHUNK 65536
/* More iovecs than this are not dumped (the kernel's own limit, UIO_MAXIOV, is 1024). */
#define DUMP_MAX_IOV 65536

struct dumper {
	const struct call *c;
	const struct tracee_mem *mem;
	dump_emit emit;
	void *ctx;
	char line[128];
};

static int read_full(const struct dumper *d, uint64_t addr, void *buf, size_t len)
{
	return d->mem->read(d->mem->ctx, addr, buf, len) == (ssize_t)len ? 0 : -1;
}

static uint64_t read_word(const unsigned char *p, int compat)
{
	uint32_t w32;
	uint64_t w64;

	if (compat) {
		memcpy(&w32, p, sizeof w32);
		return w32;
	}
	memcpy(&w64, p, sizeof w64);
	return w64;
}

static void dump_str(struct dumper *d, uint64_t addr, uint64_t len)
{
	static unsigned char buf[DUMP_CHUNK];
	int width = hexdump_offset_width(len);
	uint64_t i = 0;

	/* strace skips a length whose rounding up, or whose end address, wraps. */
	if (len > len + 16 || addr + len < addr)
		return;
	while (i < len) {
		uint64_t n = len - i < DUMP_CHUNK ? len - i : DUMP_CHUNK;

		if (read_full(d, addr + i, buf, n) < 0) {
			if (i) {
				snprintf(d->line, sizeof d->line,
					 " | <Cannot fetch %" PRIu64 " byte%s from pid %d @%#" PRIx64
					 ">\n", n, n == 1 ? "" : "s", d->mem->pid, addr + i);
				d->emit(d->ctx, d->line);
			}
			return;
		}
		for (uint64_t k = 0; k < n; k += 16) {
			hexdump_line(d->line, buf + k, n - k < 16 ? n - k : 16, i + k, width);
			d->emit(d->ctx, d->line);
		}
		i += n;
	}
}

/* strace's dumpiov_upto: each buffer with its number, up to size bytes in all. */
static void dump_iov(struct dumper *d, uint64_t count, uint64_t addr, uint64_t size)
{
	int compat = d->c->pers == PERS_I386;
	size_t esz = compat ? 8 : 16;
	unsigned char *iov;

	count = (uint32_t)count;	/* strace passes the count as an int */
	if (count > DUMP_MAX_IOV || !(iov = malloc(count * esz + 1)))
		return;
	if (read_full(d, addr, iov, count * esz) == 0) {
		for (uint64_t i = 0; i < count; i++) {
			uint64_t base = read_word(iov + i * esz, compat);
			uint64_t len = read_word(iov + i * esz + esz / 2, compat);

			if (len > size)
				len = size;
			if (!len)
				break;
			size -= len;
			snprintf(d->line, sizeof d->line, " * %" PRIu64 " bytes in buffer %" PRIu64
				 "\n", len, i);
			d->emit(d->ctx, d->line);
			dump_str(d, base, len);
		}
	}
	free(iov);
}

/* struct msghdr's msg_iov and msg_iovlen: the third and fourth words (namelen padded). */
static int read_msg_iov(const struct dumper *d, uint64_t addr, uint64_t *iov, uint64_t *iovlen)
{
	int compat = d->c->pers == PERS_I386;
	unsigned char words[32];
	unsigned w = compat ? 4 : 8;

	if (read_full(d, addr, words, 4 * w) < 0)
		return -1;
	*iov = read_word(words + 2 * w, compat);
	*iovlen = read_word(words + 3 * w, compat);
	return 0;
}

static void dump_msg(struct dumper *d, uint64_t addr, uint64_t size)
{
	uint64_t iov, iovlen;

	if (read_msg_iov(d, addr, &iov, &iovlen) == 0)
		dump_iov(d, iovlen, iov, size);
}

/* strace's dumpiov_in_mmsghdr: each message's buffers, up to its msg_len. */
static void dump_mmsg(struct dumper *d, uint64_t addr, uint64_t n)
{
	int compat = d->c->pers == PERS_I386;
	size_t msghdr_size = compat ? 28 : 56, mmsg_size = compat ? 32 : 64;
	uint64_t iov, iovlen;
	uint32_t msg_len;

	for (uint64_t i = 0; i < n; i++, addr += mmsg_size) {
		if (read_msg_iov(d, addr, &iov, &iovlen) < 0 ||
		    read_full(d, addr + msghdr_size, &msg_len, sizeof msg_len) < 0)
			break;
		snprintf(d->line, sizeof d->line, " = %" PRIu64 " buffers in vector %" PRIu64 "\n",
			 compat ? (uint32_t)iovlen : iovlen, i);
		d->emit(d->ctx, d->line);
		dump_iov(d, iovlen, iov, msg_len);
	}
}

void decode_dumpio(const struct call *c, const struct tracee_mem *mem,
		   const struct dump_sets *sets, dump_emit emit, void *ctx)
{
	const char *name = sysent_name(c->pers, c->nr);
	struct dumper d = { .c = c, .mem = mem, .emit = emit, .ctx = ctx };
	int fd = (int)c->args[0];
	uint64_t a1 = c->pers == PERS_I386 ? (uint32_t)c->args[1] : c->args[1];
	uint64_t a2 = c->pers == PERS_I386 ? (uint32_t)c->args[2] : c->args[2];
	size_t i;

	if (!name || fd < 0)
		return;
	for (i = 0; i < sizeof dump_calls / sizeof dump_calls[0]; i++)
		if (!strcmp(dump_calls[i].name, name))
			break;
	if (i == sizeof dump_calls / sizeof dump_calls[0])
		return;
	if (dump_calls[i].write) {
		if (!fdlist_has(&sets->write, fd))
			return;
	} else if (c->is_error || !fdlist_has(&sets->read, fd)) {
		return;
	}
	switch (dump_calls[i].kind) {
	case DUMP_BUF:
		dump_str(&d, a1, dump_calls[i].write ? a2 : (uint64_t)c->rval);
		break;
	case DUMP_IOV:
		dump_iov(&d, a2, a1, dump_calls[i].write ? UINT64_MAX : (uint64_t)c->rval);
		break;
	case DUMP_MSG:
		dump_msg(&d, a1, dump_calls[i].write ? UINT64_MAX : (uint64_t)c->rval);
		break;
	case DUMP_MMSG:
		/* The result counts the messages; a failed sendmmsg sent none. */
		if (!c->is_error)
			dump_mmsg(&d, a1, (uint32_t)c->rval);
		break;
	}
}
