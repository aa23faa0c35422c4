#!/bin/sh
# An exec into an i386 program keeps the seccomp filter, which then checks i386 numbers:
# the selected i386 calls are counted as strace counts them.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/trace/lib-trace.sh"
need_strace
need_trace
need i386-exec
need cc-m32 "the i386 program is built here"

cat > "$T/i386.c" <<'C'
static long sys1(long nr, long a)
{
	__asm__ volatile("int $0x80" : "+a"(nr) : "b"(a) : "memory");
	return nr;
}
void _start(void)
{
	for (int i = 0; i < 3; i++)
		sys1(20, 0);				/* getpid */
	for (int i = 0; i < 2; i++)
		sys1(5, (long)"/nonexistent/execlab");	/* open: ENOENT */
	sys1(1, 0);					/* exit */
}
C
${CC:-cc} -m32 -nostdlib -static -ffreestanding -fno-pie -no-pie -O1 -o "$T/i386" "$T/i386.c" ||
	error "the -m32 compiler that the probe found failed"
"$T/i386" || fail "the i386 program does not run natively (exit $?)"
fparity i386 trace=getpid,open,openat '32:getpid|32:open|openat|getpid' '' \
	sh -c "$T/i386; $T/i386"
grep -q '^32:open 4 4$' "$T/i386.seccomp.n" || fail "i386 exec: open not counted right"
pass "an exec into an i386 program under the filter: counts equal strace's"
