/*
 * loader/prctl_mm_map.c: pure helpers for PR_SET_MM_MAP (see prctl_mm_map.h). The rules
 * are those of kernel/sys.c:validate_prctl_map_addr(): every address field in
 * [mmap_min_addr, TASK_SIZE), and start_code < end_code, start_data <= end_data,
 * start_brk <= brk, arg_start <= arg_end, env_start <= env_end. (It also checks the data
 * size against RLIMIT_DATA, which the loader leaves to the kernel.)
 */
#include <linux/errno.h>
#include "loader/fmt.h"
#include "loader/prctl_mm_map.h"

static int outside(unsigned long long v, unsigned long lo, unsigned long hi)
{
	return v < lo || v >= hi;
}

unsigned prctl_mm_map_refused(const struct prctl_mm_map *m, unsigned long lo, unsigned long hi)
{
	unsigned bad = 0;

	if (outside(m->start_code, lo, hi) || outside(m->end_code, lo, hi) ||
	    m->start_code >= m->end_code)
		bad |= MM_CODE;
	if (outside(m->start_data, lo, hi) || outside(m->end_data, lo, hi) ||
	    m->start_data > m->end_data)
		bad |= MM_DATA;
	if (outside(m->start_brk, lo, hi) || outside(m->brk, lo, hi) || m->start_brk > m->brk)
		bad |= MM_BRK;
	if (outside(m->start_stack, lo, hi))
		bad |= MM_STACK;
	if (outside(m->arg_start, lo, hi) || outside(m->arg_end, lo, hi) ||
	    m->arg_start > m->arg_end)
		bad |= MM_ARGS;
	if (outside(m->env_start, lo, hi) || outside(m->env_end, lo, hi) ||
	    m->env_start > m->env_end)
		bad |= MM_ENV;
	return bad;
}

void prctl_mm_map_take(struct prctl_mm_map *m, const struct prctl_mm_map *own, unsigned mask)
{
	if (mask & MM_CODE) {
		m->start_code = own->start_code;
		m->end_code = own->end_code;
	}
	if (mask & MM_DATA) {
		m->start_data = own->start_data;
		m->end_data = own->end_data;
	}
	if (mask & MM_BRK) {
		m->start_brk = own->start_brk;
		m->brk = own->brk;
	}
	if (mask & MM_STACK)
		m->start_stack = own->start_stack;
	if (mask & MM_ARGS) {
		m->arg_start = own->arg_start;
		m->arg_end = own->arg_end;
	}
	if (mask & MM_ENV) {
		m->env_start = own->env_start;
		m->env_end = own->env_end;
	}
}

/* proc(5) field numbers (1-based) of the values wanted, in struct order below. */
static const unsigned char stat_field[] = { 26, 27, 28, 45, 46, 47, 48, 49, 50, 51 };

int prctl_mm_map_from_stat(const char *s, size_t len, struct prctl_mm_map *own)
{
	unsigned long long v[sizeof stat_field];
	size_t i, k = 0;
	unsigned field = 2;	/* the text after comm's ')' starts with field 3 */

	/* comm may hold spaces and parentheses: fields restart after the last ')' */
	for (i = len; i > 0 && s[i - 1] != ')'; i--)
		;
	if (i == 0)
		return -EINVAL;
	while (i < len && k < sizeof stat_field) {
		unsigned long long n = 0;
		int digits = 0;

		while (i < len && s[i] == ' ')
			i++;
		field++;
		while (i < len && s[i] != ' ' && s[i] != '\n') {
			if (s[i] >= '0' && s[i] <= '9')
				n = n * 10 + (unsigned)(s[i] - '0'), digits++;
			i++;
		}
		if (field == stat_field[k]) {
			if (!digits)
				return -EINVAL;
			v[k++] = n;
		}
	}
	if (k != sizeof stat_field)
		return -EINVAL;
	own->start_code = v[0];
	own->end_code = v[1];
	own->start_stack = v[2];
	own->start_data = v[3];
	own->end_data = v[4];
	own->start_brk = own->brk = v[5];
	own->arg_start = v[6];
	own->arg_end = v[7];
	own->env_start = v[8];
	own->env_end = v[9];
	return 0;
}

size_t prctl_mm_map_names(unsigned mask, char *out, size_t size)
{
	static const char *const name[MM_PAIRS] = { "code", "data", "brk", "stack", "argv",
						    "environment" };
	size_t n = 0;

	out[0] = '\0';
	for (int i = 0; i < MM_PAIRS; i++)
		if (mask & (1u << i))
			n += fmt(out + n, size - n, "%s%s", n ? ", " : "", name[i]);
	return n;
}
