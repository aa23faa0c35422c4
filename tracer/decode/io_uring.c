/*
 * tracer/decode/io_uring.c: decoders for io_uring_setup, io_uring_enter and
 * io_uring_register.
 */
#include <inttypes.h>
#include <linux/io_uring.h>
#include "tracer/decode/common.h"

/* The signal set of io_uring_enter: decoded only at a size the kernel's sigset has. */
static void print_sigset_len(struct dctx *d, int i, uint64_t len)
{
	if (len > sizeof(uint64_t) || len < ptr_size(d) || len % sizeof(uint32_t)) {
		p_ptr(d, i);
		return;
	}
	p_sigset(d, i, len);
}

static void print_sq_off(struct strbuf *sb, const struct io_sqring_offsets *o)
{
	sb_printf(sb, "{head=%u, tail=%u, ring_mask=%u, ring_entries=%u, flags=%u, dropped=%u"
		  ", array=%u", o->head, o->tail, o->ring_mask, o->ring_entries, o->flags,
		  o->dropped, o->array);
	if (o->resv1)
		sb_printf(sb, ", resv1=%#x", o->resv1);
	if (o->resv2)
		sb_printf(sb, ", resv2=%#" PRIx64, (uint64_t)o->resv2);
	sb_putc(sb, '}');
}

static void print_cq_off(struct strbuf *sb, const struct io_cqring_offsets *o)
{
	sb_printf(sb, "{head=%u, tail=%u, ring_mask=%u, ring_entries=%u, overflow=%u, cqes=%u"
		  ", flags=%u", o->head, o->tail, o->ring_mask, o->ring_entries, o->overflow,
		  o->cqes, o->flags);
	if (o->resv1)
		sb_printf(sb, ", resv1=%#x", o->resv1);
	if (o->resv2)
		sb_printf(sb, ", resv2=%#" PRIx64, (uint64_t)o->resv2);
	sb_putc(sb, '}');
}

/* A u32 as strace's %#x: "0" or "0x..". */
static void print_xu32(struct strbuf *sb, uint32_t v)
{
	sb_printf(sb, v ? "%#x" : "%u", v);
}

/*
 * io_uring_setup(entries, params): what the caller asks at entry, then what the kernel
 * filled in at exit if it succeeded, in one struct.
 */
DECODER(io_uring_setup)
{
	struct io_uring_params p;
	size_t i;

	if (!d->exiting) {
		p_uint(d, 0);
		arg_sep(d);
		if (!arg(d, 1) || mem_read_full(d, arg(d, 1), &p, sizeof p) < 0) {
			print_addr(d->sb, arg(d, 1));
			return RV_DONE;
		}
		sb_puts(d->sb, "{flags=");
		if (xlat_print_flags(d->sb, xlat_uring_setup_flags, p.flags, NULL) == 0 && p.flags)
			sb_puts(d->sb, " /* IORING_SETUP_??? */");
		sb_puts(d->sb, ", sq_thread_cpu=");
		print_xu32(d->sb, p.sq_thread_cpu);
		sb_printf(d->sb, ", sq_thread_idle=%u", p.sq_thread_idle);
		if (p.flags & IORING_SETUP_ATTACH_WQ)
			sb_printf(d->sb, ", wq_fd=%d", (int)p.wq_fd);
		for (i = 0; i < sizeof p.resv / sizeof p.resv[0] && !p.resv[i]; i++)
			;
		if (i < sizeof p.resv / sizeof p.resv[0]) {
			sb_puts(d->sb, ", resv=[");
			for (i = 0; i < sizeof p.resv / sizeof p.resv[0]; i++) {
				sb_puts(d->sb, i ? ", " : "");
				print_xu32(d->sb, p.resv[i]);
			}
			sb_putc(d->sb, ']');
		}
		return 0;
	}
	if (!failed(d) && mem_read_full(d, arg(d, 1), &p, sizeof p) == 0) {
		sb_printf(d->sb, ", sq_entries=%u, cq_entries=%u, features=", p.sq_entries,
			  p.cq_entries);
		if (xlat_print_flags(d->sb, xlat_uring_setup_features, p.features, NULL) == 0 &&
		    p.features)
			sb_puts(d->sb, " /* IORING_FEAT_??? */");
		sb_puts(d->sb, ", sq_off=");
		print_sq_off(d->sb, &p.sq_off);
		sb_puts(d->sb, ", cq_off=");
		print_cq_off(d->sb, &p.cq_off);
	}
	sb_putc(d->sb, '}');
	return 0;
}

DECODER(io_uring_enter)
{
	p_fd(d, 0);
	p_uint(d, 1);
	p_uint(d, 2);
	arg_sep(d);
	if (xlat_print_flags(d->sb, xlat_uring_enter_flags, (uint32_t)arg(d, 3), NULL) == 0 &&
	    (uint32_t)arg(d, 3))
		sb_puts(d->sb, " /* IORING_ENTER_??? */");
	print_sigset_len(d, 4, arg(d, 5));
	p_ulong(d, 5);
	return RV_DONE;
}

/* An fd of a registered-files array; IORING_REGISTER_FILES_SKIP by name. */
static void print_update_fd(struct dctx *d, const void *elem, size_t size)
{
	int fd = *(const int *)elem;

	(void)size;
	if (fd == IORING_REGISTER_FILES_SKIP)
		sb_puts(d->sb, "IORING_REGISTER_FILES_SKIP");
	else
		sb_printf(d->sb, "%d", fd);
}

static void print_fd_elem(struct dctx *d, const void *elem, size_t size)
{
	(void)size;
	sb_printf(d->sb, "%d", *(const int *)elem);
}

/* A buffer to register: its address and length, never its bytes. */
static void print_iovec_addr(struct dctx *d, const void *elem, size_t size)
{
	uint64_t base, len;

	if (size == 2 * sizeof(uint32_t)) {
		base = ((const uint32_t *)elem)[0];
		len = ((const uint32_t *)elem)[1];
	} else {
		base = ((const uint64_t *)elem)[0];
		len = ((const uint64_t *)elem)[1];
	}
	sb_puts(d->sb, "{iov_base=");
	print_addr(d->sb, base);
	sb_printf(d->sb, ", iov_len=%" PRIu64 "}", len);
}

static void print_files_update(struct dctx *d, uint64_t addr, unsigned nr)
{
	struct io_uring_files_update u;

	if (!addr || mem_read_full(d, addr, &u, sizeof u) < 0) {
		print_addr(d->sb, addr);
		return;
	}
	sb_printf(d->sb, "{offset=%u", u.offset);
	if (u.resv)
		sb_printf(d->sb, ", resv=%#x", u.resv);
	sb_puts(d->sb, ", fds=");
	print_array(d, u.fds, nr, sizeof(int), print_update_fd);
	sb_putc(d->sb, '}');
}

static void print_buffers(struct dctx *d, uint64_t addr, unsigned nr)
{
	print_array(d, addr, nr, 2 * ptr_size(d), print_iovec_addr);
}

static void print_fds(struct dctx *d, uint64_t addr, unsigned nr)
{
	print_array(d, addr, nr, sizeof(int), print_fd_elem);
}

/* The opcodes whose argument is decoded; the others show it as an address. */
static const struct {
	unsigned op;
	void (*print)(struct dctx *d, uint64_t addr, unsigned nr);
} register_args[] = {
	{ IORING_REGISTER_BUFFERS, print_buffers },
	{ IORING_REGISTER_FILES, print_fds },
	{ IORING_REGISTER_EVENTFD, print_fds },
	{ IORING_REGISTER_EVENTFD_ASYNC, print_fds },
	{ IORING_REGISTER_FILES_UPDATE, print_files_update },
};

/* io_uring_register(fd, opcode, arg, nr_args): arg as the opcode says. */
DECODER(io_uring_register)
{
	unsigned op = (unsigned)arg(d, 1), nr = (unsigned)arg(d, 3);
	size_t i;

	p_fd(d, 0);
	p_enum(d, 1, xlat_uring_register_opcodes, "IORING_REGISTER_???");
	arg_sep(d);
	for (i = 0; i < sizeof register_args / sizeof register_args[0]; i++)
		if (register_args[i].op == op)
			break;
	if (i < sizeof register_args / sizeof register_args[0])
		register_args[i].print(d, arg(d, 2), nr);
	else
		print_addr(d->sb, arg(d, 2));
	p_uint(d, 3);
	return RV_DONE;
}
