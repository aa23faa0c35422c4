/* memprot/fault_decode.c: page-fault error codes and SIGSEGV si_codes by name. */
#include <stdio.h>

#include "memprot/fault_decode.h"

/* The bits beyond present/write/user, named as the lab's text and the kernel's X86_PF_* do. */
static const struct {
	unsigned long bit;
	const char *name;
} pf_flags[] = {
	{ PF_RSVD, "reserved" },
	{ PF_INSTR, "instruction-fetch" },
	{ PF_PK, "protection-key" },
	{ PF_SHSTK, "shadow-stack" },
	{ PF_SGX, "sgx" },
};

/* Appends " word" (no space first) to buf, clamping at len like snprintf. */
static size_t append(char *buf, size_t len, size_t used, const char *word)
{
	int n = snprintf(used < len ? buf + used : NULL, used < len ? len - used : 0, "%s%s",
			 used ? " " : "", word);

	return used + (n > 0 ? (size_t)n : 0);
}

size_t pf_error_format(unsigned long err, char *buf, size_t len)
{
	unsigned long known = PF_PRESENT | PF_WRITE | PF_USER;
	size_t used = 0;

	if (len)
		buf[0] = '\0';
	used = append(buf, len, used, err & PF_PRESENT ? "present" : "not-present");
	if (err & PF_WRITE)
		used = append(buf, len, used, "write");
	else if (!(err & PF_INSTR))
		used = append(buf, len, used, "read");
	used = append(buf, len, used, err & PF_USER ? "user" : "kernel");
	for (size_t i = 0; i < sizeof(pf_flags) / sizeof(pf_flags[0]); i++) {
		known |= pf_flags[i].bit;
		if (err & pf_flags[i].bit)
			used = append(buf, len, used, pf_flags[i].name);
	}
	for (unsigned b = 0; b < 8 * sizeof(err); b++) {
		char word[16];

		if ((err & ~known) & (1UL << b)) {
			snprintf(word, sizeof(word), "bit%u", b);
			used = append(buf, len, used, word);
		}
	}
	return used;
}

/* SIGSEGV's si_codes (include/uapi/asm-generic/siginfo.h), numbered from 1. */
static const char *const segv_codes[] = {
	[1] = "SEGV_MAPERR",	/* no mapping at the address */
	[2] = "SEGV_ACCERR",	/* a mapping, but its permissions forbid the access */
	[3] = "SEGV_BNDERR",	/* MPX bounds (gone from Linux) */
	[4] = "SEGV_PKUERR",	/* the protection key's rights forbid the access */
	[5] = "SEGV_ACCADI",	/* SPARC ADI */
	[6] = "SEGV_ADIDERR",
	[7] = "SEGV_ADIPERR",
	[8] = "SEGV_MTEAERR",	/* arm64 MTE */
	[9] = "SEGV_MTESERR",
	[10] = "SEGV_CPERR",	/* a control-protection (shadow stack) fault */
};

const char *segv_code_name(int code)
{
	if (code < 0 || (size_t)code >= sizeof(segv_codes) / sizeof(segv_codes[0]))
		return NULL;
	return segv_codes[code];
}
