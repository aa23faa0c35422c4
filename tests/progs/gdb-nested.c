/*
 * tests/progs/gdb-nested.c: a program for tests/loader/gdb.sh, built with -g -O0 as a PIE
 * and as ET_EXEC: main() calls gdb_outer(), which calls gdb_inner(), so a backtrace from
 * gdb_inner() names three of the program's own functions.
 */
#include <stdio.h>

__attribute__((noinline)) int gdb_inner(int x)
{
	printf("gdb_inner %d\n", x);
	return x + 1;
}

__attribute__((noinline)) int gdb_outer(int x)
{
	return gdb_inner(x * 2) + 1;
}

int main(int argc, char **argv)
{
	(void)argv;
	return gdb_outer(argc) == 4 ? 0 : 1;	/* argc 1: gdb_inner(2) returns 3 */
}
