#!/bin/sh
# tests/trace/xstyle.sh: -X raw|abbrev|verbose (named constants as numbers, names, or both)
# and -v (execve's environment in full), against strace 6.1's own lines: a program making
# calls with each kind of constant, and a shell pipeline (clone, rt_sigaction, statx,
# futex, ioctl, connect, stat structs, signals in siginfo).
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/trace/lib-trace.sh"
need_strace
need_trace
cd "$T" || fail "cd $T"
NORMALISE=$top_srcdir/tests/corpus/normalise
need_cmd python3 "tests/corpus/normalise compares per process"
"$P/xstyle" || error "tests/trace/progs/xstyle failed untraced"

# same NAME OPTION... -- : trace's and strace's -f -o logs are identical per process once
# what differs between two strace runs is removed.
RUN_ENV=
same() {
	local name=$1
	shift
	# shellcheck disable=SC2086
	$RUN_ENV "$TRACE" -f -o "$name.trace" "$@" > /dev/null 2>&1 || fail "$name: trace exited $?"
	# shellcheck disable=SC2086
	$RUN_ENV "$STRACE" -f -o "$name.strace" "$@" > /dev/null 2>&1 || fail "$name: strace exited $?"
	strace61_lines "$name.trace" > "$name.trace.61"
	strace61_lines "$name.strace" > "$name.strace.61"
	python3 "$NORMALISE" --compare "$name.strace.61" "$name.trace.61" > "$name.cmp"
	grep -q '^100\.00% identical' "$name.cmp" ||
		{ cat "$name.cmp" >&2; fail "$name: trace's log differs from strace's"; }
	grep -q '^100\.00% identical (0 of' "$name.cmp" && fail "$name: no lines compared"
}

for style in raw abbrev verbose; do
	same "prog-$style" -X "$style" "$P/xstyle"
	same "sh-$style" -X "$style" sh -c 'ls -l /dev/null /proc/self/ > /dev/null; true'
done
grep -Eq 'openat\(-100, "/dev/null", 0\) += 3' prog-raw.trace || fail "-X raw: no raw openat"
grep -Fq '0x40000041 /* O_WRONLY|O_CREAT|0x40000000 */' prog-verbose.trace ||
	fail "-X verbose: open flags with an unknown bit"
grep -Fq '= 0x8000 (flags O_RDONLY|O_LARGEFILE)' prog-raw.trace ||
	fail "-X raw: F_GETFL's comment lost its names"
# -v: the environment's strings, more than -s of them (the same for both tools); the
# stat structs -v widens are a listed gap (tests/trace/strace-6.1-differences).
RUN_ENV="env -i $(seq -f 'V%g=x' 40)"
same verbose -v -e trace='!/stat' "$P/xstyle"
RUN_ENV=
grep -q 'V40=x' verbose.trace || fail "-v: execve's environment not printed in full"
# Bad style: one line, the usage status.
"$TRACE" -X names true 2> bad.err
assert_eq "-X names: exit status" 2 $?
assert_eq "-X names: lines" 1 "$(wc -l < bad.err)"
pass "-X raw, abbrev and verbose, and -v, as strace prints them"
