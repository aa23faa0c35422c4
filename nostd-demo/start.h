/* nostd-demo/start.h: what start_c() decoded from the initial stack. */
#ifndef NOSTD_START_H
#define NOSTD_START_H

/* One auxiliary vector entry, as the kernel writes it (Elf64_auxv_t without the union). */
struct auxv_pair {
	unsigned long type;
	unsigned long value;
};

struct initial_stack {
	long argc;
	char **argv;			/* argv[argc] == NULL */
	char **envp;			/* NULL-terminated */
	const struct auxv_pair *auxv;	/* ends with type AT_NULL (0) */
};

/* Filled by start_c() before main() runs. */
extern struct initial_stack initial_stack;

#endif
