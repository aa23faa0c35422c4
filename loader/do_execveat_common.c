/*
 * loader/do_execveat_common.c: mirrors fs/exec.c:do_execveat_common() (take the filename,
 * argv and envp; start bprm_execve). Differs: argv and envp are the loader's own (already
 * counted and limited by the kernel when it ran the loader), and a PROGRAM without a
 * slash is first searched in PATH as env(1) does (the kernel never searches PATH).
 */
#include <linux/errno.h>
#include <string.h>
#include "loader/binprm.h"
#include "loader/sys.h"

/* Free argv slots kept before argv[0] for #! rewrites: each level adds at most 2. */
#define ARGV_SLACK (2 * (MAX_SCRIPT_DEPTH + 1) + 2)

/* The failure of a candidate that exists is worth more than "not found" from the rest. */
static struct diag found_failure;

static int try_candidate(const char *path, void *ctx)
{
	struct binprm *b = ctx;
	int ret;

	b->filename = path;
	b->opened = 0;
	/* a #! rewrite by a failed candidate must not leak into the next one */
	b->argv = b->orig_argv;
	b->argv[0] = b->orig_argv0;
	b->argc = b->orig_argc;
	ret = bprm_execve(b);
	if ((b->opened || ret == -EACCES) && !found_failure.err)
		found_failure = b->diag;
	if (ret < 0 && path != b->prog)
		narrate(b, "do_execveat_common", "PATH candidate %s: %s", path,
			b->diag.text[0] ? b->diag.text : "no such file");
	return ret;
}

static const char *getenv_path(const struct binprm *b)
{
	for (int i = 0; i < b->self->envc; i++)
		if (!strncmp(b->self->envp[i], "PATH=", 5))
			return b->self->envp[i] + 5;
	return NULL;
}

int do_execveat_common(struct binprm *b, const char *prog, char **args, size_t nargs)
{
	/* lives until start_thread(): everything else runs in callees of this frame */
	const char *slots[ARGV_SLACK + nargs + 2];
	const char **argv = slots + ARGV_SLACK;
	int ret;

	argv[0] = b->argv0 ? b->argv0 : prog;
	for (size_t i = 0; i < nargs; i++)
		argv[1 + i] = args[i];
	argv[1 + nargs] = NULL;

	b->prog = prog;
	say(b, "%s, argc %zu, envc %d", prog, nargs + 1, b->self->envc);
	if (!strchr(prog, '/'))
		say(b, "no slash in %s: searching PATH like env(1)", prog);
	/* each attempt starts from the original argv (try_candidate restores it) */
	b->orig_argv = argv;
	b->orig_argv0 = argv[0];
	b->orig_argc = nargs + 1;
	ret = path_search(prog, getenv_path(b), b->candidate, try_candidate, b);
	if (strchr(prog, '/'))
		return ret;
	if (found_failure.err == ret)
		b->diag = found_failure;
	else if (ret == -ENOENT)
		diag_fail(&b->diag, ret, "not found in PATH");
	else if (ret == -EACCES)
		diag_fail(&b->diag, ret, "found in PATH but cannot be run");
	return ret;
}
