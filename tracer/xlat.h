/*
 * tracer/xlat.h: value -> name tables (flags and enums) and their printers, used by the
 * decoders. The tables (tracer/decode/xlat_*.c) take every value from a header by name,
 * XLAT(O_CLOEXEC) being { O_CLOEXEC, "O_CLOEXEC" }: the kernel's uapi headers where it
 * exports the name (so O_LARGEFILE is the kernel's 0100000, not glibc's 0), glibc's where
 * only glibc has it (the socket API, R_OK, S_IFREG), and tracer/decode/xlat_compat.h for
 * the names the build machine's headers are too old to have.
 *
 * This header includes no system header beyond <stdint.h>, so that a table file can include
 * the uapi headers, which clash with glibc's <signal.h> and <fcntl.h>.
 */
#ifndef EXECLAB_XLAT_H
#define EXECLAB_XLAT_H

#include <stddef.h>
#include <stdint.h>

struct strbuf;

struct xlat {
	uint64_t val;
	const char *name;
};

/* An entry whose name is the macro's own spelling; tables end with XLAT_END. */
#define XLAT(v) { (uint64_t)(v), #v }
#define XLAT_N(v, name) { (uint64_t)(v), name }
#define XLAT_END { 0, NULL }

/*
 * -X: how the printers below show a value that has a name (strace's xlat styles):
 *   abbrev   the name: O_RDONLY|O_CLOEXEC (the default)
 *   raw      the number only: 0x80000 (0 as 0; signals and AT_FDCWD in decimal)
 *   verbose  both: 0x80000 /\* O_RDONLY|O_CLOEXEC *\/
 * Comments after a result (" (flags FD_CLOEXEC)") keep the names in every style.
 */
enum xlat_style { XLAT_STYLE_ABBREV = 0, XLAT_STYLE_RAW, XLAT_STYLE_VERBOSE };
/* Sets the style every printer follows; returns the previous one. */
enum xlat_style xlat_set_style(enum xlat_style style);
enum xlat_style xlat_get_style(void);
/* How xlat_print_styled shows the number: 0x22, -100, 18446744073709551615, 0100644. */
enum xlat_num { XLAT_NUM_HEX = 0, XLAT_NUM_DEC, XLAT_NUM_UDEC, XLAT_NUM_OCT };
/* Appends text (val's names, as abbrev prints them) in the current style: text, the
 * number, or both. */
void xlat_print_styled(struct strbuf *sb, uint64_t val, enum xlat_num num, const char *text);
/* Appends what print(tmp, val) appends in abbrev style, in the current style (for the
 * printers that make one value's text of several tables, as mmap's flags). */
void xlat_print_styled_by(struct strbuf *sb, uint64_t val, enum xlat_num num,
			  void (*print)(struct strbuf *sb, uint64_t val));

/* The name of val in x, or NULL. */
const char *xlat_name(const struct xlat *x, uint64_t val);

/*
 * Appends val's name or, if x has none, val in hex followed by a comment naming the family,
 * strace's form for an unknown enum value: "0x3001 /\* ARCH_??? *\/". unknown may be NULL
 * (then only the hex number is printed).
 */
void xlat_print_enum(struct strbuf *sb, const struct xlat *x, uint64_t val, const char *unknown);

/*
 * Appends val as "A|B|0x40" (entries in table order; an entry matches when all its bits are
 * set; bits no entry names are printed last in hex). Zero prints zero_name, or "0" if NULL.
 * Returns the number of names printed (raw style: 1 for a nonzero value, so that a caller
 * adds no "unknown" comment to a bare number).
 */
int xlat_print_flags(struct strbuf *sb, const struct xlat *x, uint64_t val, const char *zero_name);

/* Flag and enum tables (tracer/xlat.c). */
extern const struct xlat xlat_open_access[];	/* O_RDONLY, O_WRONLY, O_RDWR */
extern const struct xlat xlat_open_flags[];	/* O_CREAT ... (without the access mode) */
extern const struct xlat xlat_at_flags[];	/* AT_SYMLINK_NOFOLLOW, AT_EMPTY_PATH, ... */
extern const struct xlat xlat_execveat_flags[];	/* ..., AT_EXECVE_CHECK */
extern const struct xlat xlat_at_eaccess_flags[]; /* faccessat2: AT_EACCESS, ... */
extern const struct xlat xlat_unlinkat_flags[];	/* AT_REMOVEDIR */
extern const struct xlat xlat_statx_sync[];	/* AT_STATX_SYNC_AS_STAT, ... */
extern const struct xlat xlat_statx_mask[];
extern const struct xlat xlat_statx_attrs[];
extern const struct xlat xlat_access_modes[];	/* R_OK W_OK X_OK */
extern const struct xlat xlat_prot[];
extern const struct xlat xlat_map_type[];
extern const struct xlat xlat_map_flags[];
extern const struct xlat xlat_mremap_flags[];
extern const struct xlat xlat_madvise[];
extern const struct xlat xlat_msync_flags[];
extern const struct xlat xlat_mpol_modes[];	/* MPOL_DEFAULT ... */
extern const struct xlat xlat_mpol_mode_flags[];	/* MPOL_F_STATIC_NODES ... */
extern const struct xlat xlat_mbind_flags[];
extern const struct xlat xlat_get_mempolicy_flags[];
extern const struct xlat xlat_arch_prctl[];
extern const struct xlat xlat_rlimit[];
extern const struct xlat xlat_grnd[];
extern const struct xlat xlat_futex_ops[];
extern const struct xlat xlat_sigprocmask_how[];
extern const struct xlat xlat_sa_flags[];
extern const struct xlat xlat_sa_handler[];	/* SIG_DFL, SIG_IGN */
extern const struct xlat xlat_ss_flags[];
extern const struct xlat xlat_clone_flags[];
extern const struct xlat xlat_wait_options[];
extern const struct xlat xlat_waitid_options[];
extern const struct xlat xlat_waitid_types[];	/* P_ALL, P_PID, ... */
extern const struct xlat xlat_ioctl_requests[];
extern const struct xlat xlat_fcntl_cmds[];
extern const struct xlat xlat_fd_flags[];	/* FD_CLOEXEC */
extern const struct xlat xlat_flock_types[];	/* struct flock's l_type: F_RDLCK ... */
extern const struct xlat xlat_seek_whence[];
extern const struct xlat xlat_address_families[];
extern const struct xlat xlat_socket_types[];
extern const struct xlat xlat_socket_flags[];
extern const struct xlat xlat_ip_protocols[];
extern const struct xlat xlat_clocks[];
extern const struct xlat xlat_timer_flags[];	/* TIMER_ABSTIME */
extern const struct xlat xlat_prctl_options[];
extern const struct xlat xlat_capabilities[];	/* CAP_CHOWN ... */
extern const struct xlat xlat_pr_cap_ambient[];	/* PR_CAP_AMBIENT_IS_SET ... */
extern const struct xlat xlat_unshare_flags[];	/* CLONE_NEWNS ... */
extern const struct xlat xlat_file_types[];	/* S_IFREG ... */
extern const struct xlat xlat_poll_events[];
extern const struct xlat xlat_rusage_who[];
extern const struct xlat xlat_fadvise[];
extern const struct xlat xlat_shutdown_how[];
extern const struct xlat xlat_msg_flags[];
extern const struct xlat xlat_sock_levels[];
extern const struct xlat xlat_epoll_ctl_ops[];
extern const struct xlat xlat_epoll_events[];
extern const struct xlat xlat_eventfd_flags[];	/* EFD_* */
extern const struct xlat xlat_pipe_flags[];	/* O_CLOEXEC, O_NONBLOCK, O_DIRECT */
extern const struct xlat xlat_rename_flags[];
extern const struct xlat xlat_mount_flags[];	/* MS_* */
extern const struct xlat xlat_umount_flags[];	/* MNT_FORCE ... */
extern const struct xlat xlat_mfd_flags[];
extern const struct xlat xlat_close_range_flags[];
extern const struct xlat xlat_personality_types[];	/* PER_LINUX, ... (the low byte) */
extern const struct xlat xlat_personality_flags[];	/* ADDR_NO_RANDOMIZE, ... */
extern const struct xlat xlat_membarrier_cmds[];
extern const struct xlat xlat_itimer_which[];
extern const struct xlat xlat_sched_policies[];
extern const struct xlat xlat_ioprio_who[];	/* IOPRIO_WHO_PROCESS, ... */
extern const struct xlat xlat_ioprio_class[];	/* IOPRIO_CLASS_NONE, ... */
extern const struct xlat xlat_priority_which[];
extern const struct xlat xlat_flock_ops[];
extern const struct xlat xlat_ptrace_requests[];
extern const struct xlat xlat_seccomp_ops[];
extern const struct xlat xlat_fs_magics[];	/* statfs f_type */
extern const struct xlat xlat_statfs_flags[];	/* statfs f_flags: ST_* */
extern const struct xlat xlat_epoll_create_flags[];
extern const struct xlat xlat_inotify_init_flags[];	/* IN_NONBLOCK, IN_CLOEXEC */
extern const struct xlat xlat_inotify_flags[];	/* inotify_add_watch mask: IN_* */
extern const struct xlat xlat_uring_setup_flags[];	/* IORING_SETUP_* */
extern const struct xlat xlat_uring_setup_features[];	/* IORING_FEAT_* */
extern const struct xlat xlat_uring_enter_flags[];	/* IORING_ENTER_* */
extern const struct xlat xlat_uring_register_opcodes[];	/* IORING_(UN)REGISTER_* */
extern const struct xlat xlat_netlink_protocols[];
extern const struct xlat xlat_nlmsg_types[];	/* NLMSG_NOOP ... */
extern const struct xlat xlat_nlmsg_flags[];	/* NLM_F_REQUEST ... */
extern const struct xlat xlat_nlmsg_ack_flags[];	/* NLMSG_ERROR's: NLM_F_CAPPED ... */
/* rtnetlink (tracer/decode/xlat_rtnl.c) */
extern const struct xlat xlat_rtm_types[];	/* RTM_* message types of NETLINK_ROUTE */
extern const struct xlat xlat_nlm_get_flags[];	/* GET's: NLM_F_DUMP first */
extern const struct xlat xlat_nlm_new_flags[];	/* flags of a NEW request */
extern const struct xlat xlat_nlm_delete_flags[];	/* flags of a DEL request */
extern const struct xlat xlat_ifla_attrs[];	/* struct ifinfomsg's attributes */
extern const struct xlat xlat_ifla_info_attrs[];	/* IFLA_LINKINFO's */
extern const struct xlat xlat_ifla_xdp_attrs[];	/* IFLA_XDP's */
extern const struct xlat xlat_xdp_attached[];	/* IFLA_XDP_ATTACHED's values */
extern const struct xlat xlat_xdp_flags[];	/* IFLA_XDP_FLAGS */
extern const struct xlat xlat_rtext_filter[];	/* IFLA_EXT_MASK */
extern const struct xlat xlat_ifla_events[];	/* IFLA_EVENT */
extern const struct xlat xlat_ifla_inet_attrs[];	/* IFLA_AF_SPEC's AF_INET */
extern const struct xlat xlat_ifla_inet6_attrs[];	/* IFLA_AF_SPEC's AF_INET6 */
extern const struct xlat xlat_inet6_if_flags[];	/* IFLA_INET6_FLAGS */
extern const struct xlat xlat_in6_addr_gen_mode[];	/* IFLA_INET6_ADDR_GEN_MODE */
extern const struct xlat xlat_inet6_devconf[];	/* IFLA_INET6_CONF's indices */
extern const struct xlat xlat_inet_devconf[];	/* IFLA_INET_CONF's indices */
extern const struct xlat xlat_rtnh_flags[];	/* RTA_MULTIPATH's rtnh_flags */
extern const struct xlat xlat_ip_stats[];	/* IFLA_INET6_STATS's indices */
extern const struct xlat xlat_icmp6_stats[];	/* IFLA_INET6_ICMP6STATS's indices */
extern const struct xlat xlat_arphrd[];	/* ifi_type */
extern const struct xlat xlat_iff_flags[];	/* ifi_flags */
extern const struct xlat xlat_ifa_flags[];	/* ifa_flags and IFA_FLAGS */
extern const struct xlat xlat_ifa_attrs[];	/* struct ifaddrmsg's attributes */
extern const struct xlat xlat_rt_scopes[];	/* rtm_scope, ifa_scope */
extern const struct xlat xlat_rt_tables[];	/* rtm_table, RTA_TABLE */
extern const struct xlat xlat_rt_protocols[];	/* rtm_protocol */
extern const struct xlat xlat_rt_types[];	/* rtm_type */
extern const struct xlat xlat_rtm_flags[];	/* rtm_flags */
extern const struct xlat xlat_iptos[];	/* rtm_tos */
extern const struct xlat xlat_rta_attrs[];	/* struct rtmsg's attributes */
extern const struct xlat xlat_rtax_attrs[];	/* RTA_METRICS's */
extern const struct xlat xlat_sol_socket_options[];	/* SO_* */
extern const struct xlat xlat_sol_ip_options[];	/* IP_* */
extern const struct xlat xlat_sol_ipv6_options[];	/* IPV6_* */
extern const struct xlat xlat_sol_tcp_options[];	/* TCP_* */
extern const struct xlat xlat_sol_udp_options[];	/* UDP_* */
extern const struct xlat xlat_sol_netlink_options[];	/* NETLINK_* */
extern const struct xlat xlat_scm_types[];
extern const struct xlat xlat_sigev_notify[];
/* si_code: the values any signal may carry (SI_USER, SI_KERNEL, ...), then per signal. */
extern const struct xlat xlat_si_codes_generic[];
extern const struct xlat xlat_si_codes_chld[];
extern const struct xlat xlat_si_codes_segv[];
extern const struct xlat xlat_si_codes_bus[];
extern const struct xlat xlat_si_codes_ill[];
extern const struct xlat xlat_si_codes_fpe[];
extern const struct xlat xlat_si_codes_trap[];
extern const struct xlat xlat_si_codes_poll[];
extern const struct xlat xlat_si_codes_sys[];

/* Appends a file mode as strace prints it in a stat: "S_IFREG|0644", "S_IFDIR|S_ISVTX|0777". */
void print_file_mode(struct strbuf *sb, uint32_t mode);
/* Appends a mode_t argument: "0644" (octal, with the set-id bits), "000" for 0. */
void print_mode_arg(struct strbuf *sb, uint32_t mode);
/* Appends openat's flags: "O_RDONLY|O_CLOEXEC". */
void print_open_flags(struct strbuf *sb, uint64_t flags);
/* Appends a signal number as strace prints it in arguments: "SIGTERM", or the number. */
void print_signo(struct strbuf *sb, int sig);
/* Appends a dirfd: "AT_FDCWD" for -100, else the number. */
void print_dirfd(struct strbuf *sb, int fd);
/* Appends a kernel sigset given as bytes: "[INT TERM]", "[]", "~[RTMIN RT_1]". */
void print_sigset_bytes(struct strbuf *sb, const unsigned char *set, size_t bytes);
/* The "(No such file or directory)" message of err, or NULL if unknown. */
const char *errno_message(int err);
/* Appends a wait status: "[{WIFEXITED(s) && WEXITSTATUS(s) == 0}]". */
void print_wait_status(struct strbuf *sb, int status);

#endif
