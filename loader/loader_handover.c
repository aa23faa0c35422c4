/*
 * loader/loader_handover.c: the debugger's hook at the loader's handover, as glibc's ld.so
 * has _dl_debug_state() for shared libraries (see r_debug in <link.h>).
 *
 * A debugger started on the loader (`gdb -x loader/tools/loader-gdb.py --args loader
 * PROGRAM`) sees no exec event, so it would never learn which files the new image holds
 * and where. start_new_image() calls loader_handover() once, right before start_thread(),
 * with everything it needs in the argument registers (%rdi, %rsi, %rdx, %rcx, %r8 under
 * the System V ABI), so a breakpoint on its first instruction can read them without the
 * loader's debug information:
 *
 *   prog         the ELF file being run (for a #! script: its interpreter, the file the
 *                kernel would run), as the loader opened it (relative to the working
 *                directory if relative)
 *   prog_bias    its load bias (0 for ET_EXEC)
 *   interp       its ELF interpreter (PT_INTERP), or NULL
 *   interp_bias  the interpreter's load bias (0 without one)
 *   entry        the address start_thread() jumps to
 *
 * Why it cannot vanish: the body is an asm statement the compiler must keep (volatile,
 * taking every argument and clobbering memory), so the function is never empty, and
 * noinline keeps it a call of its own even with link-time optimisation. Nothing runs in
 * it: a plain run pays one call and one return.
 */
#include "loader/binprm.h"

__attribute__((noinline)) void loader_handover(const char *prog, unsigned long prog_bias,
					       const char *interp, unsigned long interp_bias,
					       unsigned long entry)
{
	__asm__ volatile("" : : "r"(prog), "r"(prog_bias), "r"(interp), "r"(interp_bias),
			 "r"(entry) : "memory");
}
