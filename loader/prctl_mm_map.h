/*
 * loader/prctl_mm_map.h: what PR_SET_MM_MAP will refuse, decided over a buffer, and the
 * loader's own mm fields read from /proc/self/stat to stand in for refused ones.
 */
#ifndef LOADER_PRCTL_MM_MAP_H
#define LOADER_PRCTL_MM_MAP_H

#include <stddef.h>
#include <linux/prctl.h>

/* The field pairs kernel/sys.c:validate_prctl_map_addr() checks, one bit each. */
enum mm_pair {
	MM_CODE = 1 << 0,	/* start_code < end_code */
	MM_DATA = 1 << 1,	/* start_data <= end_data */
	MM_BRK = 1 << 2,	/* start_brk <= brk */
	MM_STACK = 1 << 3,	/* start_stack */
	MM_ARGS = 1 << 4,	/* arg_start <= arg_end */
	MM_ENV = 1 << 5,	/* env_start <= env_end */
	MM_PAIRS = 6
};

/*
 * The pairs validate_prctl_map_addr() would refuse (a member outside [min_addr,
 * max_addr), or the pair out of order), as MM_* bits; 0 when it accepts them all.
 */
unsigned prctl_mm_map_refused(const struct prctl_mm_map *m, unsigned long min_addr,
			      unsigned long max_addr);

/* Copy the pairs in mask from own into m. */
void prctl_mm_map_take(struct prctl_mm_map *m, const struct prctl_mm_map *own, unsigned mask);

/*
 * The mm fields of /proc/PID/stat (proc(5): startcode, endcode, startstack, start_data,
 * end_data, start_brk, arg_start, arg_end, env_start, env_end; brk taken as start_brk)
 * from its text. Returns 0, or -EINVAL when the text is not such a line.
 */
int prctl_mm_map_from_stat(const char *stat, size_t len, struct prctl_mm_map *own);

/* "code, brk" for the pairs in mask. */
size_t prctl_mm_map_names(unsigned mask, char *out, size_t size);

#endif
