/*
 * tracer/decode/xlat_compat.h: the flag and enum names trace prints that the build
 * machine's headers may lack (Debian 12: Linux 6.1 uapi headers, glibc 2.36), each with its
 * value and the header and Linux version that define it. Included after the real headers,
 * so a header that has the name wins.
 */
#ifndef EXECLAB_DECODE_XLAT_COMPAT_H
#define EXECLAB_DECODE_XLAT_COMPAT_H

/* <linux/fcntl.h> */
#ifndef AT_EXECVE_CHECK
#define AT_EXECVE_CHECK 0x10000		/* Linux 6.14 */
#endif
#ifndef F_DUPFD_QUERY
#define F_DUPFD_QUERY 1027		/* F_LINUX_SPECIFIC_BASE + 3, Linux 6.10 */
#endif

/*
 * <asm-generic/fcntl.h> defines these only where long is 32 bits (i386 programs use them);
 * glibc's <fcntl.h> on x86_64 gives the names the values of F_GETLK..., hence the _I386
 * names for the decoders.
 */
#define F_GETLK64_I386 12
#define F_SETLK64_I386 13
#define F_SETLKW64_I386 14
#ifndef F_GETLK64
#define F_GETLK64 F_GETLK64_I386
#define F_SETLK64 F_SETLK64_I386
#define F_SETLKW64 F_SETLKW64_I386
#endif

/*
 * umount2's flags: no uapi header exports them (the kernel's include/linux/fs.h), and glibc's
 * <sys/mount.h>, which has them, clashes with <linux/mount.h>.
 */
#ifndef MNT_FORCE
#define MNT_FORCE 0x00000001
#define MNT_DETACH 0x00000002
#define MNT_EXPIRE 0x00000004
#define UMOUNT_NOFOLLOW 0x00000008
#endif

/* <linux/stat.h> */
#ifndef STATX_MNT_ID_UNIQUE
#define STATX_MNT_ID_UNIQUE 0x4000U	/* Linux 6.8 */
#endif
#ifndef STATX_SUBVOL
#define STATX_SUBVOL 0x8000U		/* Linux 6.10 */
#endif
#ifndef STATX_WRITE_ATOMIC
#define STATX_WRITE_ATOMIC 0x10000U	/* Linux 6.11 */
#endif
#ifndef STATX_ATTR_WRITE_ATOMIC
#define STATX_ATTR_WRITE_ATOMIC 0x400000	/* Linux 6.11 */
#endif

/* <linux/memfd.h> */
#ifndef MFD_NOEXEC_SEAL
#define MFD_NOEXEC_SEAL 0x0008U		/* Linux 6.3 */
#endif
#ifndef MFD_EXEC
#define MFD_EXEC 0x0010U		/* Linux 6.3 */
#endif

/* arm64's <asm/mman.h>: strace names them on every architecture. */
#ifndef PROT_BTI
#define PROT_BTI 0x10			/* Linux 5.8 */
#endif
#ifndef PROT_MTE
#define PROT_MTE 0x20			/* Linux 5.10 */
#endif

/* x86's <asm/mman.h> */
#ifndef MAP_ABOVE4G
#define MAP_ABOVE4G 0x80		/* Linux 6.5 */
#endif

/* x86's <asm/prctl.h> */
#ifndef ARCH_GET_UNTAG_MASK
#define ARCH_GET_UNTAG_MASK 0x4001	/* Linux 6.4 */
#define ARCH_ENABLE_TAGGED_ADDR 0x4002	/* Linux 6.4 */
#define ARCH_GET_MAX_TAG_BITS 0x4003	/* Linux 6.4 */
#endif
#ifndef ARCH_FORCE_TAGGED_SVA
#define ARCH_FORCE_TAGGED_SVA 0x4004	/* Linux 6.4 */
#endif
#ifndef ARCH_SHSTK_ENABLE
#define ARCH_SHSTK_ENABLE 0x5001	/* Linux 6.6 */
#define ARCH_SHSTK_DISABLE 0x5002	/* Linux 6.6 */
#define ARCH_SHSTK_LOCK 0x5003		/* Linux 6.6 */
#define ARCH_SHSTK_UNLOCK 0x5004	/* Linux 6.6 */
#define ARCH_SHSTK_STATUS 0x5005	/* Linux 6.6 */
#endif

/* <linux/prctl.h> */
#ifndef PR_SET_MDWE
#define PR_SET_MDWE 65			/* Linux 6.3 */
#define PR_GET_MDWE 66			/* Linux 6.3 */
#endif

/* <linux/magic.h> lacks these: the kernel keeps them private or the file system is not in it. */
#ifndef MQUEUE_MAGIC
#define MQUEUE_MAGIC 0x19800202		/* ipc/mqueue.c */
#endif
#ifndef BEFS_SUPER_MAGIC
#define BEFS_SUPER_MAGIC 0x42465331	/* fs/befs/befs_fs_types.h's BEFS_SUPER_MAGIC1 */
#endif
#ifndef ZFS_SUPER_MAGIC
#define ZFS_SUPER_MAGIC 0x2fc12fc1	/* OpenZFS, out of tree */
#endif
#ifndef AUFS_SUPER_MAGIC
#define AUFS_SUPER_MAGIC 0x61756673	/* aufs, out of tree */
#endif

/* statfs's f_flags: glibc's <sys/statvfs.h> lacks the kernel's ST_VALID (include/linux/statfs.h). */
#ifndef ST_VALID
#define ST_VALID 0x0020
#endif
#ifndef ST_NOSYMFOLLOW
#define ST_NOSYMFOLLOW 0x2000		/* Linux 5.10; glibc 2.39 */
#endif

/*
 * Socket option levels the kernel keeps private (include/linux/socket.h) and whose own
 * headers (lksctp's <netinet/sctp.h>) may be missing.
 */
#ifndef SOL_SCTP
#define SOL_SCTP 132
#endif
#ifndef SOL_UDPLITE
#define SOL_UDPLITE 136
#endif

/* SOL_IPV6: RFC 3542's IPV6_USE_MIN_MTU, which neither glibc nor the kernel defines. */
#ifndef IPV6_USE_MIN_MTU
#define IPV6_USE_MIN_MTU 63
#endif

/* Control messages: SCM_SECURITY is private to the kernel (include/linux/socket.h). */
#ifndef SCM_SECURITY
#define SCM_SECURITY 0x03
#endif
#ifndef SCM_PIDFD
#define SCM_PIDFD 0x04			/* <asm-generic/socket.h>, Linux 6.5 */
#endif

/*
 * x86's <asm/signal.h> has SA_RESTORER, but it cannot be included with glibc's <signal.h>,
 * which the decoders use, and glibc does not define it.
 */
#ifndef SA_RESTORER
#define SA_RESTORER 0x04000000
#endif

/*
 * The kernel's own errnos that a tracer sees as a call's result (include/linux/errno.h,
 * never exported): the restart codes of an interrupted call, and a few that leak from
 * drivers and NFS.
 */
#define ERESTARTSYS 512
#define ERESTARTNOINTR 513
#define ERESTARTNOHAND 514
#define ENOIOCTLCMD 515
#define ERESTART_RESTARTBLOCK 516
#define EPROBE_DEFER 517
#define EOPENSTALE 518
#define ENOPARAM 519
#define EBADHANDLE 521
#define ENOTSYNC 522
#define EBADCOOKIE 523
#define ENOTSUPP 524
#define ETOOSMALL 525
#define ESERVERFAULT 526
#define EBADTYPE 527
#define EJUKEBOX 528
#define EIOCBQUEUED 529
#define ERECALLCONFLICT 530

/* <asm-generic/siginfo.h> */
#ifndef SEGV_CPERR
#define SEGV_CPERR 10			/* Linux 6.6 */
#endif

/* A scheduling policy proposed for Linux and never merged; strace names it. */
#ifndef SCHED_ISO
#define SCHED_ISO 4
#endif

/*
 * personality(2): 0xffffffff asks for the current persona without changing it (no header
 * names it; strace prints the number).
 */
#define PERSONALITY_QUERY 0xffffffffU

#endif
