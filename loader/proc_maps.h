/*
 * loader/proc_maps.h: reading proc(5)'s /proc/PID/maps text, to name what is mapped in a
 * range ("[stack]", "[vdso]", a file). Pure: works on a buffer, unit-tested.
 */
#ifndef LOADER_PROC_MAPS_H
#define LOADER_PROC_MAPS_H

#include <stddef.h>

struct maps_entry {
	unsigned long start, end;
	char name[96];		/* the pathname column, truncated; "" for an anonymous mapping */
};

/*
 * The first complete line of maps text [text, text + len) whose range meets [lo, hi) and
 * does not lie inside [skip_lo, skip_hi) (a range of the caller's own to ignore; empty if
 * skip_lo >= skip_hi). Returns 1 and fills *e, or 0 if there is none. Malformed lines and
 * an unfinished last line (the text was cut short) are ignored.
 */
int maps_find_overlap(const char *text, size_t len, unsigned long lo, unsigned long hi,
		      unsigned long skip_lo, unsigned long skip_hi, struct maps_entry *e);

#endif
