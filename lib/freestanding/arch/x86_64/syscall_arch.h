/*
 * lib/freestanding/arch/x86_64/syscall_arch.h: the raw Linux system call for code with no
 * libc (loader/ and nostd-demo/), sys_call0() .. sys_call6(). Found through the include
 * path -I$(top_srcdir)/lib/freestanding/arch/$(ARCH), as musl and nolibc find theirs, so
 * code that includes "syscall_arch.h" does not name the architecture.
 *
 * x86_64 syscall ABI (arch/x86/entry/entry_64.S):
 *   %rax = number, arguments in %rdi, %rsi, %rdx, %r10, %r8, %r9 (note r10, not rcx);
 *   the kernel returns in %rax (-4095..-1 means -errno) and clobbers %rcx (return rip)
 *   and %r11 (saved rflags). "memory" tells the compiler the kernel may read or write
 *   any memory we passed a pointer to, so it must not cache values across the call.
 * Each argument is bound to its register with a local register variable, which GCC
 * guarantees only for asm operands: exactly the use here.
 */
#ifndef FREESTANDING_SYSCALL_ARCH_H
#define FREESTANDING_SYSCALL_ARCH_H

#include <asm/unistd.h>		/* __NR_* numbers: kernel headers, no libc needed */

static inline long sys_call0(long n)
{
	long ret;
	__asm__ volatile ("syscall" : "=a"(ret) : "a"(n) : "rcx", "r11", "memory");
	return ret;
}

static inline long sys_call1(long n, long a1)
{
	long ret;
	__asm__ volatile ("syscall" : "=a"(ret) : "a"(n), "D"(a1)
			  : "rcx", "r11", "memory");
	return ret;
}

static inline long sys_call2(long n, long a1, long a2)
{
	long ret;
	__asm__ volatile ("syscall" : "=a"(ret) : "a"(n), "D"(a1), "S"(a2)
			  : "rcx", "r11", "memory");
	return ret;
}

static inline long sys_call3(long n, long a1, long a2, long a3)
{
	long ret;
	__asm__ volatile ("syscall" : "=a"(ret) : "a"(n), "D"(a1), "S"(a2), "d"(a3)
			  : "rcx", "r11", "memory");
	return ret;
}

static inline long sys_call4(long n, long a1, long a2, long a3, long a4)
{
	register long r10 __asm__("r10") = a4;
	long ret;
	__asm__ volatile ("syscall" : "=a"(ret)
			  : "a"(n), "D"(a1), "S"(a2), "d"(a3), "r"(r10)
			  : "rcx", "r11", "memory");
	return ret;
}

static inline long sys_call5(long n, long a1, long a2, long a3, long a4, long a5)
{
	register long r10 __asm__("r10") = a4;
	register long r8 __asm__("r8") = a5;
	long ret;
	__asm__ volatile ("syscall" : "=a"(ret)
			  : "a"(n), "D"(a1), "S"(a2), "d"(a3), "r"(r10), "r"(r8)
			  : "rcx", "r11", "memory");
	return ret;
}

static inline long sys_call6(long n, long a1, long a2, long a3, long a4, long a5, long a6)
{
	register long r10 __asm__("r10") = a4;
	register long r8 __asm__("r8") = a5;
	register long r9 __asm__("r9") = a6;
	long ret;
	__asm__ volatile ("syscall" : "=a"(ret)
			  : "a"(n), "D"(a1), "S"(a2), "d"(a3), "r"(r10), "r"(r8), "r"(r9)
			  : "rcx", "r11", "memory");
	return ret;
}

#endif
