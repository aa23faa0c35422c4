/*
 * tracer/decode/xlat_file.c: name tables of files: open and *at flags, statx, access modes,
 * file types, rename, mount, seek, fadvise, flock, memfd, close_range. Values from the headers by
 * name (tracer/xlat.h's XLAT); table order is printing order.
 */
#define _GNU_SOURCE
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>
#include <linux/close_range.h>
#include <linux/fadvise.h>
#include <linux/fcntl.h>
#include <linux/fs.h>
#include <linux/magic.h>
#include <linux/memfd.h>
#include <linux/stat.h>
#include "tracer/xlat.h"
#include "tracer/decode/xlat_compat.h"

const struct xlat xlat_open_access[] = {
	XLAT(O_RDONLY), XLAT(O_WRONLY), XLAT(O_RDWR), XLAT_END
};

/*
 * O_SYNC (__O_SYNC|O_DSYNC) before O_DSYNC and O_TMPFILE (__O_TMPFILE|O_DIRECTORY) before
 * O_DIRECTORY, so that the combined flag prints as one name, as strace does.
 */
const struct xlat xlat_open_flags[] = {
	XLAT(O_CREAT), XLAT(O_EXCL), XLAT(O_NOCTTY), XLAT(O_TRUNC), XLAT(O_APPEND),
	XLAT(O_NONBLOCK), XLAT(O_SYNC), XLAT(O_DSYNC), XLAT(O_DIRECT), XLAT(O_LARGEFILE),
	XLAT(O_NOFOLLOW), XLAT(O_NOATIME), XLAT(O_CLOEXEC), XLAT(O_PATH), XLAT(O_TMPFILE),
	XLAT(O_DIRECTORY), XLAT(FASYNC), XLAT_END
};

const struct xlat xlat_at_flags[] = {
	XLAT(AT_SYMLINK_NOFOLLOW), XLAT(AT_REMOVEDIR), XLAT(AT_SYMLINK_FOLLOW),
	XLAT(AT_NO_AUTOMOUNT), XLAT(AT_EMPTY_PATH), XLAT(AT_STATX_FORCE_SYNC),
	XLAT(AT_STATX_DONT_SYNC), XLAT(AT_RECURSIVE), XLAT_END
};

/* execveat's flags: AT_EXECVE_CHECK (Linux 6.14) asks only whether the file may be run. */
const struct xlat xlat_execveat_flags[] = {
	XLAT(AT_SYMLINK_NOFOLLOW), XLAT(AT_EMPTY_PATH), XLAT(AT_EXECVE_CHECK), XLAT_END
};

const struct xlat xlat_at_eaccess_flags[] = {
	XLAT(AT_SYMLINK_NOFOLLOW), XLAT(AT_EACCESS), XLAT(AT_EMPTY_PATH), XLAT_END
};

const struct xlat xlat_unlinkat_flags[] = {
	XLAT(AT_REMOVEDIR), XLAT_END
};

const struct xlat xlat_statx_sync[] = {
	XLAT(AT_STATX_SYNC_AS_STAT), XLAT(AT_STATX_FORCE_SYNC), XLAT(AT_STATX_DONT_SYNC),
	XLAT_END
};

const struct xlat xlat_statx_mask[] = {
	XLAT(STATX_ALL), XLAT(STATX_BASIC_STATS), XLAT(STATX_TYPE), XLAT(STATX_MODE),
	XLAT(STATX_NLINK), XLAT(STATX_UID), XLAT(STATX_GID), XLAT(STATX_ATIME),
	XLAT(STATX_MTIME), XLAT(STATX_CTIME), XLAT(STATX_INO), XLAT(STATX_SIZE),
	XLAT(STATX_BLOCKS), XLAT(STATX_BTIME), XLAT(STATX_MNT_ID), XLAT(STATX_DIOALIGN),
	XLAT(STATX_MNT_ID_UNIQUE), XLAT(STATX_SUBVOL), XLAT(STATX_WRITE_ATOMIC), XLAT_END
};

const struct xlat xlat_statx_attrs[] = {
	XLAT(STATX_ATTR_COMPRESSED), XLAT(STATX_ATTR_IMMUTABLE), XLAT(STATX_ATTR_APPEND),
	XLAT(STATX_ATTR_NODUMP), XLAT(STATX_ATTR_ENCRYPTED), XLAT(STATX_ATTR_AUTOMOUNT),
	XLAT(STATX_ATTR_MOUNT_ROOT), XLAT(STATX_ATTR_VERITY), XLAT(STATX_ATTR_DAX),
	XLAT(STATX_ATTR_WRITE_ATOMIC), XLAT_END
};

const struct xlat xlat_access_modes[] = {
	XLAT(R_OK), XLAT(W_OK), XLAT(X_OK), XLAT_END
};

const struct xlat xlat_file_types[] = {
	XLAT(S_IFREG), XLAT(S_IFDIR), XLAT(S_IFLNK), XLAT(S_IFCHR), XLAT(S_IFBLK),
	XLAT(S_IFIFO), XLAT(S_IFSOCK), XLAT_END
};

const struct xlat xlat_rename_flags[] = {
	XLAT(RENAME_NOREPLACE), XLAT(RENAME_EXCHANGE), XLAT(RENAME_WHITEOUT), XLAT_END
};

/*
 * mount's flags (<linux/mount.h>), without the old magic number of the high half.
 * MS_NOUSER is (1<<31), an int: taken as 32 bits, not sign-extended.
 */
const struct xlat xlat_mount_flags[] = {
	XLAT(MS_RDONLY), XLAT(MS_NOSUID), XLAT(MS_NODEV), XLAT(MS_NOEXEC), XLAT(MS_SYNCHRONOUS),
	XLAT(MS_REMOUNT), XLAT(MS_MANDLOCK), XLAT(MS_DIRSYNC), XLAT(MS_NOSYMFOLLOW),
	XLAT(MS_NOATIME), XLAT(MS_NODIRATIME), XLAT(MS_BIND), XLAT(MS_MOVE), XLAT(MS_REC),
	XLAT(MS_SILENT), XLAT(MS_POSIXACL), XLAT(MS_UNBINDABLE), XLAT(MS_PRIVATE),
	XLAT(MS_SLAVE), XLAT(MS_SHARED), XLAT(MS_RELATIME), XLAT(MS_KERNMOUNT),
	XLAT(MS_I_VERSION), XLAT(MS_STRICTATIME), XLAT(MS_LAZYTIME), XLAT(MS_SUBMOUNT),
	XLAT(MS_NOREMOTELOCK), XLAT(MS_NOSEC), XLAT(MS_BORN), XLAT(MS_ACTIVE), XLAT_N((uint32_t)MS_NOUSER, "MS_NOUSER"),
	XLAT_END
};

const struct xlat xlat_umount_flags[] = {
	XLAT(MNT_FORCE), XLAT(MNT_DETACH), XLAT(MNT_EXPIRE), XLAT(UMOUNT_NOFOLLOW), XLAT_END
};

const struct xlat xlat_seek_whence[] = {
	XLAT(SEEK_SET), XLAT(SEEK_CUR), XLAT(SEEK_END), XLAT(SEEK_DATA), XLAT(SEEK_HOLE),
	XLAT_END
};

const struct xlat xlat_fadvise[] = {
	XLAT(POSIX_FADV_NORMAL), XLAT(POSIX_FADV_RANDOM), XLAT(POSIX_FADV_SEQUENTIAL),
	XLAT(POSIX_FADV_WILLNEED), XLAT(POSIX_FADV_DONTNEED), XLAT(POSIX_FADV_NOREUSE),
	XLAT_END
};

const struct xlat xlat_flock_ops[] = {
	XLAT(LOCK_SH), XLAT(LOCK_EX), XLAT(LOCK_NB), XLAT(LOCK_UN), XLAT_END
};

const struct xlat xlat_mfd_flags[] = {
	XLAT(MFD_CLOEXEC), XLAT(MFD_ALLOW_SEALING), XLAT(MFD_HUGETLB), XLAT(MFD_NOEXEC_SEAL),
	XLAT(MFD_EXEC), XLAT_END
};

const struct xlat xlat_close_range_flags[] = {
	XLAT(CLOSE_RANGE_UNSHARE), XLAT(CLOSE_RANGE_CLOEXEC), XLAT_END
};

/* statfs's f_type (<linux/magic.h>). */
const struct xlat xlat_fs_magics[] = {
	XLAT(EXT2_SUPER_MAGIC), XLAT(TMPFS_MAGIC), XLAT(PROC_SUPER_MAGIC), XLAT(SYSFS_MAGIC),
	XLAT(OVERLAYFS_SUPER_MAGIC), XLAT(BTRFS_SUPER_MAGIC), XLAT(XFS_SUPER_MAGIC),
	XLAT(CGROUP2_SUPER_MAGIC), XLAT(CGROUP_SUPER_MAGIC), XLAT(DEVPTS_SUPER_MAGIC),
	XLAT(NFS_SUPER_MAGIC), XLAT(SELINUX_MAGIC), XLAT(SQUASHFS_MAGIC),
	XLAT(FUSE_SUPER_MAGIC), XLAT(MSDOS_SUPER_MAGIC), XLAT(ISOFS_SUPER_MAGIC),
	XLAT(RAMFS_MAGIC), XLAT(DEBUGFS_MAGIC), XLAT(SECURITYFS_MAGIC), XLAT(BPF_FS_MAGIC),
	XLAT(TRACEFS_MAGIC), XLAT(NSFS_MAGIC), XLAT(PIPEFS_MAGIC), XLAT(SOCKFS_MAGIC),
	XLAT(V9FS_MAGIC), XLAT(ZFS_SUPER_MAGIC), XLAT(F2FS_SUPER_MAGIC),
	XLAT(BEFS_SUPER_MAGIC), XLAT(MQUEUE_MAGIC), XLAT(HUGETLBFS_MAGIC),
	XLAT(EFIVARFS_MAGIC), XLAT(BINFMTFS_MAGIC), XLAT(USBDEVICE_SUPER_MAGIC),
	XLAT(AUFS_SUPER_MAGIC), XLAT_END
};

/* statfs's f_flags (glibc's <sys/statvfs.h>: the kernel exports no names), ST_VALID first
 * as strace prints them. */
const struct xlat xlat_statfs_flags[] = {
	XLAT(ST_VALID), XLAT(ST_RDONLY), XLAT(ST_NOSUID), XLAT(ST_NODEV), XLAT(ST_NOEXEC),
	XLAT(ST_SYNCHRONOUS), XLAT(ST_MANDLOCK), XLAT(ST_NOATIME),
	XLAT(ST_NODIRATIME), XLAT(ST_RELATIME), XLAT(ST_NOSYMFOLLOW), XLAT_END
};
