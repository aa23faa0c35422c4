/*
 * tracer/decode/decode.c: decode_entry(), decode_exit(), decode_noreturn() (tracer/decode.h):
 * name the call, run its decoder (or print every argument in hex), format the result.
 *
 * Between entry and exit, struct call's decoder_state keeps what the second half needs:
 *   bits 0-7   the RV_* bits the decoder returned at entry
 *   bit  8     entry was decoded
 *   bits 9-15  how many arguments were printed (so exit knows whether ", " is due)
 *   bits 16-29 a value the decoder keeps for its exit half (struct dctx's saved)
 *   bit  30    the ", " before the exit half's first argument is already printed
 *              (decode_unfinished(), or an exit without its entry)
 */
#include <inttypes.h>
#include "tracer/decode/common.h"
#include "tracer/decode/xlat_compat.h"

#define STATE_RV_MASK 0xff
#define STATE_ENTERED (1 << 8)
#define STATE_NPRINTED_SHIFT 9
#define STATE_NPRINTED_MASK 0x7f
#define STATE_SAVED_SHIFT 16
#define STATE_SAVED_MASK 0x3fff
#define STATE_SEP_DONE (1 << 30)

static void dctx_init(struct dctx *d, struct strbuf *sb, struct call *c,
		      const struct tracee_mem *mem, const struct decode_opts *o, int exiting)
{
	static const struct decode_opts defaults = { .strsize = 32 };

	d->sb = sb;
	d->c = c;
	d->mem = mem;
	d->o = o ? o : &defaults;
	d->exiting = exiting;
	d->nprinted = 0;
	d->saved = 0;
	d->sep_done = 0;
	d->sp = 0;
	escape_set_xstr(d->o->xstr);
	xlat_set_style(d->o->xlat_style);
	sb_init(&d->aux, d->aux_storage, sizeof d->aux_storage);
}

static void print_hex_args(struct dctx *d)
{
	int i, n = sysent_nargs(d->c->pers, d->c->nr);

	for (i = 0; i < n; i++)
		p_hex(d, i);
}

void decode_entry(struct strbuf *sb, struct call *c, const struct tracee_mem *mem,
		  const struct decode_opts *o)
{
	decode_entry_sp(sb, c, mem, o, 0);
}

void decode_entry_sp(struct strbuf *sb, struct call *c, const struct tracee_mem *mem,
		     const struct decode_opts *o, uint64_t sp)
{
	const char *name = sysent_name(c->pers, c->nr);
	decoder_fn fn = sysent_decoder(c->pers, c->nr);
	struct dctx d;
	int bits;

	dctx_init(&d, sb, c, mem, o, 0);
	d.sp = sp;
	if (name)
		sb_printf(sb, "%s(", name);
	else
		sb_printf(sb, "syscall_%#lx(", (unsigned long)c->nr);
	if (fn) {
		bits = fn(&d) & STATE_RV_MASK;
	} else {
		print_hex_args(&d);
		bits = RV_DONE;
	}
	c->decoder_state = bits | STATE_ENTERED | (d.nprinted & STATE_NPRINTED_MASK) << STATE_NPRINTED_SHIFT |
			   (d.saved & STATE_SAVED_MASK) << STATE_SAVED_SHIFT;
}

/* Appends "= RESULT" for the call's return value, formatted by the RV_* bits. */
static void print_result(struct strbuf *sb, struct dctx *d, int bits, const char *aux)
{
	const struct call *c = d->c;
	int64_t v = c->rval;

	if (c->is_error) {
		int err = (int)-v;
		const char *name = errno_name(err);
		const char *msg = errno_message(err);
		/* Restarted calls never returned to the tracee: strace prints "?" for them. */
		int restart = err == ERESTARTSYS || err == ERESTARTNOINTR ||
			      err == ERESTARTNOHAND || err == ERESTART_RESTARTBLOCK;

		if (name && msg)
			sb_printf(sb, "= %s %s (%s)", restart ? "?" : "-1", name, msg);
		else if (name)
			sb_printf(sb, "= %s %s", restart ? "?" : "-1", name);
		else
			sb_printf(sb, "= -1 (errno %d)", err);
		return;
	}
	if (c->pers == PERS_I386) {
		if (bits & (RV_HEX | RV_OCT | RV_UNSIGNED))
			v = (uint32_t)v;
		else
			v = (int32_t)v;
	}
	if (bits & RV_HEX)
		sb_printf(sb, "= %#" PRIx64, (uint64_t)v);
	else if (bits & RV_OCT)
		sb_printf(sb, "= %#03" PRIo64, (uint64_t)v);	/* a mode: 022, 0 as "000" */
	else if (bits & RV_UNSIGNED)
		sb_printf(sb, "= %" PRIu64, (uint64_t)v);
	else if (d->o->decode_fds && ((bits & RV_FD) || call_returns_fd(c))) {
		sb_puts(sb, "= ");
		d->sb = sb;
		print_fd(d, (int)v);
	} else
		sb_printf(sb, "= %" PRId64, v);
	if (aux && aux[0])
		sb_printf(sb, " (%s)", aux);
}

void decode_exit_split(struct strbuf *args, struct strbuf *result, struct call *c,
		       const struct tracee_mem *mem, const struct decode_opts *o)
{
	decoder_fn fn = sysent_decoder(c->pers, c->nr);
	int state = c->decoder_state;
	int bits;
	struct dctx d;

	if (!(state & STATE_ENTERED) && fn) {
		/*
		 * No entry half (the engine attached during the call): run it into scratch
		 * storage for its format bits and state, so only the exit half is printed,
		 * like strace's "<... read resumed>\"abc\", 1024) = 3".
		 */
		char scratch[512];
		struct strbuf sb;

		sb_init(&sb, scratch, sizeof scratch);
		dctx_init(&d, &sb, c, mem, o, 0);
		bits = fn(&d) & STATE_RV_MASK;
		state = bits | STATE_ENTERED | (d.nprinted & STATE_NPRINTED_MASK) << STATE_NPRINTED_SHIFT |
			(d.saved & STATE_SAVED_MASK) << STATE_SAVED_SHIFT | STATE_SEP_DONE;
	}
	bits = state & STATE_RV_MASK;
	dctx_init(&d, args, c, mem, o, 1);
	d.nprinted = (state >> STATE_NPRINTED_SHIFT) & STATE_NPRINTED_MASK;
	d.saved = (state >> STATE_SAVED_SHIFT) & STATE_SAVED_MASK;
	d.sep_done = (state & STATE_SEP_DONE) != 0;
	if (fn && !(bits & RV_DONE))
		bits = fn(&d) & STATE_RV_MASK;
	sb_putc(args, ')');
	print_result(result, &d, bits, d.aux.buf);
}

void decode_exit(struct strbuf *sb, struct call *c, const struct tracee_mem *mem,
		 const struct decode_opts *o)
{
	char storage[sizeof(((struct dctx *)0)->aux_storage) + 64];
	struct strbuf result;

	sb_init(&result, storage, sizeof storage);
	decode_exit_split(sb, &result, c, mem, o);
	sb_putc(sb, ' ');
	sb_puts(sb, result.buf);
}

/*
 * Whether c's exit half prints an argument (wait4's status) or only the result and its
 * comment (poll's ready fds, fcntl F_GETFD's flags): the exit half, run on a successful
 * result of 0 into scratch storage without tracee memory, says so by what it prints.
 */
static int exit_prints_argument(const struct call *c)
{
	decoder_fn fn = sysent_decoder(c->pers, c->nr);
	struct call probe = *c;
	char scratch[512];
	struct strbuf sb;
	struct dctx d;
	int before;

	if (!fn)
		return 0;
	probe.rval = 0;
	probe.is_error = 0;
	sb_init(&sb, scratch, sizeof scratch);
	dctx_init(&d, &sb, &probe, NULL, NULL, 1);
	before = (c->decoder_state >> STATE_NPRINTED_SHIFT) & STATE_NPRINTED_MASK;
	d.nprinted = before;
	d.saved = (c->decoder_state >> STATE_SAVED_SHIFT) & STATE_SAVED_MASK;
	fn(&d);
	return d.nprinted > before;
}

void decode_unfinished(struct strbuf *sb, struct call *c)
{
	int state = c->decoder_state;

	if (!(state & STATE_ENTERED) || (state & (RV_DONE | STATE_SEP_DONE)))
		return;
	if (!((state >> STATE_NPRINTED_SHIFT) & STATE_NPRINTED_MASK))
		return;
	if (!exit_prints_argument(c))
		return;
	sb_puts(sb, ", ");
	c->decoder_state = state | STATE_SEP_DONE;
}

void decode_noreturn(struct strbuf *sb, struct call *c)
{
	(void)c;
	sb_puts(sb, ") = ?");
}
