/*
 * tracer/decode/file.c: decoders for calls that take file names: open*, access*, stat*,
 * readlink*, unlinkat, renameat2, linkat, getcwd, mknod, fchmodat2, fchownat, *xattr,
 * statfs, statx, utimensat, umask, mknodat, mount, umount2. Calls of plain paths, fds, modes and ids (chdir, mkdir,
 * chown, truncate, ...) are signatures in their rows.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <inttypes.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/mount.h>
#include <sys/sysmacros.h>
#include <time.h>
#include "tracer/decode/common.h"

/* statx's mask bits for stx_mnt_id (Linux 5.8, which older headers lack) and stx_btime. */
#define STATX_MNT_ID_BIT 0x1000u
#define STATX_BTIME_BIT 0x800u

/* O_CREAT or O_TMPFILE: only then does open* take a mode (and strace print it). */
static int open_takes_mode(uint64_t flags)
{
	return (flags & O_CREAT) || (flags & O_TMPFILE) == O_TMPFILE;
}

DECODER(open)
{
	p_path(d, 0);
	arg_sep(d);
	print_open_flags(d->sb, arg(d, 1));
	if (open_takes_mode(arg(d, 1)))
		p_oct(d, 2);
	return RV_DONE;
}

DECODER(openat)
{
	p_dirfd(d, 0);
	p_path(d, 1);
	arg_sep(d);
	print_open_flags(d->sb, arg(d, 2));
	if (open_takes_mode(arg(d, 2)))
		p_oct(d, 3);
	return RV_DONE;
}

/* openat2(dirfd, path, {flags=..., mode=..., resolve=...}, size) */
DECODER(openat2)
{
	uint64_t how[3];

	p_dirfd(d, 0);
	p_path(d, 1);
	arg_sep(d);
	if (arg(d, 3) >= sizeof how && mem_read_full(d, arg(d, 2), how, sizeof how) == 0) {
		sb_puts(d->sb, "{flags=");
		print_open_flags(d->sb, how[0]);
		sb_printf(d->sb, ", mode=%#03" PRIo64 ", resolve=%#" PRIx64 "}", how[1], how[2]);
	} else {
		print_addr(d->sb, arg(d, 2));
	}
	p_ulong(d, 3);
	return RV_DONE;
}

DECODER(access)
{
	p_path(d, 0);
	p_flags(d, 1, xlat_access_modes, "F_OK");
	return RV_DONE;
}

DECODER(faccessat)
{
	p_dirfd(d, 0);
	p_path(d, 1);
	p_flags(d, 2, xlat_access_modes, "F_OK");
	return RV_DONE;
}

DECODER(faccessat2)
{
	dec_faccessat(d);
	p_flags(d, 3, xlat_at_eaccess_flags, NULL);
	return RV_DONE;
}

/* The kernel's struct stat on x86_64 (also glibc's). */
struct kernel_stat64 {
	uint64_t st_dev, st_ino, st_nlink;
	uint32_t st_mode, st_uid, st_gid, pad0;
	uint64_t st_rdev;
	int64_t st_size, st_blksize, st_blocks;
	uint64_t st_atime_, st_atime_nsec, st_mtime_, st_mtime_nsec, st_ctime_, st_ctime_nsec;
	int64_t unused[3];
};

/*
 * statx's flags: the sync type, then the AT_* flags, each in the -X style:
 * AT_STATX_SYNC_AS_STAT|AT_EMPTY_PATH, verbose 0 /\* AT_STATX_SYNC_AS_STAT *\/|0x1000 /\*
 * AT_EMPTY_PATH *\/. strace 6.1's raw style prints the sync type 0 as nothing: "|0x1000",
 * and flags 0 as an empty argument: "statx(-100, "/dev/null", , 0xfff, ...".
 */
static void print_statx_flags(struct strbuf *sb, uint64_t flags)
{
	uint64_t sync = flags & AT_STATX_SYNC_TYPE;
	flags &= ~(uint64_t)AT_STATX_SYNC_TYPE;
	if (!(xlat_get_style() == XLAT_STYLE_RAW && sync == 0))
		xlat_print_enum(sb, xlat_statx_sync, sync, NULL);
	if (flags) {
		sb_putc(sb, '|');
		xlat_print_flags(sb, xlat_at_flags, flags, NULL);
	}
}

static void dev_text(struct strbuf *sb, uint64_t dev)
{
	sb_printf(sb, "makedev(%#x, %#x)", major(dev), minor(dev));
}

/* verbose: 0x103 /\* makedev(0x1, 0x3) *\/ */
static void print_dev(struct strbuf *sb, uint64_t dev)
{
	xlat_print_styled_by(sb, dev, XLAT_NUM_HEX, dev_text);
}

/*
 * " /\* 2026-12-05T08:57:55.364964395+0000 *\/": the local time sec.nsec stands for, the
 * nanoseconds only when not zero; nothing for the epoch itself or an impossible nsec, as
 * strace's sprinttime_nsec.
 */
static void print_time_comment(struct strbuf *sb, int64_t sec, int64_t nsec)
{
	time_t t = (time_t)sec;
	struct tm tm;
	char when[64], zone[8];

	if ((sec == 0 && nsec == 0) || nsec < 0 || nsec > 999999999 || !localtime_r(&t, &tm) ||
	    !strftime(when, sizeof when, "%FT%T", &tm) || !strftime(zone, sizeof zone, "%z", &tm))
		return;
	if (nsec)
		sb_printf(sb, " /* %s.%09" PRId64 "%s */", when, nsec, zone);
	else
		sb_printf(sb, " /* %s%s */", when, zone);
}

/* An owner id as strace prints it: -1 for (uid_t)-1, else unsigned. */
static void print_id(struct strbuf *sb, const char *name, uint32_t id)
{
	if (id == UINT32_MAX)
		sb_printf(sb, ", %s=-1", name);
	else
		sb_printf(sb, ", %s=%u", name, id);
}

/* -v's ", st_atime=N /\* ISO time *\/, st_atime_nsec=N" for one of the three times. */
static void print_stat_time(struct strbuf *sb, const char *name, uint64_t sec, uint64_t nsec)
{
	sb_printf(sb, ", st_%s=%" PRId64, name, (int64_t)sec);
	print_time_comment(sb, (int64_t)sec, (int64_t)nsec);
	sb_printf(sb, ", st_%s_nsec=%" PRIu64, name, nsec);
}

/*
 * Appends "{st_mode=S_IFREG|0644, st_size=42, ...}" or the address; with -v every field in
 * strace's order: st_dev, st_ino, st_mode, st_nlink, st_uid, st_gid, st_blksize, st_blocks,
 * st_size or st_rdev, then the three times.
 */
static void print_stat_at(struct dctx *d, uint64_t addr)
{
	struct kernel_stat64 st;

	if (failed(d) || is_compat(d) || !addr || mem_read_full(d, addr, &st, sizeof st) < 0) {
		print_addr(d->sb, addr);
		return;
	}
	if (d->o->verbose) {
		sb_puts(d->sb, "{st_dev=");
		print_dev(d->sb, st.st_dev);
		sb_printf(d->sb, ", st_ino=%" PRIu64 ", st_mode=", st.st_ino);
		print_file_mode(d->sb, st.st_mode);
		sb_printf(d->sb, ", st_nlink=%" PRIu64, st.st_nlink);
		print_id(d->sb, "st_uid", st.st_uid);
		print_id(d->sb, "st_gid", st.st_gid);
		sb_printf(d->sb, ", st_blksize=%" PRIu64 ", st_blocks=%" PRIu64,
			  (uint64_t)st.st_blksize, (uint64_t)st.st_blocks);
	} else {
		sb_puts(d->sb, "{st_mode=");
		print_file_mode(d->sb, st.st_mode);
	}
	if (S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode)) {
		sb_puts(d->sb, ", st_rdev=");
		print_dev(d->sb, st.st_rdev);
	} else {
		sb_printf(d->sb, ", st_size=%" PRIu64, (uint64_t)st.st_size);
	}
	if (!d->o->verbose) {
		sb_puts(d->sb, ", ...}");
		return;
	}
	print_stat_time(d->sb, "atime", st.st_atime_, st.st_atime_nsec);
	print_stat_time(d->sb, "mtime", st.st_mtime_, st.st_mtime_nsec);
	print_stat_time(d->sb, "ctime", st.st_ctime_, st.st_ctime_nsec);
	sb_putc(d->sb, '}');
}

/*
 * The shape of stat, fstat, statfs and fstatfs: a path or an fd at entry, then the struct
 * the kernel filled, printed at exit from the buffer pointer in argument 1.
 */
static int object_then_struct(struct dctx *d, void (*object)(struct dctx *, int),
			      void (*print_struct)(struct dctx *, uint64_t))
{
	if (!d->exiting) {
		object(d, 0);
		return 0;
	}
	arg_sep(d);
	print_struct(d, arg(d, 1));
	return 0;
}

/* stat(path, buf), lstat(path, buf): strace 6.1 names them as such; buf at exit. */
DECODER(stat)
{
	return object_then_struct(d, p_path, print_stat_at);
}

DECODER(fstat)
{
	return object_then_struct(d, p_fd, print_stat_at);
}

DECODER(newfstatat)
{
	if (!d->exiting) {
		p_dirfd(d, 0);
		p_path(d, 1);
		return 0;
	}
	arg_sep(d);
	print_stat_at(d, arg(d, 2));
	p_flags(d, 3, xlat_at_flags, NULL);
	return 0;
}

/* struct statx as far as strace 6.1 prints it. */
struct kernel_statx_ts {
	int64_t tv_sec;
	uint32_t tv_nsec;
	int32_t reserved;
};
struct kernel_statx {
	uint32_t stx_mask, stx_blksize;
	uint64_t stx_attributes;
	uint32_t stx_nlink, stx_uid, stx_gid;
	uint16_t stx_mode, pad;
	uint64_t stx_ino, stx_size, stx_blocks, stx_attributes_mask;
	struct kernel_statx_ts stx_atime, stx_btime, stx_ctime, stx_mtime;
	uint32_t stx_rdev_major, stx_rdev_minor, stx_dev_major, stx_dev_minor;
	uint64_t stx_mnt_id;
};

/* ", stx_atime={tv_sec=N, tv_nsec=N} /\* ISO time *\/" */
static void print_statx_time(struct strbuf *sb, const char *name,
			     const struct kernel_statx_ts *ts)
{
	sb_printf(sb, ", stx_%s={tv_sec=%" PRId64 ", tv_nsec=%u}", name, ts->tv_sec, ts->tv_nsec);
	print_time_comment(sb, ts->tv_sec, ts->tv_nsec);
}

/*
 * -v's fields after stx_size, in strace's order; stx_btime and stx_mnt_id only when the
 * mask says the kernel filled them.
 */
static void print_statx_rest(struct strbuf *sb, const struct kernel_statx *stx)
{
	sb_printf(sb, ", stx_blocks=%" PRIu64 ", stx_attributes_mask=", stx->stx_blocks);
	xlat_print_flags(sb, xlat_statx_attrs, stx->stx_attributes_mask, NULL);
	print_statx_time(sb, "atime", &stx->stx_atime);
	if (stx->stx_mask & STATX_BTIME_BIT)
		print_statx_time(sb, "btime", &stx->stx_btime);
	print_statx_time(sb, "ctime", &stx->stx_ctime);
	print_statx_time(sb, "mtime", &stx->stx_mtime);
	sb_printf(sb, ", stx_rdev_major=%u, stx_rdev_minor=%u, stx_dev_major=%u, stx_dev_minor=%u",
		  stx->stx_rdev_major, stx->stx_rdev_minor, stx->stx_dev_major, stx->stx_dev_minor);
	if (stx->stx_mask & STATX_MNT_ID_BIT)
		sb_printf(sb, ", stx_mnt_id=%#" PRIx64, stx->stx_mnt_id);
}

DECODER(statx)
{
	struct kernel_statx stx;
	int v = d->o->verbose;

	if (!d->exiting) {
		p_dirfd(d, 0);
		p_path(d, 1);
		arg_sep(d);
		print_statx_flags(d->sb, arg(d, 2));
		p_flags(d, 3, xlat_statx_mask, NULL);
		return 0;
	}
	arg_sep(d);
	if (failed(d) || mem_read_full(d, arg(d, 4), &stx, sizeof stx) < 0) {
		print_addr(d->sb, arg(d, 4));
		return 0;
	}
	sb_puts(d->sb, "{stx_mask=");
	xlat_print_flags(d->sb, xlat_statx_mask, stx.stx_mask, NULL);
	if (v)
		sb_printf(d->sb, ", stx_blksize=%u", stx.stx_blksize);
	sb_puts(d->sb, ", stx_attributes=");
	xlat_print_flags(d->sb, xlat_statx_attrs, stx.stx_attributes, NULL);
	if (v) {
		sb_printf(d->sb, ", stx_nlink=%u", stx.stx_nlink);
		print_id(d->sb, "stx_uid", stx.stx_uid);
		print_id(d->sb, "stx_gid", stx.stx_gid);
	}
	sb_puts(d->sb, ", stx_mode=");
	print_file_mode(d->sb, stx.stx_mode);
	if (v)
		sb_printf(d->sb, ", stx_ino=%" PRIu64, stx.stx_ino);
	sb_printf(d->sb, ", stx_size=%" PRIu64, stx.stx_size);
	if (v) {
		print_statx_rest(d->sb, &stx);
		sb_putc(d->sb, '}');
	} else {
		sb_puts(d->sb, ", ...}");
	}
	return 0;
}

/* struct statfs on x86_64: eleven longs around a two-int fsid, then spares. */
static void print_statfs_at(struct dctx *d, uint64_t addr)
{
	struct {
		int64_t type, bsize;
		uint64_t blocks, bfree, bavail, files, ffree;
		int32_t fsid[2];
		int64_t namelen, frsize, flags, spare[4];
	} f;

	if (failed(d) || is_compat(d) || !addr || mem_read_full(d, addr, &f, sizeof f) < 0) {
		print_addr(d->sb, addr);
		return;
	}
	sb_puts(d->sb, "{f_type=");
	xlat_print_enum(d->sb, xlat_fs_magics, (uint64_t)f.type, NULL);
	sb_printf(d->sb, ", f_bsize=%" PRId64 ", f_blocks=%" PRIu64 ", f_bfree=%" PRIu64
		  ", f_bavail=%" PRIu64 ", f_files=%" PRIu64 ", f_ffree=%" PRIu64
		  ", f_fsid={val=[%#x, %#x]}, f_namelen=%" PRId64 ", f_frsize=%" PRId64
		  ", f_flags=", f.bsize, f.blocks, f.bfree, f.bavail, f.files, f.ffree,
		  (unsigned)f.fsid[0], (unsigned)f.fsid[1], f.namelen, f.frsize);
	xlat_print_flags(d->sb, xlat_statfs_flags, (uint64_t)f.flags, NULL);
	sb_putc(d->sb, '}');
}

/* statfs(path, buf) / fstatfs(fd, buf): buf at exit. */
DECODER(statfs)
{
	return object_then_struct(d, p_path, print_statfs_at);
}

DECODER(fstatfs)
{
	return object_then_struct(d, p_fd, print_statfs_at);
}

DECODER(readlink)
{
	if (!d->exiting) {
		p_path(d, 0);
		return 0;
	}
	p_out_buf(d, 1);
	p_ulong(d, 2);
	return 0;
}

DECODER(readlinkat)
{
	if (!d->exiting) {
		p_dirfd(d, 0);
		p_path(d, 1);
		return 0;
	}
	p_out_buf(d, 2);
	p_ulong(d, 3);
	return 0;
}

DECODER(getcwd)
{
	if (!d->exiting)
		return 0;
	arg_sep(d);
	if (failed(d))
		print_addr(d->sb, arg(d, 0));
	else
		print_tracee_str(d, arg(d, 0), -1, 4095, 0);
	p_ulong(d, 1);
	return 0;
}

/* mknod's (path, mode, dev) from argument i: the device only for S_IFCHR and S_IFBLK. */
static void mknod_args(struct dctx *d, int i)
{
	uint16_t mode = (uint16_t)arg(d, i + 1);	/* the kernel's umode_t */

	p_path(d, i);
	arg_sep(d);
	print_file_mode(d->sb, mode);
	if (S_ISCHR(mode) || S_ISBLK(mode)) {
		arg_sep(d);
		print_dev(d->sb, (uint32_t)arg(d, i + 2));	/* the kernel's 32-bit dev */
	}
}

DECODER(mknod)
{
	mknod_args(d, 0);
	return RV_DONE;
}

DECODER(mknodat)
{
	p_dirfd(d, 0);
	mknod_args(d, 1);
	return RV_DONE;
}

/*
 * mount(source, target, type, flags, data): the old magic number in the high half of the
 * flags by name; type and data are not strings for the calls that ignore them (a remount
 * ignores the type; bind, move and propagation changes ignore both).
 */
DECODER(mount)
{
	uint64_t flags = arg(d, 3);
	int old_magic = (flags & MS_MGC_MSK) == MS_MGC_VAL;
	int ignore_type = 0, ignore_data = 0;

	if (old_magic)
		flags &= ~(uint64_t)MS_MGC_MSK;
	if (flags & MS_REMOUNT)
		ignore_type = 1;
	else if (flags & (MS_BIND | MS_MOVE | MS_SHARED | MS_PRIVATE | MS_SLAVE | MS_UNBINDABLE))
		ignore_type = ignore_data = 1;
	p_path(d, 0);
	p_path(d, 1);
	if (ignore_type)
		p_ptr(d, 2);
	else
		p_str(d, 2);
	arg_sep(d);
	if (old_magic) {
		sb_puts(d->sb, "MS_MGC_VAL");
		if (flags)
			sb_putc(d->sb, '|');
	}
	if (flags || !old_magic)
		xlat_print_flags(d->sb, xlat_mount_flags, flags, NULL);
	if (ignore_data)
		p_ptr(d, 4);
	else
		p_str(d, 4);
	return RV_DONE;
}

DECODER(umount2)
{
	p_path(d, 0);
	p_flags_or_unknown(d, 1, xlat_umount_flags, "MNT_???");
	return RV_DONE;
}

DECODER(fchmodat2)
{
	p_dirfd(d, 0);
	p_path(d, 1);
	p_oct(d, 2);
	p_flags(d, 3, xlat_at_flags, NULL);
	return RV_DONE;
}

DECODER(fchownat)
{
	p_dirfd(d, 0);
	p_path(d, 1);
	p_int(d, 2);
	p_int(d, 3);
	p_flags(d, 4, xlat_at_flags, NULL);
	return RV_DONE;
}

DECODER(unlinkat)
{
	p_dirfd(d, 0);
	p_path(d, 1);
	p_flags(d, 2, xlat_unlinkat_flags, NULL);
	return RV_DONE;
}

static void renameat_args(struct dctx *d)
{
	p_dirfd(d, 0);
	p_path(d, 1);
	p_dirfd(d, 2);
	p_path(d, 3);
}

DECODER(renameat2)
{
	renameat_args(d);
	p_flags(d, 4, xlat_rename_flags, NULL);
	return RV_DONE;
}

DECODER(linkat)
{
	renameat_args(d);
	p_flags(d, 4, xlat_at_flags, NULL);
	return RV_DONE;
}

DECODER(umask)
{
	p_oct(d, 0);
	return RV_DONE | RV_OCT;
}

/* getxattr(path, name, value, size), fgetxattr(fd, ...): value shown at exit (its address
 * if the call failed or only asked for the size). */
static int getxattr_common(struct dctx *d, void (*object)(struct dctx *, int))
{
	if (!d->exiting) {
		object(d, 0);
		p_str(d, 1);
		return 0;
	}
	if (arg(d, 3) == 0 || failed(d))
		p_ptr(d, 2);
	else
		p_out_buf(d, 2);
	p_ulong(d, 3);
	return 0;
}

DECODER(getxattr)
{
	return getxattr_common(d, p_path);
}

DECODER(fgetxattr)
{
	return getxattr_common(d, p_fd);
}

DECODER(setxattr)
{
	p_path(d, 0);
	p_str(d, 1);
	p_buf(d, 2, arg(d, 3));
	p_ulong(d, 3);
	p_hex(d, 4);
	return RV_DONE;
}

DECODER(listxattr)
{
	if (!d->exiting) {
		p_path(d, 0);
		return 0;
	}
	if (arg(d, 2) == 0 || failed(d))
		p_ptr(d, 1);
	else
		p_out_buf(d, 1);
	p_ulong(d, 2);
	return 0;
}

/*
 * One of utimensat's times: UTIME_NOW or UTIME_OMIT by name, else the timespec and, unless
 * it is zero, the local time it stands for: "{tv_sec=1, tv_nsec=2}
 * /\* 1970-01-01T00:00:01.000000002+0000 *\/".
 */
static void print_utime(struct strbuf *sb, int64_t sec, int64_t nsec)
{
	if (nsec == UTIME_NOW || nsec == UTIME_OMIT) {
		sb_puts(sb, nsec == UTIME_NOW ? "UTIME_NOW" : "UTIME_OMIT");
		return;
	}
	sb_printf(sb, "{tv_sec=%" PRId64 ", tv_nsec=%" PRId64 "}", sec, nsec);
	print_time_comment(sb, sec, nsec);
}

/* Reads two timespecs, an i386 process's 32-bit ones widened: 0, or -1 if unreadable. */
static int read_timespec_pair(struct dctx *d, uint64_t addr, int64_t ts[4])
{
	int32_t ts32[4];
	int i;

	if (!is_compat(d))
		return mem_read_full(d, addr, ts, 4 * sizeof ts[0]);
	if (mem_read_full(d, addr, ts32, sizeof ts32) < 0)
		return -1;
	for (i = 0; i < 4; i++)
		ts[i] = ts32[i];
	return 0;
}

/* utimensat(dirfd, path, times, flags): times is [atime, mtime] or NULL. */
DECODER(utimensat)
{
	uint64_t addr = arg(d, 2);
	int64_t ts[4];

	p_dirfd(d, 0);
	p_path(d, 1);
	arg_sep(d);
	if (!addr) {
		sb_puts(d->sb, "NULL");
	} else if (read_timespec_pair(d, addr, ts) < 0) {
		print_addr(d->sb, addr);
	} else {
		sb_putc(d->sb, '[');
		print_utime(d->sb, ts[0], ts[1]);
		sb_puts(d->sb, ", ");
		print_utime(d->sb, ts[2], ts[3]);
		sb_putc(d->sb, ']');
	}
	p_flags(d, 3, xlat_at_flags, NULL);
	return RV_DONE;
}
