/*
 * tests/progs/deepstack.c: the main thread's stack grows as deep as RLIMIT_STACK allows:
 * recurse through three quarters of the limit (at most 48 MiB), touching
 * every page on the way down, and check the values on the way back up.
 */
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>

#define FRAME (64 * 1024)

static unsigned long depth_reached;

static unsigned long down(unsigned long left)
{
	volatile unsigned char frame[FRAME];

	memset((void *)frame, (int)(left & 0xff), sizeof frame);
	depth_reached++;
	if (left == 0)
		return frame[FRAME / 2];
	return down(left - 1) + frame[0] + frame[FRAME - 1];
}

int main(void)
{
	struct rlimit rl;
	unsigned long bytes, frames, expect = 0;

	if (getrlimit(RLIMIT_STACK, &rl) != 0)
		return 2;
	bytes = rl.rlim_cur == RLIM_INFINITY || rl.rlim_cur > (64UL << 20) ? 64UL << 20 : rl.rlim_cur;
	frames = bytes / 4 * 3 / FRAME;
	for (unsigned long i = 0; i <= frames; i++)
		expect += i == 0 ? 0 : 2 * (i & 0xff);
	printf("recursing through %lu KiB of stack\n", frames * FRAME / 1024);
	fflush(stdout);
	unsigned long got = down(frames);
	printf("depth %lu, checksum %s\n", depth_reached, got == expect ? "ok" : "WRONG");
	return got != expect;
}
