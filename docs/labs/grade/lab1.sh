# docs/labs/grade/lab1.sh: lab 1's graded cases (docs/labs/01-system-calls.md, Exercise).
# Each case runs docs/labs/code/lab1/sccount on a program and compares its `COUNT NAME`
# lines with the calls column of `trace -c` on the same program; the programs are chosen
# so that their counts are the same from run to run. Sourced by docs/labs/grade/grade.sh 1
# (`make grade LAB=1`), from the build directory.
#
# A case is a function that prints nothing and returns 0 when sccount is right, or prints
# one line saying what differs and returns 1; each is given to grade_case at the end.

LAB1_B=${B:-${EXECLAB:-.}}
# (LAB1_SCCOUNT may name another build of it: tests/labs/lab1-sccount.sh grades the stub)
LAB1_SCCOUNT=${LAB1_SCCOUNT:-$LAB1_B/docs/labs/code/lab1/sccount}
LAB1_TRACE=$LAB1_B/tracer/trace
LAB1_TMP=

# lab1_setup: the scratch directory (in grade.sh's, which it removes), and whether this
# machine lets trace work at all (if not, the grader cannot run: no student's fault).
lab1_setup() {
	LAB1_TMP=$(mktemp -d "${GRADE_TMP:-${TMPDIR:-/tmp}}/lab1.XXXXXX") || return 1
	[ -x "$LAB1_SCCOUNT" ] || { echo "$LAB1_SCCOUNT is not built (run make)"; return 1; }
	"$LAB1_TRACE" -c -o /dev/null /bin/true ||
		{ echo "trace -c /bin/true fails here: ptrace is not permitted"; return 1; }
}
lab1_cleanup() { [ -z "$LAB1_TMP" ] || rm -rf "$LAB1_TMP"; }

# lab1_expect PROGRAM [ARG...]: trace -c's calls column as `COUNT NAME` lines by name,
# in $LAB1_TMP/expected, and the program's exit status in $LAB1_TMP/status.
# trace runs under timeout as sccount does below: timeout leaves the program SIGINT and
# SIGQUIT at their defaults, even where this grader was started with them ignored (in the
# background), and a shell or dd makes fewer calls when they are ignored.
lab1_expect() {
	timeout --kill-after=5 30 "$LAB1_TRACE" -c -S name -o "$LAB1_TMP/trace" "$@" >/dev/null 2>&1
	echo $? > "$LAB1_TMP/status"
	# the rows between the two dashed lines: calls is the 4th column, the name the last
	awk '/^------/ { d++; next } d == 1 { print $4, $NF }' "$LAB1_TMP/trace" \
		> "$LAB1_TMP/expected"
}

# lab1_check PROGRAM [ARG...]: sccount's counts and exit status against trace -c's.
lab1_check() {
	local rc want
	lab1_expect "$@"
	want=$(cat "$LAB1_TMP/status")
	# sccount writes its lines on stderr after the program has ended; the program's own
	# stderr comes first and has no line of that shape
	timeout --kill-after=5 30 "$LAB1_SCCOUNT" "$@" >/dev/null 2>"$LAB1_TMP/sccount.err"
	rc=$?
	grep -E '^[0-9]+ [a-z0-9_?]+$' "$LAB1_TMP/sccount.err" > "$LAB1_TMP/got"
	if ! cmp -s "$LAB1_TMP/expected" "$LAB1_TMP/got"; then
		echo "sccount $*: counts differ from trace -c's (-expected +sccount):" \
			"$(diff "$LAB1_TMP/expected" "$LAB1_TMP/got" | grep '^[<>]' |
			   sed 's/^< /-/; s/^> /+/' | head -n 6 | tr '\n' ' ')"
		return 1
	fi
	if [ "$rc" != "$want" ]; then
		echo "sccount $*: exit status $rc, the program's is $want"
		return 1
	fi
}

# The cases: NAME MAX FUNCTION, one per line.
LAB1_CASES='freestanding 10 lab1_case_freestanding
musl 10 lab1_case_musl
glibc-static 15 lab1_case_glibc_static
glibc-dynamic 15 lab1_case_glibc_dynamic
bin-true 10 lab1_case_bin_true
path-search 10 lab1_case_path_search
errors 15 lab1_case_errors
child 15 lab1_case_child'

# the freestanding hello: execve and write only
lab1_case_freestanding() { lab1_check "$LAB1_B/nostd-demo/hello"; }
# musl's start-up; where musl-gcc is missing, the same question with glibc's static hello
lab1_case_musl() {
	if [ -x "$LAB1_B/nostd-demo/hello-musl" ]; then
		lab1_check "$LAB1_B/nostd-demo/hello-musl"
	else
		lab1_check "$LAB1_B/nostd-demo/hello-glibc-static"
	fi
}
lab1_case_glibc_static() { lab1_check "$LAB1_B/nostd-demo/hello-glibc-static"; }
# the dynamic loader's calls, and an access() that fails
lab1_case_glibc_dynamic() { lab1_check "$LAB1_B/nostd-demo/hello-glibc"; }
lab1_case_bin_true() { lab1_check /bin/true; }
# a name without a slash: execvp's failed tries along PATH are not the program's
lab1_case_path_search() { (PATH=/nonexistent-lab1:/usr/bin:/bin; lab1_check true); }
# failing calls count as calls, and the program's exit status (2) comes back
lab1_case_errors() { lab1_check ls /no/such/file; }
# sh forks /bin/true: only sh's own calls are counted (vfork, wait4, a SIGCHLD's
# rt_sigreturn), none of the child's
lab1_case_child() { lab1_check sh -c '/bin/true; echo'; }

# Register the cases with grade.sh (tests/labs/lab1-sccount.sh defines its own grade_case).
lab1_setup >&2 || exit 99
while read -r lab1_name lab1_max lab1_fn; do
	grade_case "$lab1_name" "$lab1_max" "$lab1_fn"
done <<LAB1_CASES
$LAB1_CASES
LAB1_CASES
