/*
 * tests/progs/basic.c: a deterministic program built many ways by tests/loader (static,
 * static-pie, PIE, -no-pie, musl, 2 MiB max-page-size, noseparate-code) and run natively
 * and under loader/loader; the two runs must print the same and exit the same.
 * Prints argv, checks .data, .rodata and .bss and the load bias's alignment, and exits
 * with N when argv[1] is --exit=N.
 */
#define _GNU_SOURCE
#include <link.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int data_words[4] = { 1, 2, 3, 42 };
static char bss_buf[3 * 4096 + 17];
static const char rodata[] = "rodata intact";

/* The main program's load bias must be a multiple of its largest PT_LOAD p_align (the
 * kernel aligns ET_DYN images so; for ET_EXEC the bias is 0). */
static int bias_aligned(struct dl_phdr_info *info, size_t size, void *data)
{
	unsigned long align = 4096;

	(void)size;
	for (int i = 0; i < info->dlpi_phnum; i++)
		if (info->dlpi_phdr[i].p_type == PT_LOAD && info->dlpi_phdr[i].p_align > align)
			align = info->dlpi_phdr[i].p_align;
	*(int *)data = info->dlpi_addr % align == 0 ? (int)(align >> 10) : -1;
	return 1;	/* the first object is the program */
}

int main(int argc, char **argv, char **envp)
{
	size_t nonzero = 0;
	int envc = 0;

	printf("argc %d\n", argc);
	for (int i = 0; i < argc; i++)
		printf("argv[%d] %s\n", i, argv[i]);
	while (envp[envc])
		envc++;
	printf("envc %d\n", envc);
	for (size_t i = 0; i < sizeof bss_buf; i++)
		nonzero += bss_buf[i] != 0;
	printf("data %d %d %d %d\n", data_words[0], data_words[1], data_words[2], data_words[3]);
	printf("bss %zu bytes, %zu non-zero\n", sizeof bss_buf, nonzero);
	printf("%s\n", rodata);
	dl_iterate_phdr(bias_aligned, &envc);
	printf("load bias aligned to the largest p_align: %s\n", envc > 0 ? "yes" : "no");
	memset(bss_buf, 0xaa, sizeof bss_buf);
	data_words[3]++;
	printf("after writes: data[3] %d, bss[last] %#x\n", data_words[3],
	       (unsigned char)bss_buf[sizeof bss_buf - 1]);
	if (argc > 1 && strncmp(argv[1], "--exit=", 7) == 0)
		return atoi(argv[1] + 7);
	return 0;
}
