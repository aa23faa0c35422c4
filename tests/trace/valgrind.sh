#!/bin/sh
# trace under valgrind's memcheck: no invalid access, no decision on undefined memory and no
# definite leak while it follows forks, execs and threads (-f), unwinds stacks (-k), filters
# with seccomp (-e trace=), prints its summaries and runs --compare. valgrind runs trace
# only (--trace-children=no): the programs are trace's tracees, never valgrind's.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/trace/lib-trace.sh"
need valgrind "memcheck runs trace"
need_trace

# --cost loads trace's eBPF programs (the bpf engine's price) where it may. libbpf passes
# bpf(2) only the leading part of union bpf_attr that a command uses (its size argument
# says how much); memcheck's model of bpf(2) checks fields past that size and reports
# them as uninitialised. Those two reports, from inside libbpf, are suppressed.
cat > "$T/libbpf.supp" <<'SUPP'
{
   libbpf passes the part of bpf_attr it uses (1)
   Memcheck:Param
   bpf(attr->expected_attach_type)
   ...
   obj:*/libbpf.so*
}
{
   libbpf passes the part of bpf_attr it uses (2)
   Memcheck:Param
   bpf(attr->prog_ifindex)
   ...
   obj:*/libbpf.so*
}
SUPP

# memcheck NAME STATUS ARG...: `trace ARG...` under memcheck must exit STATUS; memcheck
# itself exits 86 on an error or a definite leak, and its log is shown.
memcheck() {
	local name=$1 want=$2 rc
	shift 2
	run_timeout 120 valgrind -q --error-exitcode=86 --leak-check=full \
		--errors-for-leak-kinds=definite --trace-children=no --suppressions="$T/libbpf.supp" \
		--log-file="$T/$name.vg.%p" "$TRACE" "$@" > "$T/$name.out" 2> "$T/$name.err" < /dev/null
	rc=$?
	if [ $rc -ne "$want" ]; then
		cat "$T/$name".vg.* "$T/$name.err" >&2
		fail "$name: trace under memcheck exited $rc, expected $want (86: memcheck found errors)"
	fi
	note "$name: no memcheck error"
}

# One -f run over forks with execs, threads, execs by a non-leader thread and many short
# threads: every tracee table path (new, exec, exit, pid switch).
memcheck follow 0 -f -o "$T/follow.trace" sh -c \
	'"$1" 5 /bin/true && "$2" 4 200 && "$3" 3 thread && "$4" 300' sh \
	"$P/forker" "$P/threads" "$P/execchain" "$P/manythreads"
grep -Eq '^[0-9]+ +execve\(' "$T/follow.trace" || fail "follow: no execve of a child traced"
[ "$(grep -c 'exited with 0 +++$' "$T/follow.trace")" -ge 10 ] ||
	fail "follow: fewer than 10 processes seen exiting"

memcheck stack 0 -f -k -e trace=write,exit_group -o "$T/stack.trace" sh -c 'echo hi'
grep -q '^ > ' "$T/stack.trace" || fail "stack: no frame printed"

memcheck summary 0 -f -C -w --tree --cost -o "$T/summary.trace" "$P/forker" 3 /bin/true
grep -Eq ' total$' "$T/summary.trace" || fail "summary: no -c table"

memcheck compare 0 --compare /bin/true "$P/forker"
grep -q "^total " "$T/compare.err" || fail "compare: no table"
memcheck json 0 --json --compare /bin/true "$P/forker 3 /bin/true"
grep -q '"syscalls"' "$T/json.err" || fail "json: no table"

memcheck notfound 127 /nonexistent/program
pass "trace under memcheck: -f, -k, -e, -C/--tree/--cost, --compare, --json, a missing program"
