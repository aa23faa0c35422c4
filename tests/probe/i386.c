/*
 * tests/probe/i386.c: can this machine run i386 code? Two separate questions, because
 * each can be taken away on its own (IA32 emulation off, or a hypervisor that makes
 * `int $0x80` from 64-bit code fault while the kernel's configuration says it works).
 */
#define _GNU_SOURCE
#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tests/probe/probe.h"

/* i386 getpid through the i386 entry point: 20 is getpid in the i386 table. */
int probe_int80(char *why, size_t len)
{
	long r = 20;

	/*
	 * int $0x80 from a 64-bit process enters the kernel's i386 system call path with the
	 * i386 numbers; only eax is used (getpid has no arguments). Where the machine forbids
	 * it the CPU raises #GP or #NP and this process dies with SIGSEGV: that is the answer
	 * (run_probe runs us in a child and reports the signal).
	 */
	snprintf(why, len, "int $0x80 getpid");
	__asm__ volatile("int $0x80" : "+a"(r) : : "memory");
	if (r != getpid()) {
		snprintf(why, len, "int $0x80 getpid returned %ld, not our pid %d", r, getpid());
		return 1;
	}
	snprintf(why, len, "int $0x80 getpid returned our pid");
	return 0;
}

/*
 * The smallest i386 program: one PT_LOAD holding the headers and 12 bytes of code that
 * call exit(42) the i386 way. Built in memory, run with execveat(AT_EMPTY_PATH) from a
 * memfd so no file system (and no noexec mount) is involved.
 */
enum { I386_BASE = 0x08048000, I386_STATUS = 42 };

static size_t make_i386_exit(unsigned char *buf, size_t len)
{
	static const unsigned char code[] = {
		0xb8, 0x01, 0x00, 0x00, 0x00,	/* mov $1, %eax   (i386 exit) */
		0xbb, I386_STATUS, 0x00, 0x00, 0x00,	/* mov $42, %ebx  */
		0xcd, 0x80,			/* int $0x80      */
	};
	Elf32_Ehdr eh = {
		.e_ident = { ELFMAG0, ELFMAG1, ELFMAG2, ELFMAG3, ELFCLASS32, ELFDATA2LSB, EV_CURRENT },
		.e_type = ET_EXEC,
		.e_machine = EM_386,
		.e_version = EV_CURRENT,
		.e_entry = I386_BASE + sizeof(Elf32_Ehdr) + sizeof(Elf32_Phdr),
		.e_phoff = sizeof(Elf32_Ehdr),
		.e_ehsize = sizeof(Elf32_Ehdr),
		.e_phentsize = sizeof(Elf32_Phdr),
		.e_phnum = 1,
	};
	size_t total = sizeof(eh) + sizeof(Elf32_Phdr) + sizeof(code);
	Elf32_Phdr ph = {
		.p_type = PT_LOAD,
		.p_vaddr = I386_BASE,
		.p_paddr = I386_BASE,
		.p_filesz = total,
		.p_memsz = total,
		.p_flags = PF_R | PF_X,
		.p_align = 0x1000,
	};

	if (len < total)
		return 0;
	memcpy(buf, &eh, sizeof(eh));
	memcpy(buf + sizeof(eh), &ph, sizeof(ph));
	memcpy(buf + sizeof(eh) + sizeof(ph), code, sizeof(code));
	return total;
}

int probe_i386_exec(char *why, size_t len)
{
	unsigned char image[256];
	size_t n = make_i386_exit(image, sizeof(image));
	int fd = (int)syscall(SYS_memfd_create, "execlab-i386", 0);
	int status;
	pid_t pid;

	if (fd < 0 || write(fd, image, n) != (ssize_t)n) {
		snprintf(why, len, "could not write the i386 program to a memfd: %s", strerror(errno));
		return 1;
	}
	pid = fork();
	if (pid == 0) {
		char *argv[] = { "i386-exit", NULL }, *envp[] = { NULL };

		syscall(SYS_execveat, fd, "", argv, envp, AT_EMPTY_PATH);
		_exit(100 + errno);	/* errno values fit: exit status 100+errno says why */
	}
	if (pid < 0 || waitpid(pid, &status, 0) != pid) {
		snprintf(why, len, "fork/waitpid failed: %s", strerror(errno));
		return 1;
	}
	if (WIFEXITED(status) && WEXITSTATUS(status) == I386_STATUS) {
		snprintf(why, len, "an i386 program ran and exited %d", I386_STATUS);
		return 0;
	}
	if (WIFEXITED(status) && WEXITSTATUS(status) > 100)
		snprintf(why, len, "execve of an i386 program failed: %s",
			 strerror(WEXITSTATUS(status) - 100));
	else if (WIFSIGNALED(status))
		snprintf(why, len, "an i386 program was killed by %s", strsignal(WTERMSIG(status)));
	else
		snprintf(why, len, "an i386 program exited %d, not %d", WEXITSTATUS(status),
			 I386_STATUS);
	return 1;
}
