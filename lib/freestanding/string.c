/*
 * lib/freestanding/string.c: the four functions a freestanding GCC program must provide
 * (GCC may emit calls to memcpy, memmove, memset and memcmp on its own, e.g. for struct
 * copies), plus strlen, strchr, strcmp and strncmp. For programs linked without a libc:
 * loader/loader links it; nostd-demo's programs call none of them (and are built with
 * -fno-builtin). The Check runner gets glibc's. Simple byte loops: the loader copies a
 * few kilobytes at most. -fno-tree-loop-distribute-patterns stops GCC from turning these
 * loops into calls to themselves.
 */
#include <stddef.h>
#include <string.h>

#define NOPAT __attribute__((optimize("no-tree-loop-distribute-patterns")))

NOPAT void *memcpy(void *dst, const void *src, size_t n)
{
	unsigned char *d = dst;
	const unsigned char *s = src;

	while (n--)
		*d++ = *s++;
	return dst;
}

NOPAT void *memmove(void *dst, const void *src, size_t n)
{
	unsigned char *d = dst;
	const unsigned char *s = src;

	if (d < s)
		while (n--)
			*d++ = *s++;
	else
		while (n--)
			d[n] = s[n];
	return dst;
}

NOPAT void *memset(void *dst, int c, size_t n)
{
	unsigned char *d = dst;

	while (n--)
		*d++ = (unsigned char)c;
	return dst;
}

NOPAT int memcmp(const void *a, const void *b, size_t n)
{
	const unsigned char *x = a, *y = b;

	for (; n; n--, x++, y++)
		if (*x != *y)
			return *x - *y;
	return 0;
}

NOPAT size_t strlen(const char *s)
{
	const char *p = s;

	while (*p)
		p++;
	return (size_t)(p - s);
}

NOPAT char *strchr(const char *s, int c)
{
	for (;; s++) {
		if (*s == (char)c)
			return (char *)s;
		if (!*s)
			return NULL;
	}
}

NOPAT int strncmp(const char *a, const char *b, size_t n)
{
	for (; n; n--, a++, b++) {
		if (*a != *b)
			return (unsigned char)*a - (unsigned char)*b;
		if (!*a)
			return 0;
	}
	return 0;
}

int strcmp(const char *a, const char *b)
{
	return strncmp(a, b, (size_t)-1);
}
