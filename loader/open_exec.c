/*
 * loader/open_exec.c: mirrors fs/exec.c:open_exec()/do_open_execat() and the read of
 * prepare_binprm(). Differs: the kernel opens with MAY_EXEC and needs no read permission;
 * a user-space loader must read (and mmap) the file, so it opens O_RDONLY and then makes
 * the exec checks itself: regular file, an execute bit for us. The rest of do_open_execat()
 * (noexec mount, a file open for writing: ETXTBSY) and the LSM hook are asked of the kernel
 * itself on our fd with execveat(AT_EXECVE_CHECK), which runs them and stops (6.14+); where
 * that cannot be asked (an older kernel, a seccomp sandbox, valgrind) statfs tells noexec
 * and ETXTBSY goes unchecked.
 * Details name no path: the caller knows which file it opened (program, interpreter).
 */
#include <linux/errno.h>
#include <linux/stat.h>
#include <string.h>
#include "lib/path_search.h"
#include "loader/binprm.h"
#include "loader/sys.h"
#include "running_on_valgrind.h"

#ifndef AT_EACCESS
#define AT_EACCESS 0x200
#endif
#define ST_NOEXEC 8		/* statfs f_flags: mounted noexec */
#ifndef AT_EXECVE_CHECK
#define AT_EXECVE_CHECK 0x10000	/* linux/fcntl.h since 6.14 */
#endif

void close_file(struct elf_file *ef)
{
	if (ef->fd >= 0)
		sys_close(ef->fd);
	ef->fd = -1;
}

/*
 * Close the program and its interpreter once mapped. They were opened one after the other,
 * so their fds are usually neighbours: one close_range() then does for both.
 */
void close_file_pair(struct elf_file *x, struct elf_file *y)
{
	int lo = x->fd < y->fd ? x->fd : y->fd, hi = x->fd < y->fd ? y->fd : x->fd;

	if (lo >= 0 && hi == lo + 1 && sys_close_range((unsigned)lo, (unsigned)hi, 0) == 0)
		x->fd = y->fd = -1;
	close_file(x);
	close_file(y);
}

long read_file_at(struct elf_file *ef, void *buf, size_t len, unsigned long off)
{
	size_t done = 0;

	/* served from the head when it holds the range: no system call */
	if (off <= ef->head_len && ef->head_len - off >= len) {
		memcpy(buf, ef->head + off, len);
		return (long)len;
	}
	while (done < len) {
		long n = sys_pread(ef->fd, (char *)buf + done, len - done, off + done);

		if (n < 0)
			return n;
		if (n == 0)
			break;
		done += (size_t)n;
	}
	return (long)done;
}

/* path_unsearchable_dir()'s question, asked as a lookup asks it: the effective IDs. */
static int may_search(const char *dir)
{
	return (int)sys_faccessat2(AT_FDCWD, dir, 1 /* X_OK */, AT_EACCESS);
}

/*
 * Why open(O_RDONLY) said EACCES: a directory on the way that cannot be searched (execve
 * says EACCES too), or an execute-only file, deserves an honest message.
 */
static int explain_eacces(struct binprm *b, const char *path)
{
	struct stat st;
	char dir[PATH_SEARCH_MAX];
	long r = sys_newfstatat(AT_FDCWD, path, &st, 0);

	if (r == -EACCES && path_unsearchable_dir(path, dir, sizeof dir, may_search))
		return diag_fail(&b->diag, -EACCES, PATH_UNSEARCHABLE_FMT, dir);
	if (r == -EACCES)
		return diag_fail(&b->diag, -EACCES, "a directory of the path cannot be searched");
	if (r == 0 && S_ISREG(st.st_mode) &&
	    sys_faccessat2(AT_FDCWD, path, 1 /* X_OK */, AT_EACCESS) == 0)
		return diag_fail(&b->diag, -EACCES, "executable but not readable: the kernel needs "
			    "only the execute bit, a user-space loader must read the file");
	return diag_fail(&b->diag, -EACCES, "cannot open for reading");
}

/* MAY_EXEC: root needs one x bit; the owner its own; anyone else: ask the kernel. */
static int may_exec(struct binprm *b, struct elf_file *ef, const struct statx *st)
{
	if (!(st->stx_mode & 0111))
		return -EACCES;
	if (b->euid == 0)
		return 0;
	if (b->euid == st->stx_uid)
		return st->stx_mode & S_IXUSR ? 0 : -EACCES;
	/* groups and ACLs: the kernel's own verdict on our fd */
	return (int)sys_faccessat2(ef->fd, "", 1 /* X_OK */, AT_EACCESS | AT_EMPTY_PATH);
}

/*
 * execveat(AT_EXECVE_CHECK) said EPERM: a security module's verdict on this file, or a
 * seccomp sandbox refusing execveat itself (container runtimes answer EPERM to calls they
 * do not allow)? Ask the same question about a file that must pass: the loader's own
 * executable, /proc/self/exe. The kernel has just executed that very file in this very
 * process, so the file-based checks (mount, writers, a module's policy for it) let it
 * through; a filter on execveat refuses it all the same. Only a policy that moved this
 * process to a domain that may not execute its own file could blur the answer, and then
 * the first EPERM stands, which is the safe side. No /proc (ENOENT): the first EPERM
 * stands too. One extra system call, only after an EPERM.
 */
static int execveat_sandboxed(void)
{
	const char *argv[] = { "loader", NULL }, *envp[] = { NULL };

	return sys_execveat(AT_FDCWD, "/proc/self/exe", argv, envp, AT_EXECVE_CHECK) == -EPERM;
}

/*
 * Ask the kernel's exec check about ef: execveat(fd, "", AT_EMPTY_PATH | AT_EXECVE_CHECK)
 * runs the end of do_open_execat() and security_bprm_creds_for_exec() and stops, returning
 * 0 (6.14+). Returns its answer, or sets *unasked to why it cannot be had:
 *   - under valgrind, which carries execveat out itself as a real exec of the file with
 *     the arguments given (valgrind does not know AT_EXECVE_CHECK): the loader would be
 *     replaced by the program, run with no arguments. Not asked at all (no system call:
 *     the client request is a few register instructions);
 *   - EINVAL: a kernel before 6.14 (no AT_EXECVE_CHECK);
 *   - ENOSYS: a seccomp filter hides execveat (or a kernel before 3.19 has none);
 *   - EPERM for any file: a seccomp filter refuses execveat (execveat_sandboxed()).
 */
static long ask_exec_check(struct elf_file *ef, const char **unasked)
{
	const char *argv[] = { ef->path, NULL }, *envp[] = { NULL };	/* argc 0 would warn */
	long r;

	*unasked = NULL;
	if (running_on_valgrind()) {
		*unasked = "running under valgrind, which would carry execveat(AT_EXECVE_CHECK) "
			   "out as a real exec";
		return -EINVAL;
	}
	r = sys_execveat(ef->fd, "", argv, envp, AT_EMPTY_PATH | AT_EXECVE_CHECK);
	if (r == -EINVAL)
		*unasked = "no AT_EXECVE_CHECK before Linux 6.14";
	else if (r == -ENOSYS)
		*unasked = "execveat is refused with ENOSYS (a seccomp filter)";
	else if (r == -EPERM && execveat_sandboxed())
		*unasked = "execveat is refused with EPERM for any file (a seccomp filter)";
	return r;
}

/*
 * The end of do_open_execat() (path_noexec(), exe_file_deny_write_access()) and
 * bprm_execve()'s security_bprm_creds_for_exec(), run by the kernel on our file
 * (ask_exec_check()). It costs ~20 us (the kernel builds a bprm), one system call per
 * file. statfs is asked only to explain a refusal, where the kernel's check cannot be
 * asked, or for a file with set-ID bits (bprm_creds_from_file() looks at nosuid).
 */
static int do_open_execat(struct binprm *b, struct elf_file *ef, const struct statx *st)
{
	const char *unasked;
	struct statfs sf;
	long r = ask_exec_check(ef, &unasked);

	sf.f_flags = 0;
	if (r != 0 || (st->stx_mode & (S_ISUID | S_ISGID))) {
		if (sys_fstatfs(ef->fd, &sf) < 0)
			sf.f_flags = 0;
		ef->mnt_flags = (unsigned long)sf.f_flags;
	}
	if (r == 0) {
		say(b, "%s: no noexec mount, no writer (ETXTBSY), no LSM refusal: the kernel's own "
		    "checks, asked with execveat(AT_EXECVE_CHECK)", ef->path);
		return 0;
	}
	if (unasked) {		/* the older checks: noexec only */
		if (sf.f_flags & ST_NOEXEC)
			return diag_fail(&b->diag, -EACCES, "on a noexec mount");
		say(b, "%s: no noexec mount (statfs); %s, so ETXTBSY and LSM refusals are not "
		    "seen", ef->path, unasked);
		return 0;
	}
	if (r == -EACCES)	/* the execute bits were ours to check, and passed */
		return diag_fail(&b->diag, -EACCES, "%s", sf.f_flags & ST_NOEXEC ? "on a noexec mount"
			    : "refused by the kernel's exec check (a security module, or a "
			    "file system that allows no exec)");
	if (r == -ETXTBSY)
		return diag_fail(&b->diag, -ETXTBSY, "open for writing: the kernel refuses to run "
			    "a file being written");
	if (r == -EPERM)
		return diag_fail(&b->diag, -EPERM, "refused by the kernel's exec check (a security "
			    "module)");
	return diag_fail(&b->diag, (int)r, "the kernel's exec check (execveat AT_EXECVE_CHECK)");
}

int open_exec(struct binprm *b, const char *path, struct elf_file *ef)
{
	struct statx st;
	long n;

	ef->fd = -1;
	ef->path = path;
	ef->mnt_flags = 0;
	b->diag.text[0] = '\0';
	/*
	 * execve("") fails with ENOENT (getname refuses empty names), but an interpreter
	 * path is opened by the kernel itself (getname_kernel), where "" resolves to the
	 * current directory, which is not a regular file: EACCES.
	 */
	if (!*path)
		return ef->role == FILE_SLOT0 && b->depth == 0 ? diag_fail(&b->diag, -ENOENT, "empty file name")
			: diag_fail(&b->diag, -EACCES, "empty path: the kernel resolves it to the "
				    "current directory");
	/* O_NONBLOCK: opening a fifo must not block before we can say it is not a file */
	n = sys_openat(AT_FDCWD, path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
	if (n == -EACCES)
		return explain_eacces(b, path);
	if (n < 0)
		return (int)(b->diag.err = (int)n);
	ef->fd = (int)n;
	n = sys_statx(ef->fd, "", AT_EMPTY_PATH, STATX_BASIC_STATS, &st);
	if (n < 0)
		return diag_fail(&b->diag, (int)n, "statx");
	if (!S_ISREG(st.stx_mode))
		return diag_fail(&b->diag, -EACCES, "%s",
			    S_ISDIR(st.stx_mode) ? "is a directory" : "not a regular file");
	if (may_exec(b, ef, &st) < 0)
		return diag_fail(&b->diag, -EACCES, "no execute permission");
	n = do_open_execat(b, ef, &st);
	if (n < 0)
		return (int)n;
	ef->size = st.stx_size;
	ef->mode = st.stx_mode;
	ef->uid = st.stx_uid;
	ef->gid = st.stx_gid;

	/* prepare_binprm(): the first bytes, zero-padded (kernel_read of BINPRM_BUF_SIZE) */
	n = sys_read(ef->fd, ef->head, HEAD_SIZE);
	if (n < 0)
		return diag_fail(&b->diag, (int)n, "read");
	ef->head_len = (size_t)n;
	if (ef->head_len < BINPRM_BUF_SIZE)
		memset(ef->head + ef->head_len, 0, BINPRM_BUF_SIZE - ef->head_len);
	if (ef->head_len < sizeof ef->eh)
		memset(ef->head + ef->head_len, 0, sizeof ef->eh - ef->head_len);
	memcpy(&ef->eh, ef->head, sizeof ef->eh);
	return 0;
}
