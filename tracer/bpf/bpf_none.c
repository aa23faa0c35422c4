/*
 * tracer/bpf/bpf_none.c: the bpf engine of a trace built without it (configure
 * --enable-bpf=no, or auto without libbpf, bpftool and clang): it is never possible.
 */
#include <errno.h>
#include <stdio.h>
#include "tracer/bpf/bpf_run.h"

int bpf_engine_built(void)
{
	return 0;
}

int bpf_counter_open(struct bpf_counter **out, int follow, int timed, char *why, size_t len)
{
	(void)follow;
	(void)timed;
	*out = NULL;
	snprintf(why, len, "this trace was built without it (configure --enable-bpf=no, or "
		 "libbpf-dev, bpftool or clang missing)");
	return -ENOSYS;
}

int bpf_counter_run(struct bpf_counter *c, char **argv, struct run_outcome *out)
{
	(void)c;
	(void)argv;
	(void)out;
	return 1;
}

void bpf_counter_close(struct bpf_counter *c)
{
	(void)c;
}

int bpf_measure_call_us(int timed, double *us)
{
	(void)timed;
	(void)us;
	return -ENOSYS;
}
