/*
 * tracer/report/summary.c: the end of a run's report (see summary.h).
 */
#include "arch.h"
#include "tracer/report/json.h"
#include "tracer/report/summary.h"

int summary_print(FILE *out, const struct summary *s)
{
	if (s->json)
		return s->counts ? summary_json_print(out, s->counts, s->sort, s->end, s->cost,
						      s->tree, s->tree ? s->ntree : 0) : 0;
	if (s->counts) {
		for (int p = 0; p < PERS_COUNT; p++) {
			if (!count_has_calls(s->counts, p))
				continue;
			if (arch_pers_heading(p))
				fprintf(out, "%s\n", arch_pers_heading(p));
			count_print(out, s->counts, p, s->sort);
		}
		if (s->cost)
			cost_print(out, s->cost);
	}
	if (s->tree) {
		if (s->counts)
			fputc('\n', out);
		tree_print(out, s->tree, s->ntree);
	}
	return 0;
}
