/*
 * tracer/xlat.c: value -> name tables and the printers built on them (tracer/xlat.h), plus
 * the names of signals and errnos (tracer/decode.h).
 *
 * The numbers are facts of the Linux x86 ABI (both x86_64 and i386 share them for every table
 * here). Where glibc's header differs from the kernel (O_LARGEFILE is 0 in glibc's x86_64
 * <fcntl.h>) the kernel's number is written out. Table order is printing order, chosen to
 * match strace's output where it matters (e.g. O_SYNC before O_DSYNC, combined masks such as
 * STATX_BASIC_STATS before their parts).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include "tracer/xlat.h"

const char *xlat_name(const struct xlat *x, uint64_t val)
{
	for (; x->name; x++)
		if (x->val == val)
			return x->name;
	return NULL;
}

void xlat_print_enum(struct strbuf *sb, const struct xlat *x, uint64_t val, const char *unknown)
{
	const char *name = xlat_name(x, val);

	if (name)
		sb_puts(sb, name);
	else if (unknown)
		sb_printf(sb, "%#llx /* %s */", (unsigned long long)val, unknown);
	else
		sb_printf(sb, "%#llx", (unsigned long long)val);
}

int xlat_print_flags(struct strbuf *sb, const struct xlat *x, uint64_t val, const char *zero_name)
{
	int printed = 0;

	if (val == 0) {
		sb_puts(sb, zero_name ? zero_name : "0");
		return 0;
	}
	for (; x->name; x++) {
		if (x->val == 0 || (val & x->val) != x->val)
			continue;
		sb_printf(sb, "%s%s", printed ? "|" : "", x->name);
		printed++;
		val &= ~x->val;
	}
	if (val)
		sb_printf(sb, "%s%#llx", printed ? "|" : "", (unsigned long long)val);
	return printed;
}

/* ---- files ------------------------------------------------------------------------- */

const struct xlat xlat_open_access[] = {
	XLAT(O_RDONLY), XLAT(O_WRONLY), XLAT(O_RDWR), XLAT_END
};

const struct xlat xlat_open_flags[] = {
	XLAT(O_CREAT), XLAT(O_EXCL), XLAT(O_NOCTTY), XLAT(O_TRUNC), XLAT(O_APPEND),
	XLAT(O_NONBLOCK),
	XLAT_N(04010000, "O_SYNC"),		/* __O_SYNC | O_DSYNC: before O_DSYNC */
	XLAT_N(010000, "O_DSYNC"),
	XLAT_N(040000, "O_DIRECT"),
	XLAT_N(0100000, "O_LARGEFILE"),		/* kernel value; glibc x86_64 says 0 */
	XLAT_N(0400000, "O_NOFOLLOW"),
	XLAT_N(01000000, "O_NOATIME"),
	XLAT_N(02000000, "O_CLOEXEC"),
	XLAT_N(010000000, "O_PATH"),
	XLAT_N(020200000, "O_TMPFILE"),		/* __O_TMPFILE | O_DIRECTORY: before O_DIRECTORY */
	XLAT_N(0200000, "O_DIRECTORY"),
	XLAT_N(020000, "FASYNC"),
	XLAT_END
};

const struct xlat xlat_at_flags[] = {
	XLAT_N(0x100, "AT_SYMLINK_NOFOLLOW"),
	XLAT_N(0x200, "AT_REMOVEDIR"),
	XLAT_N(0x400, "AT_SYMLINK_FOLLOW"),
	XLAT_N(0x800, "AT_NO_AUTOMOUNT"),
	XLAT_N(0x1000, "AT_EMPTY_PATH"),
	XLAT_N(0x2000, "AT_STATX_FORCE_SYNC"),
	XLAT_N(0x4000, "AT_STATX_DONT_SYNC"),
	XLAT_N(0x8000, "AT_RECURSIVE"),
	XLAT_END
};

/* execveat's flags: AT_EXECVE_CHECK (Linux 6.14) asks only whether the file may be run. */
const struct xlat xlat_execveat_flags[] = {
	XLAT_N(0x100, "AT_SYMLINK_NOFOLLOW"),
	XLAT_N(0x1000, "AT_EMPTY_PATH"),
	XLAT_N(0x10000, "AT_EXECVE_CHECK"),
	XLAT_END
};

const struct xlat xlat_at_eaccess_flags[] = {
	XLAT_N(0x100, "AT_SYMLINK_NOFOLLOW"),
	XLAT_N(0x200, "AT_EACCESS"),
	XLAT_N(0x1000, "AT_EMPTY_PATH"),
	XLAT_END
};

const struct xlat xlat_unlinkat_flags[] = {
	XLAT_N(0x200, "AT_REMOVEDIR"), XLAT_END
};

const struct xlat xlat_statx_sync[] = {
	XLAT_N(0x0000, "AT_STATX_SYNC_AS_STAT"),
	XLAT_N(0x2000, "AT_STATX_FORCE_SYNC"),
	XLAT_N(0x4000, "AT_STATX_DONT_SYNC"),
	XLAT_END
};

const struct xlat xlat_statx_mask[] = {
	XLAT_N(0xfff, "STATX_ALL"),
	XLAT_N(0x7ff, "STATX_BASIC_STATS"),
	XLAT_N(0x1, "STATX_TYPE"), XLAT_N(0x2, "STATX_MODE"), XLAT_N(0x4, "STATX_NLINK"),
	XLAT_N(0x8, "STATX_UID"), XLAT_N(0x10, "STATX_GID"), XLAT_N(0x20, "STATX_ATIME"),
	XLAT_N(0x40, "STATX_MTIME"), XLAT_N(0x80, "STATX_CTIME"), XLAT_N(0x100, "STATX_INO"),
	XLAT_N(0x200, "STATX_SIZE"), XLAT_N(0x400, "STATX_BLOCKS"),
	XLAT_N(0x800, "STATX_BTIME"), XLAT_N(0x1000, "STATX_MNT_ID"),
	XLAT_N(0x2000, "STATX_DIOALIGN"), XLAT_N(0x4000, "STATX_MNT_ID_UNIQUE"),
	XLAT_N(0x8000, "STATX_SUBVOL"), XLAT_N(0x10000, "STATX_WRITE_ATOMIC"),
	XLAT_END
};

const struct xlat xlat_statx_attrs[] = {
	XLAT_N(0x4, "STATX_ATTR_COMPRESSED"), XLAT_N(0x10, "STATX_ATTR_IMMUTABLE"),
	XLAT_N(0x20, "STATX_ATTR_APPEND"), XLAT_N(0x40, "STATX_ATTR_NODUMP"),
	XLAT_N(0x800, "STATX_ATTR_ENCRYPTED"), XLAT_N(0x1000, "STATX_ATTR_AUTOMOUNT"),
	XLAT_N(0x2000, "STATX_ATTR_MOUNT_ROOT"), XLAT_N(0x100000, "STATX_ATTR_VERITY"),
	XLAT_N(0x200000, "STATX_ATTR_DAX"), XLAT_N(0x400000, "STATX_ATTR_WRITE_ATOMIC"),
	XLAT_END
};

const struct xlat xlat_access_modes[] = {
	XLAT(R_OK), XLAT(W_OK), XLAT(X_OK), XLAT_END
};

const struct xlat xlat_file_types[] = {
	XLAT(S_IFREG), XLAT(S_IFDIR), XLAT(S_IFLNK), XLAT(S_IFCHR), XLAT(S_IFBLK),
	XLAT(S_IFIFO), XLAT(S_IFSOCK), XLAT_END
};

const struct xlat xlat_rename_flags[] = {
	XLAT_N(1, "RENAME_NOREPLACE"), XLAT_N(2, "RENAME_EXCHANGE"), XLAT_N(4, "RENAME_WHITEOUT"),
	XLAT_END
};

const struct xlat xlat_seek_whence[] = {
	XLAT(SEEK_SET), XLAT(SEEK_CUR), XLAT(SEEK_END), XLAT_N(3, "SEEK_DATA"),
	XLAT_N(4, "SEEK_HOLE"), XLAT_END
};

const struct xlat xlat_fadvise[] = {
	XLAT_N(0, "POSIX_FADV_NORMAL"), XLAT_N(1, "POSIX_FADV_RANDOM"),
	XLAT_N(2, "POSIX_FADV_SEQUENTIAL"), XLAT_N(3, "POSIX_FADV_WILLNEED"),
	XLAT_N(4, "POSIX_FADV_DONTNEED"), XLAT_N(5, "POSIX_FADV_NOREUSE"), XLAT_END
};

const struct xlat xlat_flock_ops[] = {
	XLAT_N(1, "LOCK_SH"), XLAT_N(2, "LOCK_EX"), XLAT_N(4, "LOCK_NB"), XLAT_N(8, "LOCK_UN"),
	XLAT_END
};

const struct xlat xlat_mfd_flags[] = {
	XLAT_N(1, "MFD_CLOEXEC"), XLAT_N(2, "MFD_ALLOW_SEALING"), XLAT_N(4, "MFD_HUGETLB"),
	XLAT_N(8, "MFD_NOEXEC_SEAL"), XLAT_N(16, "MFD_EXEC"), XLAT_END
};

const struct xlat xlat_close_range_flags[] = {
	XLAT_N(2, "CLOSE_RANGE_UNSHARE"), XLAT_N(4, "CLOSE_RANGE_CLOEXEC"), XLAT_END
};

/* ---- descriptors ------------------------------------------------------------------- */

const struct xlat xlat_fcntl_cmds[] = {
	XLAT_N(0, "F_DUPFD"), XLAT_N(1, "F_GETFD"), XLAT_N(2, "F_SETFD"), XLAT_N(3, "F_GETFL"),
	XLAT_N(4, "F_SETFL"), XLAT_N(5, "F_GETLK"), XLAT_N(6, "F_SETLK"), XLAT_N(7, "F_SETLKW"),
	XLAT_N(8, "F_SETOWN"), XLAT_N(9, "F_GETOWN"), XLAT_N(10, "F_SETSIG"),
	XLAT_N(11, "F_GETSIG"), XLAT_N(12, "F_GETLK64"), XLAT_N(13, "F_SETLK64"),
	XLAT_N(14, "F_SETLKW64"), XLAT_N(15, "F_SETOWN_EX"), XLAT_N(16, "F_GETOWN_EX"),
	XLAT_N(17, "F_GETOWNER_UIDS"), XLAT_N(36, "F_OFD_GETLK"), XLAT_N(37, "F_OFD_SETLK"),
	XLAT_N(38, "F_OFD_SETLKW"), XLAT_N(1024, "F_SETLEASE"), XLAT_N(1025, "F_GETLEASE"),
	XLAT_N(1026, "F_NOTIFY"), XLAT_N(1027, "F_DUPFD_QUERY"), XLAT_N(1030, "F_DUPFD_CLOEXEC"),
	XLAT_N(1031, "F_SETPIPE_SZ"), XLAT_N(1032, "F_GETPIPE_SZ"), XLAT_N(1033, "F_ADD_SEALS"),
	XLAT_N(1034, "F_GET_SEALS"), XLAT_END
};

const struct xlat xlat_fd_flags[] = {
	XLAT(FD_CLOEXEC), XLAT_END
};

const struct xlat xlat_pipe_flags[] = {
	XLAT_N(02000000, "O_CLOEXEC"), XLAT_N(040000, "O_DIRECT"), XLAT_N(04000, "O_NONBLOCK"),
	XLAT_N(0x80, "O_NOTIFICATION_PIPE"), XLAT_END
};

const struct xlat xlat_ioctl_requests[] = {
	XLAT_N(0x5401, "TCGETS"), XLAT_N(0x5402, "TCSETS"), XLAT_N(0x5403, "TCSETSW"),
	XLAT_N(0x5404, "TCSETSF"), XLAT_N(0x5405, "TCGETA"), XLAT_N(0x5406, "TCSETA"),
	XLAT_N(0x5407, "TCSETAW"), XLAT_N(0x5408, "TCSETAF"), XLAT_N(0x5409, "TCSBRK"),
	XLAT_N(0x540A, "TCXONC"), XLAT_N(0x540B, "TCFLSH"), XLAT_N(0x540C, "TIOCEXCL"),
	XLAT_N(0x540D, "TIOCNXCL"), XLAT_N(0x540E, "TIOCSCTTY"), XLAT_N(0x540F, "TIOCGPGRP"),
	XLAT_N(0x5410, "TIOCSPGRP"), XLAT_N(0x5411, "TIOCOUTQ"), XLAT_N(0x5412, "TIOCSTI"),
	XLAT_N(0x5413, "TIOCGWINSZ"), XLAT_N(0x5414, "TIOCSWINSZ"), XLAT_N(0x5415, "TIOCMGET"),
	XLAT_N(0x5416, "TIOCMBIS"), XLAT_N(0x5417, "TIOCMBIC"), XLAT_N(0x5418, "TIOCMSET"),
	XLAT_N(0x541B, "FIONREAD"), XLAT_N(0x541C, "TIOCLINUX"), XLAT_N(0x541D, "TIOCCONS"),
	XLAT_N(0x5420, "TIOCPKT"), XLAT_N(0x5421, "FIONBIO"), XLAT_N(0x5422, "TIOCNOTTY"),
	XLAT_N(0x5423, "TIOCSETD"), XLAT_N(0x5424, "TIOCGETD"), XLAT_N(0x5429, "TIOCGSID"),
	XLAT_N(0x542A, "TCGETS2"), XLAT_N(0x542B, "TCSETS2"), XLAT_N(0x80045430, "TIOCGPTN"),
	XLAT_N(0x40045431, "TIOCSPTLCK"), XLAT_N(0x5441, "TIOCGPTPEER"),
	XLAT_N(0x5450, "FIONCLEX"), XLAT_N(0x5451, "FIOCLEX"), XLAT_N(0x5452, "FIOASYNC"),
	XLAT_N(0x5460, "FIOQSIZE"), XLAT_N(0x8901, "FIOSETOWN"), XLAT_N(0x8903, "FIOGETOWN"),
	XLAT_N(0x8912, "SIOCGIFCONF"), XLAT_N(0x8913, "SIOCGIFFLAGS"),
	XLAT_N(0x8933, "SIOCGIFINDEX"), XLAT_N(0x80086601, "FS_IOC_GETFLAGS"),
	XLAT_N(0x40086602, "FS_IOC_SETFLAGS"), XLAT_N(0x40049409, "BTRFS_IOC_CLONE or FICLONE"),
	XLAT_END
};

const struct xlat xlat_poll_events[] = {
	XLAT_N(0x1, "POLLIN"), XLAT_N(0x2, "POLLPRI"), XLAT_N(0x4, "POLLOUT"),
	XLAT_N(0x8, "POLLERR"), XLAT_N(0x10, "POLLHUP"), XLAT_N(0x20, "POLLNVAL"),
	XLAT_N(0x40, "POLLRDNORM"), XLAT_N(0x80, "POLLRDBAND"), XLAT_N(0x100, "POLLWRNORM"),
	XLAT_N(0x200, "POLLWRBAND"), XLAT_N(0x400, "POLLMSG"), XLAT_N(0x2000, "POLLRDHUP"),
	XLAT_END
};

const struct xlat xlat_epoll_ctl_ops[] = {
	XLAT_N(1, "EPOLL_CTL_ADD"), XLAT_N(2, "EPOLL_CTL_DEL"), XLAT_N(3, "EPOLL_CTL_MOD"),
	XLAT_END
};

const struct xlat xlat_epoll_events[] = {
	XLAT_N(0x1, "EPOLLIN"), XLAT_N(0x2, "EPOLLPRI"), XLAT_N(0x4, "EPOLLOUT"),
	XLAT_N(0x8, "EPOLLERR"), XLAT_N(0x10, "EPOLLHUP"), XLAT_N(0x20, "EPOLLNVAL"),
	XLAT_N(0x40, "EPOLLRDNORM"), XLAT_N(0x80, "EPOLLRDBAND"), XLAT_N(0x100, "EPOLLWRNORM"),
	XLAT_N(0x200, "EPOLLWRBAND"), XLAT_N(0x400, "EPOLLMSG"), XLAT_N(0x2000, "EPOLLRDHUP"),
	XLAT_N(1u << 27, "EPOLLURING_WAKE"), XLAT_N(1u << 28, "EPOLLEXCLUSIVE"),
	XLAT_N(1u << 29, "EPOLLWAKEUP"), XLAT_N(1u << 30, "EPOLLONESHOT"),
	XLAT_N(1u << 31, "EPOLLET"), XLAT_END
};

const struct xlat xlat_eventfd_flags[] = {
	XLAT_N(1, "EFD_SEMAPHORE"), XLAT_N(02000000, "EFD_CLOEXEC"), XLAT_N(04000, "EFD_NONBLOCK"),
	XLAT_END
};

/* ---- memory ------------------------------------------------------------------------ */

const struct xlat xlat_prot[] = {
	XLAT_N(0x1, "PROT_READ"), XLAT_N(0x2, "PROT_WRITE"), XLAT_N(0x4, "PROT_EXEC"),
	XLAT_N(0x8, "PROT_SEM"), XLAT_N(0x10, "PROT_BTI"), XLAT_N(0x20, "PROT_MTE"),
	XLAT_N(0x01000000, "PROT_GROWSDOWN"), XLAT_N(0x02000000, "PROT_GROWSUP"),
	XLAT_END
};

const struct xlat xlat_map_type[] = {
	XLAT_N(0x1, "MAP_SHARED"), XLAT_N(0x2, "MAP_PRIVATE"), XLAT_N(0x3, "MAP_SHARED_VALIDATE"),
	XLAT_END
};

const struct xlat xlat_map_flags[] = {
	XLAT_N(0x10, "MAP_FIXED"), XLAT_N(0x20, "MAP_ANONYMOUS"), XLAT_N(0x40, "MAP_32BIT"),
	XLAT_N(0x80, "MAP_ABOVE4G"), XLAT_N(0x4000, "MAP_NORESERVE"),
	XLAT_N(0x8000, "MAP_POPULATE"), XLAT_N(0x10000, "MAP_NONBLOCK"),
	XLAT_N(0x100, "MAP_GROWSDOWN"), XLAT_N(0x800, "MAP_DENYWRITE"),
	XLAT_N(0x1000, "MAP_EXECUTABLE"), XLAT_N(0x2000, "MAP_LOCKED"),
	XLAT_N(0x20000, "MAP_STACK"), XLAT_N(0x40000, "MAP_HUGETLB"), XLAT_N(0x80000, "MAP_SYNC"),
	XLAT_N(0x4000000, "MAP_UNINITIALIZED"), XLAT_N(0x100000, "MAP_FIXED_NOREPLACE"),
	XLAT_END
};

const struct xlat xlat_mremap_flags[] = {
	XLAT_N(1, "MREMAP_MAYMOVE"), XLAT_N(2, "MREMAP_FIXED"), XLAT_N(4, "MREMAP_DONTUNMAP"),
	XLAT_END
};

const struct xlat xlat_msync_flags[] = {
	XLAT_N(1, "MS_ASYNC"), XLAT_N(2, "MS_INVALIDATE"), XLAT_N(4, "MS_SYNC"), XLAT_END
};

const struct xlat xlat_madvise[] = {
	XLAT_N(0, "MADV_NORMAL"), XLAT_N(1, "MADV_RANDOM"), XLAT_N(2, "MADV_SEQUENTIAL"),
	XLAT_N(3, "MADV_WILLNEED"), XLAT_N(4, "MADV_DONTNEED"), XLAT_N(8, "MADV_FREE"),
	XLAT_N(9, "MADV_REMOVE"), XLAT_N(10, "MADV_DONTFORK"), XLAT_N(11, "MADV_DOFORK"),
	XLAT_N(12, "MADV_MERGEABLE"), XLAT_N(13, "MADV_UNMERGEABLE"),
	XLAT_N(14, "MADV_HUGEPAGE"), XLAT_N(15, "MADV_NOHUGEPAGE"), XLAT_N(16, "MADV_DONTDUMP"),
	XLAT_N(17, "MADV_DODUMP"), XLAT_N(18, "MADV_WIPEONFORK"), XLAT_N(19, "MADV_KEEPONFORK"),
	XLAT_N(20, "MADV_COLD"), XLAT_N(21, "MADV_PAGEOUT"), XLAT_N(22, "MADV_POPULATE_READ"),
	XLAT_N(23, "MADV_POPULATE_WRITE"), XLAT_N(24, "MADV_DONTNEED_LOCKED"),
	XLAT_N(25, "MADV_COLLAPSE"), XLAT_N(100, "MADV_HWPOISON"),
	XLAT_N(101, "MADV_SOFT_OFFLINE"), XLAT_END
};

const struct xlat xlat_membarrier_cmds[] = {
	XLAT_N(0, "MEMBARRIER_CMD_QUERY"), XLAT_N(1, "MEMBARRIER_CMD_GLOBAL"),
	XLAT_N(2, "MEMBARRIER_CMD_GLOBAL_EXPEDITED"),
	XLAT_N(4, "MEMBARRIER_CMD_REGISTER_GLOBAL_EXPEDITED"),
	XLAT_N(8, "MEMBARRIER_CMD_PRIVATE_EXPEDITED"),
	XLAT_N(16, "MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED"),
	XLAT_N(32, "MEMBARRIER_CMD_PRIVATE_EXPEDITED_SYNC_CORE"),
	XLAT_N(64, "MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED_SYNC_CORE"),
	XLAT_N(128, "MEMBARRIER_CMD_PRIVATE_EXPEDITED_RSEQ"),
	XLAT_N(256, "MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED_RSEQ"),
	XLAT_END
};

/* ---- processes --------------------------------------------------------------------- */

const struct xlat xlat_arch_prctl[] = {
	XLAT_N(0x1001, "ARCH_SET_GS"), XLAT_N(0x1002, "ARCH_SET_FS"),
	XLAT_N(0x1003, "ARCH_GET_FS"), XLAT_N(0x1004, "ARCH_GET_GS"),
	XLAT_N(0x1011, "ARCH_GET_CPUID"), XLAT_N(0x1012, "ARCH_SET_CPUID"),
	XLAT_N(0x1021, "ARCH_GET_XCOMP_SUPP"), XLAT_N(0x1022, "ARCH_GET_XCOMP_PERM"),
	XLAT_N(0x1023, "ARCH_REQ_XCOMP_PERM"), XLAT_N(0x1024, "ARCH_GET_XCOMP_GUEST_PERM"),
	XLAT_N(0x1025, "ARCH_REQ_XCOMP_GUEST_PERM"), XLAT_N(0x2001, "ARCH_MAP_VDSO_X32"),
	XLAT_N(0x2002, "ARCH_MAP_VDSO_32"), XLAT_N(0x2003, "ARCH_MAP_VDSO_64"),
	XLAT_N(0x4001, "ARCH_GET_UNTAG_MASK"), XLAT_N(0x4002, "ARCH_ENABLE_TAGGED_ADDR"),
	XLAT_N(0x4003, "ARCH_GET_MAX_TAG_BITS"), XLAT_N(0x4004, "ARCH_FORCE_TAGGED_SVA"),
	XLAT_N(0x5001, "ARCH_SHSTK_ENABLE"), XLAT_N(0x5002, "ARCH_SHSTK_DISABLE"),
	XLAT_N(0x5003, "ARCH_SHSTK_LOCK"), XLAT_N(0x5004, "ARCH_SHSTK_UNLOCK"),
	XLAT_N(0x5005, "ARCH_SHSTK_STATUS"), XLAT_END
};

const struct xlat xlat_rlimit[] = {
	XLAT_N(0, "RLIMIT_CPU"), XLAT_N(1, "RLIMIT_FSIZE"), XLAT_N(2, "RLIMIT_DATA"),
	XLAT_N(3, "RLIMIT_STACK"), XLAT_N(4, "RLIMIT_CORE"), XLAT_N(5, "RLIMIT_RSS"),
	XLAT_N(6, "RLIMIT_NPROC"), XLAT_N(7, "RLIMIT_NOFILE"), XLAT_N(8, "RLIMIT_MEMLOCK"),
	XLAT_N(9, "RLIMIT_AS"), XLAT_N(10, "RLIMIT_LOCKS"), XLAT_N(11, "RLIMIT_SIGPENDING"),
	XLAT_N(12, "RLIMIT_MSGQUEUE"), XLAT_N(13, "RLIMIT_NICE"), XLAT_N(14, "RLIMIT_RTPRIO"),
	XLAT_N(15, "RLIMIT_RTTIME"), XLAT_END
};

const struct xlat xlat_grnd[] = {
	XLAT_N(1, "GRND_NONBLOCK"), XLAT_N(2, "GRND_RANDOM"), XLAT_N(4, "GRND_INSECURE"),
	XLAT_END
};

const struct xlat xlat_futex_ops[] = {
	XLAT_N(0, "FUTEX_WAIT"), XLAT_N(1, "FUTEX_WAKE"), XLAT_N(2, "FUTEX_FD"),
	XLAT_N(3, "FUTEX_REQUEUE"), XLAT_N(4, "FUTEX_CMP_REQUEUE"), XLAT_N(5, "FUTEX_WAKE_OP"),
	XLAT_N(6, "FUTEX_LOCK_PI"), XLAT_N(7, "FUTEX_UNLOCK_PI"), XLAT_N(8, "FUTEX_TRYLOCK_PI"),
	XLAT_N(9, "FUTEX_WAIT_BITSET"), XLAT_N(10, "FUTEX_WAKE_BITSET"),
	XLAT_N(11, "FUTEX_WAIT_REQUEUE_PI"), XLAT_N(12, "FUTEX_CMP_REQUEUE_PI"),
	XLAT_N(13, "FUTEX_LOCK_PI2"), XLAT_END
};

const struct xlat xlat_clone_flags[] = {
	XLAT_N(0x00000100, "CLONE_VM"), XLAT_N(0x00000200, "CLONE_FS"),
	XLAT_N(0x00000400, "CLONE_FILES"), XLAT_N(0x00000800, "CLONE_SIGHAND"),
	XLAT_N(0x00001000, "CLONE_PIDFD"), XLAT_N(0x00002000, "CLONE_PTRACE"),
	XLAT_N(0x00004000, "CLONE_VFORK"), XLAT_N(0x00008000, "CLONE_PARENT"),
	XLAT_N(0x00010000, "CLONE_THREAD"), XLAT_N(0x00020000, "CLONE_NEWNS"),
	XLAT_N(0x00040000, "CLONE_SYSVSEM"), XLAT_N(0x00080000, "CLONE_SETTLS"),
	XLAT_N(0x00100000, "CLONE_PARENT_SETTID"), XLAT_N(0x00200000, "CLONE_CHILD_CLEARTID"),
	XLAT_N(0x00400000, "CLONE_DETACHED"), XLAT_N(0x00800000, "CLONE_UNTRACED"),
	XLAT_N(0x01000000, "CLONE_CHILD_SETTID"), XLAT_N(0x02000000, "CLONE_NEWCGROUP"),
	XLAT_N(0x04000000, "CLONE_NEWUTS"), XLAT_N(0x08000000, "CLONE_NEWIPC"),
	XLAT_N(0x10000000, "CLONE_NEWUSER"), XLAT_N(0x20000000, "CLONE_NEWPID"),
	XLAT_N(0x40000000, "CLONE_NEWNET"), XLAT_N(0x80000000, "CLONE_IO"),
	XLAT_N(0x100000000ULL, "CLONE_CLEAR_SIGHAND"), XLAT_N(0x200000000ULL, "CLONE_INTO_CGROUP"),
	XLAT_N(0x400000000ULL, "CLONE_NEWTIME"), XLAT_END
};

const struct xlat xlat_wait_options[] = {
	XLAT_N(1, "WNOHANG"), XLAT_N(2, "WUNTRACED"), XLAT_N(4, "WEXITED"),
	XLAT_N(8, "WCONTINUED"), XLAT_N(0x01000000, "WNOWAIT"), XLAT_N(0x20000000, "__WNOTHREAD"),
	XLAT_N(0x40000000, "__WALL"), XLAT_N(0x80000000, "__WCLONE"), XLAT_END
};

const struct xlat xlat_rusage_who[] = {
	XLAT_N(0, "RUSAGE_SELF"), XLAT_N((uint64_t)-1, "RUSAGE_CHILDREN"),
	XLAT_N(1, "RUSAGE_THREAD"), XLAT_END
};

const struct xlat xlat_prctl_options[] = {
	XLAT_N(1, "PR_SET_PDEATHSIG"), XLAT_N(2, "PR_GET_PDEATHSIG"),
	XLAT_N(3, "PR_GET_DUMPABLE"), XLAT_N(4, "PR_SET_DUMPABLE"),
	XLAT_N(5, "PR_GET_UNALIGN"), XLAT_N(6, "PR_SET_UNALIGN"),
	XLAT_N(7, "PR_GET_KEEPCAPS"), XLAT_N(8, "PR_SET_KEEPCAPS"),
	XLAT_N(9, "PR_GET_FPEMU"), XLAT_N(10, "PR_SET_FPEMU"), XLAT_N(11, "PR_GET_FPEXC"),
	XLAT_N(12, "PR_SET_FPEXC"), XLAT_N(13, "PR_GET_TIMING"), XLAT_N(14, "PR_SET_TIMING"),
	XLAT_N(15, "PR_SET_NAME"), XLAT_N(16, "PR_GET_NAME"), XLAT_N(19, "PR_GET_ENDIAN"),
	XLAT_N(20, "PR_SET_ENDIAN"), XLAT_N(21, "PR_GET_SECCOMP"), XLAT_N(22, "PR_SET_SECCOMP"),
	XLAT_N(23, "PR_CAPBSET_READ"), XLAT_N(24, "PR_CAPBSET_DROP"), XLAT_N(25, "PR_GET_TSC"),
	XLAT_N(26, "PR_SET_TSC"), XLAT_N(27, "PR_GET_SECUREBITS"),
	XLAT_N(28, "PR_SET_SECUREBITS"), XLAT_N(29, "PR_SET_TIMERSLACK"),
	XLAT_N(30, "PR_GET_TIMERSLACK"), XLAT_N(31, "PR_TASK_PERF_EVENTS_DISABLE"),
	XLAT_N(32, "PR_TASK_PERF_EVENTS_ENABLE"), XLAT_N(33, "PR_MCE_KILL"),
	XLAT_N(34, "PR_MCE_KILL_GET"), XLAT_N(35, "PR_SET_MM"),
	XLAT_N(36, "PR_SET_CHILD_SUBREAPER"), XLAT_N(37, "PR_GET_CHILD_SUBREAPER"),
	XLAT_N(38, "PR_SET_NO_NEW_PRIVS"), XLAT_N(39, "PR_GET_NO_NEW_PRIVS"),
	XLAT_N(40, "PR_GET_TID_ADDRESS"), XLAT_N(41, "PR_SET_THP_DISABLE"),
	XLAT_N(42, "PR_GET_THP_DISABLE"), XLAT_N(43, "PR_MPX_ENABLE_MANAGEMENT"),
	XLAT_N(44, "PR_MPX_DISABLE_MANAGEMENT"), XLAT_N(45, "PR_SET_FP_MODE"),
	XLAT_N(46, "PR_GET_FP_MODE"), XLAT_N(47, "PR_CAP_AMBIENT"), XLAT_N(50, "PR_SVE_SET_VL"),
	XLAT_N(51, "PR_SVE_GET_VL"), XLAT_N(52, "PR_GET_SPECULATION_CTRL"),
	XLAT_N(53, "PR_SET_SPECULATION_CTRL"), XLAT_N(54, "PR_PAC_RESET_KEYS"),
	XLAT_N(55, "PR_SET_TAGGED_ADDR_CTRL"), XLAT_N(56, "PR_GET_TAGGED_ADDR_CTRL"),
	XLAT_N(57, "PR_SET_IO_FLUSHER"), XLAT_N(58, "PR_GET_IO_FLUSHER"),
	XLAT_N(59, "PR_SET_SYSCALL_USER_DISPATCH"), XLAT_N(62, "PR_SCHED_CORE"),
	XLAT_N(65, "PR_SET_MDWE"), XLAT_N(66, "PR_GET_MDWE"),
	XLAT_N(0x53564d41, "PR_SET_VMA"), XLAT_N(0x59616d61, "PR_SET_PTRACER"),
	XLAT_END
};

const struct xlat xlat_personality[] = {
	XLAT_N(0, "PER_LINUX"), XLAT_N(0x0008, "PER_LINUX32"), XLAT_N(0xffffffff, "0xffffffff"),
	XLAT_END
};

const struct xlat xlat_itimer_which[] = {
	XLAT_N(0, "ITIMER_REAL"), XLAT_N(1, "ITIMER_VIRTUAL"), XLAT_N(2, "ITIMER_PROF"),
	XLAT_END
};

const struct xlat xlat_sched_policies[] = {
	XLAT_N(0, "SCHED_OTHER"), XLAT_N(1, "SCHED_FIFO"), XLAT_N(2, "SCHED_RR"),
	XLAT_N(3, "SCHED_BATCH"), XLAT_N(5, "SCHED_IDLE"), XLAT_N(6, "SCHED_DEADLINE"),
	XLAT_END
};

const struct xlat xlat_priority_which[] = {
	XLAT_N(0, "PRIO_PROCESS"), XLAT_N(1, "PRIO_PGRP"), XLAT_N(2, "PRIO_USER"), XLAT_END
};

const struct xlat xlat_ptrace_requests[] = {
	XLAT_N(0, "PTRACE_TRACEME"), XLAT_N(1, "PTRACE_PEEKTEXT"), XLAT_N(2, "PTRACE_PEEKDATA"),
	XLAT_N(3, "PTRACE_PEEKUSER"), XLAT_N(4, "PTRACE_POKETEXT"), XLAT_N(5, "PTRACE_POKEDATA"),
	XLAT_N(6, "PTRACE_POKEUSER"), XLAT_N(7, "PTRACE_CONT"), XLAT_N(8, "PTRACE_KILL"),
	XLAT_N(9, "PTRACE_SINGLESTEP"), XLAT_N(12, "PTRACE_GETREGS"),
	XLAT_N(13, "PTRACE_SETREGS"), XLAT_N(16, "PTRACE_ATTACH"), XLAT_N(17, "PTRACE_DETACH"),
	XLAT_N(24, "PTRACE_SYSCALL"), XLAT_N(0x4200, "PTRACE_SETOPTIONS"),
	XLAT_N(0x4201, "PTRACE_GETEVENTMSG"), XLAT_N(0x4202, "PTRACE_GETSIGINFO"),
	XLAT_N(0x4203, "PTRACE_SETSIGINFO"), XLAT_N(0x4204, "PTRACE_GETREGSET"),
	XLAT_N(0x4205, "PTRACE_SETREGSET"), XLAT_N(0x4206, "PTRACE_SEIZE"),
	XLAT_N(0x4207, "PTRACE_INTERRUPT"), XLAT_N(0x4208, "PTRACE_LISTEN"),
	XLAT_N(0x420e, "PTRACE_GET_SYSCALL_INFO"), XLAT_END
};

const struct xlat xlat_seccomp_ops[] = {
	XLAT_N(0, "SECCOMP_SET_MODE_STRICT"), XLAT_N(1, "SECCOMP_SET_MODE_FILTER"),
	XLAT_N(2, "SECCOMP_GET_ACTION_AVAIL"), XLAT_N(3, "SECCOMP_GET_NOTIF_SIZES"),
	XLAT_END
};

/* ---- signals ----------------------------------------------------------------------- */

const struct xlat xlat_sigprocmask_how[] = {
	XLAT(SIG_BLOCK), XLAT(SIG_UNBLOCK), XLAT(SIG_SETMASK), XLAT_END
};

const struct xlat xlat_sa_flags[] = {
	XLAT_N(0x04000000, "SA_RESTORER"), XLAT_N(0x08000000, "SA_ONSTACK"),
	XLAT_N(0x10000000, "SA_RESTART"), XLAT_N(0x40000000, "SA_NODEFER"),
	XLAT_N(0x80000000, "SA_RESETHAND"), XLAT_N(0x00000004, "SA_SIGINFO"),
	XLAT_N(0x00000001, "SA_NOCLDSTOP"), XLAT_N(0x00000002, "SA_NOCLDWAIT"),
	XLAT_N(0x00000400, "SA_UNSUPPORTED"), XLAT_N(0x00000800, "SA_EXPOSE_TAGBITS"),
	XLAT_END
};

const struct xlat xlat_sa_handler[] = {
	XLAT_N(0, "SIG_DFL"), XLAT_N(1, "SIG_IGN"), XLAT_END
};

const struct xlat xlat_ss_flags[] = {
	XLAT_N(1, "SS_ONSTACK"), XLAT_N(2, "SS_DISABLE"), XLAT_N(1u << 31, "SS_AUTODISARM"),
	XLAT_END
};

/* ---- network ----------------------------------------------------------------------- */

const struct xlat xlat_address_families[] = {
	XLAT_N(0, "AF_UNSPEC"), XLAT_N(1, "AF_UNIX"), XLAT_N(2, "AF_INET"), XLAT_N(3, "AF_AX25"),
	XLAT_N(4, "AF_IPX"), XLAT_N(5, "AF_APPLETALK"), XLAT_N(6, "AF_NETROM"),
	XLAT_N(7, "AF_BRIDGE"), XLAT_N(8, "AF_ATMPVC"), XLAT_N(9, "AF_X25"),
	XLAT_N(10, "AF_INET6"), XLAT_N(11, "AF_ROSE"), XLAT_N(12, "AF_DECnet"),
	XLAT_N(13, "AF_NETBEUI"), XLAT_N(14, "AF_SECURITY"), XLAT_N(15, "AF_KEY"),
	XLAT_N(16, "AF_NETLINK"), XLAT_N(17, "AF_PACKET"), XLAT_N(18, "AF_ASH"),
	XLAT_N(19, "AF_ECONET"), XLAT_N(20, "AF_ATMSVC"), XLAT_N(21, "AF_RDS"),
	XLAT_N(22, "AF_SNA"), XLAT_N(23, "AF_IRDA"), XLAT_N(24, "AF_PPPOX"),
	XLAT_N(25, "AF_WANPIPE"), XLAT_N(26, "AF_LLC"), XLAT_N(27, "AF_IB"), XLAT_N(28, "AF_MPLS"),
	XLAT_N(29, "AF_CAN"), XLAT_N(30, "AF_TIPC"), XLAT_N(31, "AF_BLUETOOTH"),
	XLAT_N(32, "AF_IUCV"), XLAT_N(33, "AF_RXRPC"), XLAT_N(34, "AF_ISDN"),
	XLAT_N(35, "AF_PHONET"), XLAT_N(36, "AF_IEEE802154"), XLAT_N(37, "AF_CAIF"),
	XLAT_N(38, "AF_ALG"), XLAT_N(39, "AF_NFC"), XLAT_N(40, "AF_VSOCK"), XLAT_N(41, "AF_KCM"),
	XLAT_N(42, "AF_QIPCRTR"), XLAT_N(43, "AF_SMC"), XLAT_N(44, "AF_XDP"),
	XLAT_N(45, "AF_MCTP"), XLAT_END
};

const struct xlat xlat_socket_types[] = {
	XLAT_N(1, "SOCK_STREAM"), XLAT_N(2, "SOCK_DGRAM"), XLAT_N(3, "SOCK_RAW"),
	XLAT_N(4, "SOCK_RDM"), XLAT_N(5, "SOCK_SEQPACKET"), XLAT_N(6, "SOCK_DCCP"),
	XLAT_N(10, "SOCK_PACKET"), XLAT_END
};

const struct xlat xlat_socket_flags[] = {
	XLAT_N(02000000, "SOCK_CLOEXEC"), XLAT_N(04000, "SOCK_NONBLOCK"), XLAT_END
};

const struct xlat xlat_ip_protocols[] = {
	XLAT_N(0, "IPPROTO_IP"), XLAT_N(1, "IPPROTO_ICMP"), XLAT_N(2, "IPPROTO_IGMP"),
	XLAT_N(6, "IPPROTO_TCP"), XLAT_N(17, "IPPROTO_UDP"), XLAT_N(41, "IPPROTO_IPV6"),
	XLAT_N(58, "IPPROTO_ICMPV6"), XLAT_N(132, "IPPROTO_SCTP"), XLAT_N(136, "IPPROTO_UDPLITE"),
	XLAT_N(255, "IPPROTO_RAW"), XLAT_N(262, "IPPROTO_MPTCP"), XLAT_END
};

const struct xlat xlat_shutdown_how[] = {
	XLAT_N(0, "SHUT_RD"), XLAT_N(1, "SHUT_WR"), XLAT_N(2, "SHUT_RDWR"), XLAT_END
};

const struct xlat xlat_msg_flags[] = {
	XLAT_N(0x1, "MSG_OOB"), XLAT_N(0x2, "MSG_PEEK"), XLAT_N(0x4, "MSG_DONTROUTE"),
	XLAT_N(0x8, "MSG_CTRUNC"), XLAT_N(0x10, "MSG_PROBE"), XLAT_N(0x20, "MSG_TRUNC"),
	XLAT_N(0x40, "MSG_DONTWAIT"), XLAT_N(0x80, "MSG_EOR"), XLAT_N(0x100, "MSG_WAITALL"),
	XLAT_N(0x200, "MSG_FIN"), XLAT_N(0x400, "MSG_SYN"), XLAT_N(0x800, "MSG_CONFIRM"),
	XLAT_N(0x1000, "MSG_RST"), XLAT_N(0x2000, "MSG_ERRQUEUE"), XLAT_N(0x4000, "MSG_NOSIGNAL"),
	XLAT_N(0x8000, "MSG_MORE"), XLAT_N(0x10000, "MSG_WAITFORONE"),
	XLAT_N(0x20000, "MSG_BATCH"), XLAT_N(0x4000000, "MSG_ZEROCOPY"),
	XLAT_N(0x20000000, "MSG_FASTOPEN"), XLAT_N(0x40000000, "MSG_CMSG_CLOEXEC"),
	XLAT_END
};

const struct xlat xlat_sock_levels[] = {
	XLAT_N(0, "SOL_IP"), XLAT_N(1, "SOL_SOCKET"), XLAT_N(6, "SOL_TCP"), XLAT_N(17, "SOL_UDP"),
	XLAT_N(41, "SOL_IPV6"), XLAT_N(263, "SOL_PACKET"), XLAT_N(270, "SOL_NETLINK"),
	XLAT_END
};

/* ---- time -------------------------------------------------------------------------- */

const struct xlat xlat_clocks[] = {
	XLAT_N(0, "CLOCK_REALTIME"), XLAT_N(1, "CLOCK_MONOTONIC"),
	XLAT_N(2, "CLOCK_PROCESS_CPUTIME_ID"), XLAT_N(3, "CLOCK_THREAD_CPUTIME_ID"),
	XLAT_N(4, "CLOCK_MONOTONIC_RAW"), XLAT_N(5, "CLOCK_REALTIME_COARSE"),
	XLAT_N(6, "CLOCK_MONOTONIC_COARSE"), XLAT_N(7, "CLOCK_BOOTTIME"),
	XLAT_N(8, "CLOCK_REALTIME_ALARM"), XLAT_N(9, "CLOCK_BOOTTIME_ALARM"),
	XLAT_N(11, "CLOCK_TAI"), XLAT_END
};

const struct xlat xlat_timer_flags[] = {
	XLAT_N(1, "TIMER_ABSTIME"), XLAT_END
};

/* ---- printers ---------------------------------------------------------------------- */

void print_file_mode(struct strbuf *sb, uint32_t mode)
{
	const char *type = xlat_name(xlat_file_types, mode & S_IFMT);

	if (type)
		sb_printf(sb, "%s|", type);
	else if (mode & S_IFMT)
		sb_printf(sb, "%#o|", mode & S_IFMT);
	if (mode & S_ISUID)
		sb_puts(sb, "S_ISUID|");
	if (mode & S_ISGID)
		sb_puts(sb, "S_ISGID|");
	if (mode & S_ISVTX)
		sb_puts(sb, "S_ISVTX|");
	sb_printf(sb, "%#03o", mode & 0777);	/* 0644; 0 prints as strace's "000" */
}

void print_mode_arg(struct strbuf *sb, uint32_t mode)
{
	sb_printf(sb, "%#03o", mode);
}

void print_open_flags(struct strbuf *sb, uint64_t flags)
{
	const char *acc = xlat_name(xlat_open_access, flags & O_ACCMODE);

	if (acc)
		sb_puts(sb, acc);
	else
		sb_printf(sb, "%#llx", (unsigned long long)(flags & O_ACCMODE));
	flags &= ~(uint64_t)O_ACCMODE;
	if (flags) {
		sb_putc(sb, '|');
		xlat_print_flags(sb, xlat_open_flags, flags, NULL);
	}
}

void print_dirfd(struct strbuf *sb, int fd)
{
	if (fd == AT_FDCWD)
		sb_puts(sb, "AT_FDCWD");
	else
		sb_printf(sb, "%d", fd);
}

/* ---- signals ----------------------------------------------------------------------- */

#define SIG_ENTRY(s) [s] = #s
static const char *const signal_names[] = {
	SIG_ENTRY(SIGHUP), SIG_ENTRY(SIGINT), SIG_ENTRY(SIGQUIT), SIG_ENTRY(SIGILL),
	SIG_ENTRY(SIGTRAP), SIG_ENTRY(SIGABRT), SIG_ENTRY(SIGBUS), SIG_ENTRY(SIGFPE),
	SIG_ENTRY(SIGKILL), SIG_ENTRY(SIGUSR1), SIG_ENTRY(SIGSEGV), SIG_ENTRY(SIGUSR2),
	SIG_ENTRY(SIGPIPE), SIG_ENTRY(SIGALRM), SIG_ENTRY(SIGTERM), SIG_ENTRY(SIGSTKFLT),
	SIG_ENTRY(SIGCHLD), SIG_ENTRY(SIGCONT), SIG_ENTRY(SIGSTOP), SIG_ENTRY(SIGTSTP),
	SIG_ENTRY(SIGTTIN), SIG_ENTRY(SIGTTOU), SIG_ENTRY(SIGURG), SIG_ENTRY(SIGXCPU),
	SIG_ENTRY(SIGXFSZ), SIG_ENTRY(SIGVTALRM), SIG_ENTRY(SIGPROF), SIG_ENTRY(SIGWINCH),
	SIG_ENTRY(SIGIO), SIG_ENTRY(SIGPWR), SIG_ENTRY(SIGSYS),
};

/* The kernel's first real-time signal on x86 (glibc's SIGRTMIN is 34: it keeps two). */
#define KERNEL_SIGRTMIN 32
#define KERNEL_NSIG 64

const char *signal_name(int sig)
{
	static char rt_names[KERNEL_NSIG + 1][12];
	static char other[4][16];
	static unsigned next;
	char *buf;

	if (sig > 0 && (size_t)sig < sizeof signal_names / sizeof signal_names[0] &&
	    signal_names[sig])
		return signal_names[sig];
	if (sig >= KERNEL_SIGRTMIN && sig <= KERNEL_NSIG) {
		buf = rt_names[sig];
		if (!buf[0]) {
			if (sig == KERNEL_SIGRTMIN)
				snprintf(buf, sizeof rt_names[0], "SIGRTMIN");
			else
				snprintf(buf, sizeof rt_names[0], "SIGRT_%d", sig - KERNEL_SIGRTMIN);
		}
		return buf;
	}
	buf = other[next++ % 4];
	snprintf(buf, sizeof other[0], "SIG%d", sig);
	return buf;
}

void print_signo(struct strbuf *sb, int sig)
{
	if (sig > 0 && sig <= KERNEL_NSIG)
		sb_puts(sb, signal_name(sig));
	else
		sb_printf(sb, "%d", sig);
}

void print_sigset_bytes(struct strbuf *sb, const unsigned char *set, size_t bytes)
{
	unsigned nbits = bytes * 8 > KERNEL_NSIG ? KERNEL_NSIG : bytes * 8;
	unsigned count = 0, i;
	int invert, first = 1;

	for (i = 0; i < nbits; i++)
		count += (set[i / 8] >> (i % 8)) & 1;
	invert = count * 2 > nbits;
	sb_puts(sb, invert ? "~[" : "[");
	for (i = 0; i < nbits; i++) {
		int bit = (set[i / 8] >> (i % 8)) & 1;

		if (bit == invert)
			continue;
		sb_printf(sb, "%s%s", first ? "" : " ", signal_name(i + 1) + 3);
		first = 0;
	}
	sb_putc(sb, ']');
}

/* ---- errnos ------------------------------------------------------------------------ */

#define ERR_ENTRY(e) [e] = #e
static const char *const errno_names[] = {
	ERR_ENTRY(EPERM), ERR_ENTRY(ENOENT), ERR_ENTRY(ESRCH), ERR_ENTRY(EINTR),
	ERR_ENTRY(EIO), ERR_ENTRY(ENXIO), ERR_ENTRY(E2BIG), ERR_ENTRY(ENOEXEC),
	ERR_ENTRY(EBADF), ERR_ENTRY(ECHILD), ERR_ENTRY(EAGAIN), ERR_ENTRY(ENOMEM),
	ERR_ENTRY(EACCES), ERR_ENTRY(EFAULT), ERR_ENTRY(ENOTBLK), ERR_ENTRY(EBUSY),
	ERR_ENTRY(EEXIST), ERR_ENTRY(EXDEV), ERR_ENTRY(ENODEV), ERR_ENTRY(ENOTDIR),
	ERR_ENTRY(EISDIR), ERR_ENTRY(EINVAL), ERR_ENTRY(ENFILE), ERR_ENTRY(EMFILE),
	ERR_ENTRY(ENOTTY), ERR_ENTRY(ETXTBSY), ERR_ENTRY(EFBIG), ERR_ENTRY(ENOSPC),
	ERR_ENTRY(ESPIPE), ERR_ENTRY(EROFS), ERR_ENTRY(EMLINK), ERR_ENTRY(EPIPE),
	ERR_ENTRY(EDOM), ERR_ENTRY(ERANGE), ERR_ENTRY(EDEADLK), ERR_ENTRY(ENAMETOOLONG),
	ERR_ENTRY(ENOLCK), ERR_ENTRY(ENOSYS), ERR_ENTRY(ENOTEMPTY), ERR_ENTRY(ELOOP),
	ERR_ENTRY(ENOMSG), ERR_ENTRY(EIDRM), ERR_ENTRY(ECHRNG), ERR_ENTRY(EL2NSYNC),
	ERR_ENTRY(EL3HLT), ERR_ENTRY(EL3RST), ERR_ENTRY(ELNRNG), ERR_ENTRY(EUNATCH),
	ERR_ENTRY(ENOCSI), ERR_ENTRY(EL2HLT), ERR_ENTRY(EBADE), ERR_ENTRY(EBADR),
	ERR_ENTRY(EXFULL), ERR_ENTRY(ENOANO), ERR_ENTRY(EBADRQC), ERR_ENTRY(EBADSLT),
	ERR_ENTRY(EBFONT), ERR_ENTRY(ENOSTR), ERR_ENTRY(ENODATA), ERR_ENTRY(ETIME),
	ERR_ENTRY(ENOSR), ERR_ENTRY(ENONET), ERR_ENTRY(ENOPKG), ERR_ENTRY(EREMOTE),
	ERR_ENTRY(ENOLINK), ERR_ENTRY(EADV), ERR_ENTRY(ESRMNT), ERR_ENTRY(ECOMM),
	ERR_ENTRY(EPROTO), ERR_ENTRY(EMULTIHOP), ERR_ENTRY(EDOTDOT), ERR_ENTRY(EBADMSG),
	ERR_ENTRY(EOVERFLOW), ERR_ENTRY(ENOTUNIQ), ERR_ENTRY(EBADFD), ERR_ENTRY(EREMCHG),
	ERR_ENTRY(ELIBACC), ERR_ENTRY(ELIBBAD), ERR_ENTRY(ELIBSCN), ERR_ENTRY(ELIBMAX),
	ERR_ENTRY(ELIBEXEC), ERR_ENTRY(EILSEQ), ERR_ENTRY(ERESTART), ERR_ENTRY(ESTRPIPE),
	ERR_ENTRY(EUSERS), ERR_ENTRY(ENOTSOCK), ERR_ENTRY(EDESTADDRREQ), ERR_ENTRY(EMSGSIZE),
	ERR_ENTRY(EPROTOTYPE), ERR_ENTRY(ENOPROTOOPT), ERR_ENTRY(EPROTONOSUPPORT),
	ERR_ENTRY(ESOCKTNOSUPPORT), ERR_ENTRY(EOPNOTSUPP), ERR_ENTRY(EPFNOSUPPORT),
	ERR_ENTRY(EAFNOSUPPORT), ERR_ENTRY(EADDRINUSE), ERR_ENTRY(EADDRNOTAVAIL),
	ERR_ENTRY(ENETDOWN), ERR_ENTRY(ENETUNREACH), ERR_ENTRY(ENETRESET),
	ERR_ENTRY(ECONNABORTED), ERR_ENTRY(ECONNRESET), ERR_ENTRY(ENOBUFS), ERR_ENTRY(EISCONN),
	ERR_ENTRY(ENOTCONN), ERR_ENTRY(ESHUTDOWN), ERR_ENTRY(ETOOMANYREFS), ERR_ENTRY(ETIMEDOUT),
	ERR_ENTRY(ECONNREFUSED), ERR_ENTRY(EHOSTDOWN), ERR_ENTRY(EHOSTUNREACH),
	ERR_ENTRY(EALREADY), ERR_ENTRY(EINPROGRESS), ERR_ENTRY(ESTALE), ERR_ENTRY(EUCLEAN),
	ERR_ENTRY(ENOTNAM), ERR_ENTRY(ENAVAIL), ERR_ENTRY(EISNAM), ERR_ENTRY(EREMOTEIO),
	ERR_ENTRY(EDQUOT), ERR_ENTRY(ENOMEDIUM), ERR_ENTRY(EMEDIUMTYPE), ERR_ENTRY(ECANCELED),
	ERR_ENTRY(ENOKEY), ERR_ENTRY(EKEYEXPIRED), ERR_ENTRY(EKEYREVOKED),
	ERR_ENTRY(EKEYREJECTED), ERR_ENTRY(EOWNERDEAD), ERR_ENTRY(ENOTRECOVERABLE),
	ERR_ENTRY(ERFKILL), ERR_ENTRY(EHWPOISON),
	/* Kernel-internal values that a tracer sees (include/linux/errno.h); not in <errno.h>. */
	[512] = "ERESTARTSYS", [513] = "ERESTARTNOINTR", [514] = "ERESTARTNOHAND",
	[515] = "ENOIOCTLCMD", [516] = "ERESTART_RESTARTBLOCK", [517] = "EPROBE_DEFER",
	[518] = "EOPENSTALE", [519] = "ENOPARAM", [521] = "EBADHANDLE", [522] = "ENOTSYNC",
	[523] = "EBADCOOKIE", [524] = "ENOTSUPP", [525] = "ETOOSMALL", [526] = "ESERVERFAULT",
	[527] = "EBADTYPE", [528] = "EJUKEBOX", [529] = "EIOCBQUEUED", [530] = "ERECALLCONFLICT",
};

const char *errno_name(int err)
{
	if (err <= 0 || (size_t)err >= sizeof errno_names / sizeof errno_names[0])
		return NULL;
	return errno_names[err];
}

/* Messages strerror() does not know: the kernel-internal restart codes, as strace words them. */
static const char *const internal_messages[] = {
	[512 - 512] = "To be restarted if SA_RESTART is set",
	[513 - 512] = "To be restarted",
	[514 - 512] = "To be restarted if no handler",
	[515 - 512] = "No ioctl command",
	[516 - 512] = "Interrupted by signal",
	[517 - 512] = "Driver requests probe retry",
	[518 - 512] = "Open found a stale dentry",
	[519 - 512] = "Parameter not supported",
	[521 - 512] = "Illegal NFS file handle",
	[522 - 512] = "Update synchronization mismatch",
	[523 - 512] = "Cookie is stale",
	[524 - 512] = "Operation is not supported",
	[525 - 512] = "Buffer or request is too small",
	[526 - 512] = "An untranslatable error occurred",
	[527 - 512] = "Type not supported by server",
	[528 - 512] = "Request initiated, but will not complete before timeout",
	[529 - 512] = "iocb queued, will get completion event",
	[530 - 512] = "Conflict with recalled state",
};

const char *errno_message(int err)
{
	if (!errno_name(err))
		return NULL;
	if (err >= 512) {
		size_t i = (size_t)err - 512;

		return i < sizeof internal_messages / sizeof internal_messages[0] ?
			internal_messages[i] : NULL;
	}
	return strerror(err);
}

/* ---- wait status ------------------------------------------------------------------- */

void print_wait_status(struct strbuf *sb, int status)
{
	sb_puts(sb, "[{");
	if ((status & 0x7f) == 0) {
		sb_printf(sb, "WIFEXITED(s) && WEXITSTATUS(s) == %d", (status >> 8) & 0xff);
	} else if ((status & 0xff) == 0x7f) {
		sb_printf(sb, "WIFSTOPPED(s) && WSTOPSIG(s) == %s", signal_name((status >> 8) & 0xff));
		if (status >> 16)
			sb_printf(sb, " && s >> 16 == %d", (status >> 16) & 0xffff);
	} else if (status == 0xffff) {
		sb_puts(sb, "WIFCONTINUED(s)");
	} else {
		sb_printf(sb, "WIFSIGNALED(s) && WTERMSIG(s) == %s", signal_name(status & 0x7f));
		if (status & 0x80)
			sb_puts(sb, " && WCOREDUMP(s)");
	}
	sb_puts(sb, "}]");
}
