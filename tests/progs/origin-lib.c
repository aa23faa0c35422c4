/* tests/progs/origin-lib.c: tests/progs/origin/lib/liborigin.so (see origin-main.c). */
const char *origin_greeting(void)
{
	return "liborigin.so found through $ORIGIN";
}
