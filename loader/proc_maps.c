/*
 * loader/proc_maps.c: the lines of /proc/PID/maps (proc(5)):
 *   start-end perms offset dev inode [pathname]
 * with start and end in hex and the pathname column (a file, "[stack]", "[vdso]", ...)
 * after any number of blanks, or absent for an anonymous mapping.
 */
#include <string.h>
#include "loader/proc_maps.h"

/* Parse a hex number at *p (advancing it); 0 if there is no digit. */
static int hex(const char **p, const char *end, unsigned long *v)
{
	const char *s = *p;

	*v = 0;
	for (; *p < end; (*p)++) {
		char c = **p;
		unsigned d;

		if (c >= '0' && c <= '9')
			d = (unsigned)(c - '0');
		else if (c >= 'a' && c <= 'f')
			d = (unsigned)(c - 'a' + 10);
		else
			break;
		if (*v >> 60)
			return 0;	/* more than 64 bits */
		*v = *v << 4 | d;
	}
	return *p > s;
}

/* One line [s, end) (no newline) into *e; 0 if it is not a maps line. */
static int parse_line(const char *s, const char *end, struct maps_entry *e)
{
	size_t n;

	if (!hex(&s, end, &e->start) || s == end || *s++ != '-' || !hex(&s, end, &e->end) ||
	    e->end <= e->start)
		return 0;
	/* skip perms, offset, dev and inode: four blank-separated fields */
	for (int field = 0; field < 4; field++) {
		while (s < end && *s == ' ')
			s++;
		if (s == end)
			return 0;
		while (s < end && *s != ' ')
			s++;
	}
	while (s < end && (*s == ' ' || *s == '\t'))
		s++;
	n = (size_t)(end - s);
	if (n >= sizeof e->name)
		n = sizeof e->name - 1;
	memcpy(e->name, s, n);
	e->name[n] = '\0';
	return 1;
}

int maps_find_overlap(const char *text, size_t len, unsigned long lo, unsigned long hi,
		      unsigned long skip_lo, unsigned long skip_hi, struct maps_entry *e)
{
	const char *p = text, *end = text + len;

	while (p < end) {
		const char *nl = p;

		while (nl < end && *nl != '\n')
			nl++;
		if (nl == end)
			break;	/* cut short: not a whole line */
		if (parse_line(p, nl, e) && e->start < hi && lo < e->end &&
		    !(skip_lo < skip_hi && e->start >= skip_lo && e->end <= skip_hi))
			return 1;
		p = nl + 1;
	}
	return 0;
}
