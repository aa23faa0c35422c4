/*
 * tests/probe/probe.c: `probe NAME` answers whether this machine can do NAME, by trying
 * it. Exit status 0 (yes) or 1 (no), and one line on stdout: "NAME yes|no: reason".
 * `probe --list` prints the names; `probe --all` every answer. Exit 2: bad usage.
 *
 * The tests call it through tests/lib.sh (`probe NAME`, `need NAME`), which lets an
 * environment variable EXECLAB_PROBE_<NAME>=yes|no force the answer so that both
 * branches of a capability-dependent test can be run on any machine.
 */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tests/probe/probe.h"

static const struct probe {
	const char *name;
	probe_fn *fn;
	const char *what;
} probes[] = {
	{ "int80", probe_int80, "i386 system calls via int $0x80 from 64-bit code" },
	{ "i386-exec", probe_i386_exec, "execve of an i386 (ELFCLASS32) program" },
	{ "ptrace", probe_ptrace, "ptrace of a child (PTRACE_TRACEME, syscall stops)" },
	{ "ptrace-attach", probe_ptrace_attach, "PTRACE_SEIZE of a process that is not a descendant" },
	{ "perf", probe_perf, "a perf counter on the raw_syscalls:sys_enter tracepoint" },
	{ "bpf", probe_bpf, "an eBPF program loaded and attached to raw_syscalls:sys_enter, with the kernel's BTF" },
	{ "pku", probe_pku, "memory protection keys (pkey_alloc)" },
	{ "userns", probe_userns, "an unprivileged user namespace with our uid mapped" },
	{ "aslr", probe_aslr, "address space randomisation (two runs place the stack apart)" },
	{ "norandom", probe_norandom, "turning randomisation off (personality ADDR_NO_RANDOMIZE)" },
	{ "mdwe", probe_mdwe, "PR_SET_MDWE (memory-deny-write-execute)" },
	{ "mountns", probe_mountns, "a private mount namespace with a tmpfs mounted in it" },
	{ "seccomp", probe_seccomp, "a seccomp-bpf filter (SECCOMP_SET_MODE_FILTER)" },
	{ "root", probe_root, "running as root (uid 0)" },
	{ "sock-diag-tcp", probe_sock_diag_tcp, "NETLINK_SOCK_DIAG describing a TCP socket (inet_diag)" },
	{ "netns", probe_netns, "a network namespace of its own (unshare -n)" },
};
#define NPROBES (sizeof(probes) / sizeof(probes[0]))

int probe_read_long(const char *path, long *value)
{
	FILE *f = fopen(path, "r");
	int n;

	if (!f)
		return -1;
	n = fscanf(f, "%ld", value);
	fclose(f);
	return n == 1 ? 0 : -1;
}

const char *probe_setting(const char *path, const char *name, const char *absent,
			  char *buf, size_t len)
{
	long value;

	if (probe_read_long(path, &value) != 0)
		return absent;
	snprintf(buf, len, "%s %ld", name, value);
	return buf;
}

/* Seconds a probe may take before it counts as "no" (a hang is an answer too). */
enum { PROBE_TIMEOUT = 10 };

/* Runs p in a child; 0 = yes. The reason comes back through a pipe. */
static int run_probe(const struct probe *p, char *why, size_t len)
{
	int fds[2], status;
	ssize_t n;
	pid_t pid;

	if (pipe(fds) != 0) {
		snprintf(why, len, "pipe failed: %m");
		return 1;
	}
	pid = fork();
	if (pid < 0) {
		snprintf(why, len, "fork failed: %m");
		return 1;
	}
	if (pid == 0) {
		char buf[256] = "";
		int rc;

		close(fds[0]);
		alarm(PROBE_TIMEOUT);
		rc = p->fn(buf, sizeof(buf));
		if (write(fds[1], buf, strlen(buf)) < 0)
			_exit(3);
		_exit(rc ? 1 : 0);
	}
	close(fds[1]);
	n = read(fds[0], why, len - 1);
	why[n > 0 ? n : 0] = '\0';
	close(fds[0]);
	if (waitpid(pid, &status, 0) != pid) {
		snprintf(why, len, "waitpid failed: %m");
		return 1;
	}
	if (WIFSIGNALED(status)) {
		size_t used = strlen(why);

		if (!used)
			used = (size_t)snprintf(why, len, "%s", p->what);
		snprintf(why + used, len - used, ": the probe was killed by %s",
			 WTERMSIG(status) == SIGALRM ? "its timeout" : strsignal(WTERMSIG(status)));
		return 1;
	}
	return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : 1;
}

static int answer(const struct probe *p)
{
	char why[512];
	int rc = run_probe(p, why, sizeof(why));

	printf("%s %s: %s\n", p->name, rc == 0 ? "yes" : "no", why[0] ? why : p->what);
	fflush(stdout);
	return rc;
}

int main(int argc, char **argv)
{
	/* A sample for the aslr and norandom probes: where this exec put the stack. */
	if (argc == 2 && strcmp(argv[1], "--print-stack") == 0) {
		int local;

		printf("%lx\n", (unsigned long)&local);
		return 0;
	}
	if (argc != 2) {
		fprintf(stderr, "usage: probe NAME | --list | --all\n");
		return 2;
	}
	if (strcmp(argv[1], "--list") == 0 || strcmp(argv[1], "--all") == 0) {
		for (size_t i = 0; i < NPROBES; i++) {
			if (argv[1][2] == 'l')
				printf("%-14s %s\n", probes[i].name, probes[i].what);
			else
				answer(&probes[i]);
		}
		return 0;
	}
	for (size_t i = 0; i < NPROBES; i++)
		if (strcmp(argv[1], probes[i].name) == 0)
			return answer(&probes[i]);
	fprintf(stderr, "probe: unknown probe '%s' (probe --list names them)\n", argv[1]);
	return 2;
}
