/*
 * loader/main.c: the command line, and the one place where a failure becomes text:
 * "loader: PROG: strerror (detail)", exit 127 for ENOENT, else 126 (as a shell or env(1)
 * reports a failed exec). Not a kernel step: the kernel's caller is execve(2) itself.
 */
#include <linux/errno.h>
#include <string.h>
#include "config.h"
#include "loader/binprm.h"
#include "loader/errstr.h"
#include "loader/sys.h"

static const char usage_text[] =
"Usage: loader [-v|--verbose] [--map] [--map=svg:FILE] [--userns] [--argv0 NAME]\n"
"              [--omit-auxv NAME] [--] PROGRAM [ARG...]\n"
"Run PROGRAM in this process the way execve(2) would, without calling execve(2):\n"
"a user-space re-implementation of the kernel's exec path (fs/exec.c,\n"
"binfmt_script, binfmt_elf, as in Linux 6.18), for static, static-pie, PIE and\n"
"non-PIE ELF programs and #! scripts.\n"
"\n"
"  -v, --verbose   one line per kernel step on stderr:\n"
"                  loader: <kernel function>: ...\n"
"      --map       draw the new memory image on stderr before jumping to it\n"
"      --map=svg:FILE\n"
"                  draw it as an SVG picture in FILE instead (with --map too:\n"
"                  both); FILE is created first (if it cannot be: status 2)\n"
"      --userns    gain, in a user namespace of your own, the capability that\n"
"                  makes /proc/self/exe the program; every capability is dropped\n"
"                  before the jump (see loader(1), USER NAMESPACE, for what\n"
"                  follows)\n"
"      --argv0 NAME  pass NAME as argv[0] (default: PROGRAM as given)\n"
"      --omit-auxv NAME\n"
"                  for teaching only, off by default: leave the auxv entry NAME\n"
"                  (as in <elf.h>: AT_RANDOM, AT_SYSINFO_EHDR...) out of\n"
"                  PROGRAM's auxv; an unknown NAME: status 2\n"
"      --help      show this help and exit\n"
"      --version   show the version and exit\n"
"Options end at the first non-option: `loader ls -l` passes -l to ls.\n"
"PROGRAM without a slash is searched in PATH like env(1).\n"
"\n"
"Exit status: PROGRAM's own once it runs; before that, with one line on stderr\n"
"(loader: PROGRAM: reason):\n"
"  127  PROGRAM, its #! interpreter or its ELF interpreter (PT_INTERP) not found\n"
"  126  found but cannot be run (the reason starts with the kernel's errno text)\n"
"    2  bad usage\n"
"\n"
"Limits: /proc/self/exe becomes PROGRAM only with CAP_SYS_ADMIN or\n"
"CAP_CHECKPOINT_RESTORE (root, or --userns), else it stays the loader; one page\n"
"of the loader stays mapped (/memfd:execlab-trampoline); set-user-ID/set-group-ID\n"
"bits are not honoured (a warning says so where the kernel would switch IDs); the\n"
"file must be readable, which the kernel does not require; ETXTBSY (a file open\n"
"for writing) needs Linux 6.14+ (execveat AT_EXECVE_CHECK) and is not seen under\n"
"valgrind or a sandbox refusing execveat; under PR_SET_MDWE an executable stack\n"
"stays read-write; x32 programs are refused; binfmt_misc is not consulted.\n";

static int usage_error(const char *what, const char *arg)
{
	eprintf("loader: %s%s%s (try 'loader --help')\n", what, arg ? " " : "", arg ? arg : "");
	return 2;
}

/* --map=svg:FILE: FILE created now, so that a bad one fails before anything runs. */
static int map_option(struct binprm *b, const char *value)
{
	int ret;

	if (strncmp(value, "svg:", 4))
		return usage_error("unknown --map format (only --map=svg:FILE):", value);
	if (!value[4])
		return usage_error("--map=svg: needs a FILE", NULL);
	if (b->map & MAP_SVG)
		return usage_error("--map=svg:FILE given twice:", value + 4);
	ret = memory_map_svg_open(value + 4);
	if (ret < 0) {
		const char *text = errno_string(-ret);
		char name[256];

		escape_text(name, sizeof name, value + 4);
		eprintf("loader: --map=svg:%s: %s\n", name, text ? text : "cannot create");
		return 2;
	}
	b->map |= MAP_SVG;
	return 0;
}

/* --omit-auxv NAME: a teaching option; the kernel never leaves an entry out. */
static int omit_auxv_option(struct binprm *b, const char *name)
{
	if (auxv_key_by_name(name, &b->omit_auxv) < 0)
		return usage_error("--omit-auxv: not an auxv entry name (AT_RANDOM, ...):", name);
	return 0;
}

/* Where the kernel put the top of our [stack]: AT_EXECFN is its highest string. */
static void inspect_self(struct binprm *b)
{
	const char *execfn = NULL;

	for (const unsigned long *a = b->self->auxv; a[0] != AT_NULL; a += 2) {
		if (a[0] == AT_EXECFN)
			execfn = (const char *)a[1];
		else if (a[0] == AT_EUID)
			b->euid = a[1];
		else if (a[0] == AT_EGID)
			b->egid = a[1];
		else if (a[0] == AT_SECURE)
			b->secure = a[1] != 0;
	}
	/* bprm->p starts at vm_end - 8 and the filename is copied right below it */
	if (execfn)
		b->stack_end = ELF_PAGEALIGN((unsigned long)execfn + strlen(execfn) + 1 + 8);
	else
		b->stack_end = ELF_PAGEALIGN((unsigned long)b->self->envp[b->self->envc - 1]);
	/*
	 * The kernel moves the stack top down by a random number of pages unless ASLR is off
	 * (setarch -R, or randomize_va_space 0): the loader's own stack tells which.
	 */
	b->randomize = b->stack_end != STACK_TOP;
	b->mmap_min_addr = ~0UL;
}

int loader_main(struct loader_process *self)
{
	static struct binprm bprm;	/* big (file buffers): in .bss, not on the stack */
	struct binprm *b = &bprm;
	int i, ret;

	b->self = self;
	for (i = 1; i < self->argc; i++) {
		const char *a = self->argv[i];

		if (!strcmp(a, "-v") || !strcmp(a, "--verbose")) {
			b->verbose = 1;
		} else if (!strcmp(a, "--map")) {
			b->map |= MAP_TEXT;
		} else if (!strncmp(a, "--map=", 6)) {
			ret = map_option(b, a + 6);
			if (ret)
				return ret;
		} else if (!strcmp(a, "--userns")) {
			b->want_userns = 1;
		} else if (!strcmp(a, "--argv0")) {
			if (++i == self->argc)
				return usage_error("--argv0 needs an argument", NULL);
			b->argv0 = self->argv[i];
		} else if (!strncmp(a, "--argv0=", 8)) {
			b->argv0 = a + 8;
		} else if (!strcmp(a, "--omit-auxv")) {
			if (++i == self->argc)
				return usage_error("--omit-auxv needs an argument", NULL);
			ret = omit_auxv_option(b, self->argv[i]);
			if (ret)
				return ret;
		} else if (!strncmp(a, "--omit-auxv=", 12)) {
			ret = omit_auxv_option(b, a + 12);
			if (ret)
				return ret;
		} else if (!strcmp(a, "--help")) {
			sys_write(1, usage_text, sizeof usage_text - 1);
			return 0;
		} else if (!strcmp(a, "--version")) {
			static const char v[] = "loader (" PACKAGE_NAME ") " PACKAGE_VERSION "\n";

			sys_write(1, v, sizeof v - 1);
			return 0;
		} else if (!strcmp(a, "--")) {
			i++;
			break;
		} else if (a[0] == '-' && a[1]) {
			return usage_error("unknown option", a);
		} else {
			break;
		}
	}
	if (i >= self->argc)
		return usage_error("missing PROGRAM", NULL);
	inspect_self(b);
	ret = do_execveat_common(b, self->argv[i], self->argv + i + 1,
				 (size_t)(self->argc - i - 1));
	/* only failures return */
	{
		const char *text = errno_string(-ret);
		char unknown[32], prog[256], detail[2 * sizeof b->diag.text];

		if (!text) {
			fmt(unknown, sizeof unknown, "Unknown error %d", -ret);
			text = unknown;
		}
		/* names may hold control characters (a CRLF #! line): keep one line */
		escape_text(prog, sizeof prog, self->argv[i]);
		escape_text(detail, sizeof detail, b->diag.text);
		if (detail[0])
			eprintf("loader: %s: %s (%s)\n", prog, text, detail);
		else
			eprintf("loader: %s: %s\n", prog, text);
	}
	return ret == -ENOENT ? 127 : 126;
}
