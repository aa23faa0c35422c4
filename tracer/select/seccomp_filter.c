/*
 * tracer/select/seccomp_filter.c: the selection (tracer/select/selection.h) as a seccomp-bpf program.
 *
 * Mirrors the idea of strace's filter_seccomp.c (strace --seccomp-bpf), but lets
 * libseccomp generate the program. One libseccomp context per personality, merged: each
 * personality's rules are added with that personality's own selection, so an i386-only
 * call (socketcall) or an x86_64-only one (arch_prctl) lands in the right section.
 */
#define _GNU_SOURCE		/* memfd_create */
#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <linux/audit.h>
#include <linux/capability.h>
#include <linux/seccomp.h>
#include "tracer/select/seccomp_filter.h"

/* The personalities the program covers, and libseccomp's token for each. */
static const struct {
	int pers;
	uint32_t token;
} covered[] = {
	{ PERS_X86_64, SCMP_ARCH_X86_64 },
	{ PERS_I386, SCMP_ARCH_X86 },
};

/* Traced whatever the selection: the tracer must see every exec (strace does the same). */
static const char *const always_traced[] = { "execve", "execveat" };

#define NELEMS(a) (sizeof(a) / sizeof((a)[0]))

bool seccomp_filter_wanted(const struct selection *s)
{
	return !selection_is_all(s);
}

/*
 * libseccomp takes syscall numbers in the NATIVE (x86_64) numbering, even for rules on
 * another arch, and translates them by name; names x86_64 lacks have negative "pseudo"
 * numbers. So: name in pers -> native (or pseudo) number -> libseccomp -> pers number.
 */
static int trace_rule(scmp_filter_ctx ctx, const char *name)
{
	int native = seccomp_syscall_resolve_name(name);

	if (native == __NR_SCMP_ERROR)
		return -EINVAL;
	return seccomp_rule_add(ctx, SCMP_ACT_TRACE(0), native, 0);
}

/*
 * The attributes every per-arch context must share (seccomp_merge() requires them
 * equal). NNP off: libseccomp would otherwise set no_new_privs in seccomp_load();
 * seccomp_filter_install() decides that itself. Optimize level 2: a binary tree over
 * syscall numbers, so a long (negated) list stays short and quick.
 */
static int set_attrs(scmp_filter_ctx ctx)
{
	int rc;

	rc = seccomp_attr_set(ctx, SCMP_FLTATR_ACT_BADARCH, SCMP_ACT_TRACE(0));
	if (rc == 0)
		rc = seccomp_attr_set(ctx, SCMP_FLTATR_CTL_NNP, 0);
	if (rc == 0)
		rc = seccomp_attr_set(ctx, SCMP_FLTATR_CTL_OPTIMIZE, 2);
	return rc;
}

/* One context holding only arch token, with the rules of personality pers. */
static int build_one(const struct selection *s, int pers, uint32_t token,
		     scmp_filter_ctx *out)
{
	scmp_filter_ctx ctx = seccomp_init(SCMP_ACT_ALLOW);
	int rc;

	if (!ctx)
		return -ENOMEM;
	rc = set_attrs(ctx);
	/* seccomp_init() adds the native arch; swap it for token if that differs */
	if (rc == 0 && token != seccomp_arch_native()) {
		rc = seccomp_arch_add(ctx, token);
		if (rc == 0)
			rc = seccomp_arch_remove(ctx, SCMP_ARCH_NATIVE);
	}
	for (long nr = 0; rc == 0 && nr < s->size[pers]; nr++) {
		const char *name;

		if (!selection_has(s, pers, nr))
			continue;
		name = sysent_name(pers, nr);
		if (name)
			rc = trace_rule(ctx, name);
	}
	for (size_t i = 0; rc == 0 && i < NELEMS(always_traced); i++) {
		long nr = sysent_lookup(pers, always_traced[i]);

		if (nr >= 0 && !selection_has(s, pers, nr))
			rc = trace_rule(ctx, always_traced[i]);
	}
	if (rc < 0) {
		seccomp_release(ctx);
		return rc;
	}
	*out = ctx;
	return 0;
}

int seccomp_filter_build(const struct selection *s, scmp_filter_ctx *out)
{
	scmp_filter_ctx all = NULL;
	int rc = 0;

	for (size_t i = 0; i < NELEMS(covered); i++) {
		scmp_filter_ctx one;

		rc = build_one(s, covered[i].pers, covered[i].token, &one);
		if (rc < 0)
			break;
		if (!all) {
			all = one;
			continue;
		}
		rc = seccomp_merge(all, one);	/* on success, one is consumed */
		if (rc < 0) {
			seccomp_release(one);
			break;
		}
	}
	if (rc < 0) {
		if (all)
			seccomp_release(all);
		return rc;
	}
	*out = all;
	return 0;
}

/*
 * libseccomp 2.5 exports only to a file descriptor: use an anonymous memory file and read
 * it back. Returns a malloc'd buffer of *len bytes, or NULL with -errno in *err.
 */
static void *export_mem(const scmp_filter_ctx ctx, int (*export)(const scmp_filter_ctx, int),
			size_t *len, int *err)
{
	int fd = memfd_create("execlab-seccomp", MFD_CLOEXEC);
	char *buf = NULL;
	off_t size;
	ssize_t n;

	*err = 0;
	if (fd < 0) {
		*err = -errno;
		return NULL;
	}
	*err = export(ctx, fd);
	if (*err < 0)
		goto out;
	size = lseek(fd, 0, SEEK_END);
	buf = malloc((size_t)size + 1);
	if (size < 0 || !buf) {
		*err = size < 0 ? -errno : -ENOMEM;
		goto out;
	}
	n = pread(fd, buf, (size_t)size, 0);
	if (n != size) {
		*err = n < 0 ? -errno : -EIO;
		goto out;
	}
	buf[size] = '\0';	/* handy for text exports */
	*len = (size_t)size;
	close(fd);
	return buf;
out:
	free(buf);
	close(fd);
	return NULL;
}

/*
 * Is CAP_SYS_ADMIN in our effective set? The kernel accepts a filter from a task that
 * has it (in its user namespace) or that set no_new_privs. capget() rather than libcap:
 * one call, no dependency.
 */
static bool have_sys_admin(void)
{
	struct __user_cap_header_struct hdr = { .version = _LINUX_CAPABILITY_VERSION_3 };
	struct __user_cap_data_struct data[_LINUX_CAPABILITY_U32S_3];

	if (syscall(SYS_capget, &hdr, data) != 0)
		return false;
	return data[CAP_TO_INDEX(CAP_SYS_ADMIN)].effective & CAP_TO_MASK(CAP_SYS_ADMIN);
}

int seccomp_filter_compile(const struct selection *s, struct seccomp_prog *out)
{
	scmp_filter_ctx ctx;
	size_t len = 0;
	void *buf;
	int rc;

	memset(out, 0, sizeof(*out));
	rc = seccomp_filter_build(s, &ctx);
	if (rc < 0)
		return rc;
	buf = export_mem(ctx, seccomp_export_bpf, &len, &rc);
	seccomp_release(ctx);
	if (!buf)
		return rc;
	if (len % sizeof(struct sock_filter) || len / sizeof(struct sock_filter) > BPF_MAXINSNS) {
		free(buf);
		return -E2BIG;
	}
	out->insns = buf;
	out->len = (unsigned short)(len / sizeof(struct sock_filter));
	/*
	 * no_new_privs only when we must (strace >= 6.2 does the same): it makes a setuid
	 * program run without its privileges (sudo fails, strace issue #126). A privileged
	 * tracer can install the filter without it.
	 */
	out->set_nnp = !have_sys_admin();
	return 0;
}

void seccomp_prog_free(struct seccomp_prog *p)
{
	free(p->insns);
	memset(p, 0, sizeof(*p));
}

int seccomp_filter_install(const struct seccomp_prog *p)
{
	struct sock_fprog fprog = { .len = p->len, .filter = p->insns };

	if (p->set_nnp && prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0)
		return -errno;
	if (prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &fprog, 0, 0) != 0)
		return -errno;
	return 0;
}

int seccomp_filter_child_hook(void *prog)
{
	return seccomp_filter_install(prog);
}

int seccomp_filter_load_in_child(const struct selection *s)
{
	scmp_filter_ctx ctx;
	int rc = seccomp_filter_build(s, &ctx);

	if (rc < 0)
		return rc;
	/* see seccomp_filter_compile() for why no_new_privs only when unprivileged */
	rc = seccomp_attr_set(ctx, SCMP_FLTATR_CTL_NNP, !have_sys_admin());
	if (rc == 0)
		rc = seccomp_load(ctx);
	seccomp_release(ctx);
	return rc;
}

/* ---- --dump-filter ------------------------------------------------------------------ */

/* Fields of struct seccomp_data by offset (x86_64 is little-endian: low word first). */
static const char *data_field(uint32_t off)
{
	static const char *const args[] = {
		"args[0]", "args[0] >> 32", "args[1]", "args[1] >> 32", "args[2]", "args[2] >> 32",
		"args[3]", "args[3] >> 32", "args[4]", "args[4] >> 32", "args[5]", "args[5] >> 32",
	};

	if (off == offsetof(struct seccomp_data, nr))
		return "nr";
	if (off == offsetof(struct seccomp_data, arch))
		return "arch";
	if (off == offsetof(struct seccomp_data, instruction_pointer))
		return "instruction_pointer";
	if (off == offsetof(struct seccomp_data, instruction_pointer) + 4)
		return "instruction_pointer >> 32";
	if (off >= offsetof(struct seccomp_data, args) && off < sizeof(struct seccomp_data) &&
	    off % 4 == 0)
		return args[(off - offsetof(struct seccomp_data, args)) / 4];
	return "?";
}

static const struct {
	uint16_t op;
	const char *name;
} jump_ops[] = {
	{ BPF_JEQ, "jeq" }, { BPF_JGT, "jgt" }, { BPF_JGE, "jge" }, { BPF_JSET, "jset" },
};

static const struct {
	uint16_t op;
	const char *name;
} alu_ops[] = {
	{ BPF_ADD, "add" }, { BPF_SUB, "sub" }, { BPF_MUL, "mul" }, { BPF_DIV, "div" },
	{ BPF_OR, "or" }, { BPF_AND, "and" }, { BPF_LSH, "lsh" }, { BPF_RSH, "rsh" },
	{ BPF_NEG, "neg" }, { BPF_MOD, "mod" }, { BPF_XOR, "xor" },
};

static const struct {
	uint32_t action;
	const char *name;
} ret_actions[] = {
	{ SECCOMP_RET_KILL_PROCESS, "KILL_PROCESS" }, { SECCOMP_RET_KILL_THREAD, "KILL_THREAD" },
	{ SECCOMP_RET_TRAP, "TRAP" }, { SECCOMP_RET_ERRNO, "ERRNO" },
	{ SECCOMP_RET_USER_NOTIF, "USER_NOTIF" }, { SECCOMP_RET_TRACE, "TRACE" },
	{ SECCOMP_RET_LOG, "LOG" }, { SECCOMP_RET_ALLOW, "ALLOW" },
};

static const char *arch_name(uint32_t audit_arch)
{
	switch (audit_arch) {	/* two values: a table would be longer */
	case AUDIT_ARCH_X86_64: return "x86_64";
	case AUDIT_ARCH_I386: return "i386";
	default: return NULL;
	}
}

/*
 * The comment for "jXX #k": the arch's name when A holds the arch, the syscall's name
 * (in the arch selected on the way here) when A holds nr.
 */
static void jump_comment(FILE *out, uint32_t loaded, uint32_t arch, uint32_t k)
{
	if (loaded == offsetof(struct seccomp_data, arch) && arch_name(k)) {
		fprintf(out, "  # %s", arch_name(k));
	} else if (loaded == offsetof(struct seccomp_data, nr)) {
		int pers = sysent_pers_from_audit_arch(arch);
		const char *name = pers >= 0 ? sysent_name(pers, (long)k) : NULL;

		if (name)
			fprintf(out, "  # %s", name);
		else if (k == 0x40000000)	/* __X32_SYSCALL_BIT */
			fprintf(out, "  # x32 syscall bit");
	}
}

/* What the disassembler knows about A on entry to an instruction. */
struct flow {
	bool reached;
	uint32_t loaded;	/* offset in seccomp_data that A holds, UINT32_MAX: unknown */
	uint32_t arch;		/* the arch proven by a "jeq arch" on every path here, or 0 */
};

/* Merges what one path brings (from) into what a jump target knows (to). */
static void flow_merge(struct flow *to, const struct flow *from, size_t target, size_t len)
{
	if (target >= len)
		return;
	if (!to[target].reached) {
		to[target] = *from;
		to[target].reached = true;
		return;
	}
	if (to[target].loaded != from->loaded)
		to[target].loaded = UINT32_MAX;
	if (to[target].arch != from->arch)
		to[target].arch = 0;
}

/*
 * Classic BPF only jumps forward, so one pass in order sees every predecessor of an
 * instruction before the instruction itself: a complete data-flow analysis in one loop.
 */
void seccomp_bpf_disasm(const struct sock_filter *insns, size_t len, FILE *out)
{
	struct flow *in = calloc(len + 1, sizeof(*in));

	if (!in)
		return;
	if (len)
		in[0] = (struct flow){ .reached = true, .loaded = UINT32_MAX };
	for (size_t i = 0; i < len; i++) {
		const struct sock_filter *f = &insns[i];
		struct flow st = in[i], taken;
		const char *op = NULL;

		fprintf(out, "%4zu: ", i);
		switch (BPF_CLASS(f->code)) {
		case BPF_LD:
			if (BPF_MODE(f->code) == BPF_ABS && BPF_SIZE(f->code) == BPF_W) {
				st.loaded = f->k;
				fprintf(out, "ld   [%u]  # A = %s", f->k, data_field(f->k));
			} else {
				st.loaded = UINT32_MAX;
				fprintf(out, "ld   code=0x%04x k=%u", f->code, f->k);
			}
			flow_merge(in, &st, i + 1, len);
			break;
		case BPF_ALU:
			for (size_t j = 0; j < NELEMS(alu_ops); j++)
				if (alu_ops[j].op == BPF_OP(f->code))
					op = alu_ops[j].name;
			fprintf(out, "%-4s #0x%x", op ? op : "alu?", f->k);
			st.loaded = UINT32_MAX;	/* A no longer holds a field as is */
			flow_merge(in, &st, i + 1, len);
			break;
		case BPF_JMP:
			if (BPF_OP(f->code) == BPF_JA) {
				fprintf(out, "ja   %zu", i + 1 + f->k);
				flow_merge(in, &st, i + 1 + f->k, len);
				break;
			}
			for (size_t j = 0; j < NELEMS(jump_ops); j++)
				if (jump_ops[j].op == BPF_OP(f->code))
					op = jump_ops[j].name;
			fprintf(out, "%-4s #0x%x  jt %zu  jf %zu", op ? op : "jmp?", f->k,
				i + 1 + f->jt, i + 1 + f->jf);
			jump_comment(out, st.loaded, st.arch, f->k);
			taken = st;
			if (st.loaded == offsetof(struct seccomp_data, arch) &&
			    BPF_OP(f->code) == BPF_JEQ)
				taken.arch = f->k;
			flow_merge(in, &taken, i + 1 + f->jt, len);
			flow_merge(in, &st, i + 1 + f->jf, len);
			break;
		case BPF_RET: {
			uint32_t action = f->k & SECCOMP_RET_ACTION_FULL;

			for (size_t j = 0; j < NELEMS(ret_actions); j++)
				if (ret_actions[j].action == action)
					op = ret_actions[j].name;
			fprintf(out, "ret  %s", op ? op : "?");
			if (f->k & SECCOMP_RET_DATA)
				fprintf(out, "(%u)", f->k & SECCOMP_RET_DATA);
			break;
		}
		default:
			fprintf(out, "code=0x%04x jt %u jf %u k=0x%x", f->code, f->jt, f->jf, f->k);
			break;
		}
		if (!in[i].reached)
			fprintf(out, "  (unreachable)");
		fputc('\n', out);
	}
	free(in);
}

int seccomp_filter_dump(const struct selection *s, FILE *out)
{
	struct seccomp_prog prog;
	scmp_filter_ctx ctx;
	size_t len = 0;
	char *pfc;
	int rc;

	rc = seccomp_filter_build(s, &ctx);
	if (rc < 0)
		return rc;
	pfc = export_mem(ctx, seccomp_export_pfc, &len, &rc);
	seccomp_release(ctx);
	if (!pfc)
		return rc;
	rc = seccomp_filter_compile(s, &prog);
	if (rc < 0) {
		free(pfc);
		return rc;
	}
	fprintf(out, "# seccomp filter: %ld x86_64 and %ld i386 syscalls selected, "
		"execve/execveat always traced, unknown arch -> TRACE; %u BPF instructions\n",
		selection_count(s, PERS_X86_64), selection_count(s, PERS_I386), prog.len);
	fprintf(out, "#\n# libseccomp pseudo filter code:\n");
	fwrite(pfc, 1, len, out);
	fprintf(out, "#\n# BPF program (what the kernel runs on each syscall):\n");
	seccomp_bpf_disasm(prog.insns, prog.len, out);
	free(pfc);
	seccomp_prog_free(&prog);
	return 0;
}
