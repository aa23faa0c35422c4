/*
 * nostd-demo/start_c.c: the C half of _start. Decodes the initial stack the kernel built
 * (fs/binfmt_elf.c:create_elf_tables), calls main(), exits with its return value.
 *
 *   high  +-----------------------------+
 *         | 8 zero bytes                |  top of the [stack] mapping
 *         | "execfn\0"                  |  <- AT_EXECFN
 *         | envp strings, argv strings  |
 *         | (align to 16)               |
 *         | "x86_64\0", 16 random bytes |  <- AT_PLATFORM, AT_RANDOM
 *         | (padding so sp % 16 == 0)   |
 *         | {AT_NULL, 0}                |
 *         | {type, value} ...           |  auxv
 *         | NULL                        |
 *         | envp[0] .. envp[n-1]        |
 *         | NULL                        |
 *         | argv[0] .. argv[argc-1]     |
 *   sp -> | argc                        |  16-byte aligned
 *   low   +-----------------------------+
 */
#include "nostd-demo/start.h"
#include "lib/freestanding/sys.h"

struct initial_stack initial_stack;

/*
 * main() may be defined as main(void) or main(argc, argv[, envp]): on x86_64 the extra
 * register arguments are simply ignored by a callee that declares fewer, as with crt1.o.
 */
extern int main(int argc, char **argv, char **envp);

/* Called from _start with the kernel's %rsp. Never returns. */
__attribute__((noreturn, used)) void start_c(long *sp)
{
	char **p;

	initial_stack.argc = sp[0];
	initial_stack.argv = (char **)(sp + 1);
	initial_stack.envp = initial_stack.argv + initial_stack.argc + 1;
	for (p = initial_stack.envp; *p; p++)
		;
	initial_stack.auxv = (const struct auxv_pair *)(p + 1);

	sys_exit(main((int)initial_stack.argc, initial_stack.argv, initial_stack.envp));
}
