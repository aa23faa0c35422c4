/*
 * lib/freestanding/arch/x86_64/running_on_valgrind.h: valgrind's RUNNING_ON_VALGRIND client
 * request for code with no libc (and no valgrind headers): how many valgrinds run this
 * program, 0 natively. The interface is valgrind's documented client-request protocol
 * (valgrind's manual, "The Client Request mechanism"); the code is this file's own.
 *
 * On amd64 a client request is a "special instruction sequence": four rotations of %rdi
 * by 3, 13, 61 and 51 bits, then `xchgq %rbx, %rbx`, with %rax pointing at six words
 * (the request code, then five arguments) and %rdx holding the default answer.
 *   - Natively the sequence does nothing: the rotations add up to 128 bits, two full
 *     turns of a 64-bit register, so %rdi ends as it began; exchanging %rbx with itself
 *     changes nothing; %rdx keeps the default, 0. Only the flags change (rol sets CF and
 *     OF), hence the "cc" clobber. No register is left changed, so none is an output but
 *     %rdx, and no memory is written.
 *   - valgrind's translator recognises the exact sequence and, instead of running it,
 *     carries out the request the words at %rax describe, putting its answer in %rdx.
 */
#ifndef FREESTANDING_RUNNING_ON_VALGRIND_H
#define FREESTANDING_RUNNING_ON_VALGRIND_H

#define VALGRIND_REQUEST_RUNNING_ON_VALGRIND 0x1001	/* VG_USERREQ__RUNNING_ON_VALGRIND */

static inline unsigned long running_on_valgrind(void)
{
	volatile unsigned long request[6] = { VALGRIND_REQUEST_RUNNING_ON_VALGRIND, 0, 0, 0, 0, 0 };
	unsigned long answer = 0;	/* what the sequence leaves natively */

	/* "memory": valgrind reads the request words, so they must be stored before it */
	__asm__ volatile ("rolq $3, %%rdi\n\t"
			  "rolq $13, %%rdi\n\t"
			  "rolq $61, %%rdi\n\t"
			  "rolq $51, %%rdi\n\t"
			  "xchgq %%rbx, %%rbx"
			  : "+d"(answer)
			  : "a"(&request[0])
			  : "cc", "memory");
	return answer;
}

#endif
