/*
 * tests/progs/databss.c: a little .data and .bss that share one page. The kernel maps the
 * page from the file and zeroes it from the end of the file part (padzero): every byte
 * from _edata (end of .data) to the end of that page must read as zero, although the file
 * has other bytes there.
 */
#include <stdint.h>
#include <stdio.h>

extern char _edata[], _end[];

static int data[8] = { 11, 22, 33, 44, 55, 66, 77, 88 };
static int bss[8];

int main(void)
{
	uintptr_t page = 4096;
	uintptr_t d = (uintptr_t)data, b = (uintptr_t)bss;
	char *p = _edata, *page_end = (char *)(((uintptr_t)_edata + page - 1) & ~(page - 1));
	int nonzero = 0, sum = 0;

	printf("data and bss share a page: %s\n", d / page == b / page ? "yes" : "no");
	for (; p < page_end; p++)
		nonzero += *p != 0;
	printf("bytes from _edata to the end of its page: %s\n", nonzero ? "NOT ZERO" : "all zero");
	for (int i = 0; i < 8; i++)
		sum += data[i] + bss[i];
	printf("sum %d\n", sum);
	return nonzero != 0;
}
