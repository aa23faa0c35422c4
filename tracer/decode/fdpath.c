/*
 * tracer/decode/fdpath.c: what -y and -yy print after an fd, as strace does: the target of
 * /proc/PID/fd/N in angle brackets ("3</etc/passwd>", "3<pipe:[12345]>",
 * "3<anon_inode:[eventfd]>"); with -yy, sockets by protocol and addresses
 * ("3<TCP:[127.0.0.1:41234->127.0.0.1:80]>", "3<UNIX:[12345,\"/path\"]>", from
 * /proc/net/{tcp,udp,unix} found by inode) and devices by number
 * ("3</dev/null<char 1:3>>"). Also the calls whose result is a new fd.
 */
#include <arpa/inet.h>
#include <fcntl.h>
#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>
#include "tracer/decode/common.h"

/* The characters strace escapes inside an fd's angle brackets. */
static const char brackets[] = "<>";

/* Calls whose successful result is a new fd. */
static const char *const fd_calls[] = {
	"open", "openat", "openat2", "creat", "open_by_handle_at", "dup", "dup2", "dup3",
	"socket", "accept", "accept4", "epoll_create", "epoll_create1", "eventfd", "eventfd2",
	"signalfd", "signalfd4", "timerfd_create", "inotify_init", "inotify_init1",
	"fanotify_init", "memfd_create", "memfd_secret", "pidfd_open", "pidfd_getfd",
	"perf_event_open", "userfaultfd", "io_uring_setup", "fsopen", "fspick", "fsmount",
	"open_tree", "mq_open", "landlock_create_ruleset",
};

int call_returns_fd(const struct call *c)
{
	const char *name = sysent_name(c->pers, c->nr);
	size_t i;

	for (i = 0; name && i < sizeof fd_calls / sizeof fd_calls[0]; i++)
		if (!strcmp(name, fd_calls[i]))
			return 1;
	return 0;
}

/* An IPv4 address and port as /proc/net/tcp writes them ("0100007F:1F90"), as "a.b.c.d:p". */
static void sprint_inet(char *out, size_t cap, const char *field)
{
	unsigned int addr, port;
	struct in_addr in;
	char ip[INET_ADDRSTRLEN];

	if (sscanf(field, "%8X:%4X", &addr, &port) != 2) {
		snprintf(out, cap, "?");
		return;
	}
	in.s_addr = addr;	/* the kernel prints the network-order word as a host integer */
	inet_ntop(AF_INET, &in, ip, sizeof ip);
	snprintf(out, cap, "%s:%u", ip, port);
}

/* "TCP:[a:p->b:q]" for the socket of inode in /proc/net/FILE; 0 if not there. */
static int inet_details(struct strbuf *sb, const char *file, const char *proto,
			unsigned long inode)
{
	char path[64], line[512], local[64], remote[64];
	int found = 0;
	FILE *f;

	snprintf(path, sizeof path, "/proc/net/%s", file);
	f = fopen(path, "re");
	if (!f)
		return 0;
	while (!found && fgets(line, sizeof line, f)) {
		char la[64], ra[64];
		unsigned long ino;

		if (sscanf(line, "%*d: %63s %63s %*x %*x:%*x %*x:%*x %*x %*u %*u %lu", la, ra,
			   &ino) != 3 || ino != inode)
			continue;
		sprint_inet(local, sizeof local, la);
		sprint_inet(remote, sizeof remote, ra);
		if (strcmp(ra, "00000000:0000"))
			sb_printf(sb, "<%s:[%s->%s]>", proto, local, remote);
		else
			sb_printf(sb, "<%s:[%s]>", proto, local);
		found = 1;
	}
	fclose(f);
	return found;
}

/* "UNIX:[inode]" or "UNIX:[inode,\"path\"]" from /proc/net/unix; 0 if not there. */
static int unix_details(struct strbuf *sb, unsigned long inode)
{
	char line[PATH_MAX + 128];
	int found = 0;
	FILE *f = fopen("/proc/net/unix", "re");

	if (!f)
		return 0;
	while (!found && fgets(line, sizeof line, f)) {
		unsigned long ino;
		int end = 0;
		char *name;

		if (sscanf(line, "%*x: %*x %*x %*x %*x %*x %lu%n", &ino, &end) != 1 || ino != inode)
			continue;
		name = line + end;
		name += strspn(name, " ");
		name[strcspn(name, "\n")] = '\0';
		sb_printf(sb, "<UNIX:[%lu", inode);
		if (*name) {
			sb_puts(sb, ",\"");
			print_escaped(sb, (const unsigned char *)name, strlen(name), 0);
			sb_putc(sb, '"');
		}
		sb_puts(sb, "]>");
		found = 1;
	}
	fclose(f);
	return found;
}

/* -yy's socket: "<TCP:[...]>" and the like, "<socket:[N]>" when no table has it. */
static int print_socket(struct strbuf *sb, const char *target)
{
	static const struct { const char *file, *proto; } inet[] = {
		{ "tcp", "TCP" }, { "udp", "UDP" },
	};
	unsigned long inode;
	size_t i;

	if (sscanf(target, "socket:[%lu]", &inode) != 1)
		return 0;
	for (i = 0; i < sizeof inet / sizeof inet[0]; i++)
		if (inet_details(sb, inet[i].file, inet[i].proto, inode))
			return 1;
	if (unix_details(sb, inode))
		return 1;
	sb_printf(sb, "<%s>", target);
	return 1;
}

/* -yy's device: "</dev/null<char 1:3>>". */
static int print_dev(struct strbuf *sb, const char *target)
{
	struct stat st;

	if (target[0] != '/' || stat(target, &st) < 0 ||
	    !(S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode)))
		return 0;
	sb_putc(sb, '<');
	print_escaped_ex(sb, (const unsigned char *)target, strlen(target), 0, brackets);
	sb_printf(sb, "<%s %u:%u>>", S_ISBLK(st.st_mode) ? "block" : "char",
		  major(st.st_rdev), minor(st.st_rdev));
	return 1;
}

/* Appends what -y/-yy print for the /proc/PID/NAME link ("fd/3", "cwd"), if readable. */
static void print_link(struct dctx *d, const char *name)
{
	char link[64], target[PATH_MAX + 1];
	ssize_t n;

	if (!d->o->decode_fds || !d->mem || d->mem->pid <= 0)
		return;
	snprintf(link, sizeof link, "/proc/%d/%s", d->mem->pid, name);
	n = readlink(link, target, sizeof target - 1);
	if (n < 0)
		return;
	target[n] = '\0';
	if (d->o->decode_fds >= 2 && (print_socket(d->sb, target) || print_dev(d->sb, target)))
		return;
	sb_putc(d->sb, '<');
	print_escaped_ex(d->sb, (const unsigned char *)target, (size_t)n, 0, brackets);
	sb_putc(d->sb, '>');
}

void print_fd(struct dctx *d, int fd)
{
	char name[32];

	sb_printf(d->sb, "%d", fd);
	if (fd < 0)
		return;
	snprintf(name, sizeof name, "fd/%d", fd);
	print_link(d, name);
}

void print_at_fdcwd(struct dctx *d)
{
	print_dirfd(d->sb, AT_FDCWD);
	print_link(d, "cwd");
}

void print_fd_array2(struct dctx *d, const int fds[2])
{
	sb_putc(d->sb, '[');
	print_fd(d, fds[0]);
	sb_puts(d->sb, ", ");
	print_fd(d, fds[1]);
	sb_putc(d->sb, ']');
}
