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
# -v's stat times: the test directory's and /proc's change between the two runs.
TIMES='s/(time=|tv_sec=|time_nsec=|tv_nsec=)[0-9]+/\1N/g; s/ \/\* [0-9-]+T[^*]* \*\///g'
same() {
	local name=$1
	shift
	# shellcheck disable=SC2086
	$RUN_ENV "$TRACE" -f -o "$name.trace" "$@" > /dev/null 2>&1 || fail "$name: trace exited $?"
	# shellcheck disable=SC2086
	$RUN_ENV "$STRACE" -f -o "$name.strace" "$@" > /dev/null 2>&1 || fail "$name: strace exited $?"
	strace61_lines "$name.trace" | sed -E "$TIMES" > "$name.trace.61"
	strace61_lines "$name.strace" | sed -E "$TIMES" > "$name.strace.61"
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
grep -Fq 'MAP_PRIVATE|MAP_HUGETLB|21<<MAP_HUGE_SHIFT, -1, 0) = -1 EBADF' prog-abbrev.trace ||
	fail "mmap: the huge page size not named"
# -v: the environment's strings, more than -s of them (the same for both tools), and
# stat, newfstatat and statx structs in full (devices, owners, times), in each -X style.
RUN_ENV="env -i $(seq -f 'V%g=x' 40)"
same verbose -v "$P/xstyle"
RUN_ENV=
grep -q 'V40=x' verbose.trace || fail "-v: execve's environment not printed in full"
# (getdents' -v array is a listed gap, so no directory is listed.)
RUN_ENV="env -i PATH=$PATH"
for style in raw abbrev verbose; do
	same "sh-v-$style" -v -X "$style" sh -c 'ls -ld /dev/null /proc/self/ > /dev/null; true'
done
grep -Eq 'st_rdev=makedev\(0x1, 0x3\), st_atime=' verbose.trace ||
	fail "-v: /dev/null's stat struct not in full"
grep -Eq 'stx_ino=[0-9]+, stx_size=.*stx_mtime=\{tv_sec=' sh-v-abbrev.trace ||
	fail "-v: no statx struct in full"
RUN_ENV=
# /dev/null's times do not change between the runs: its lines, times and all, are strace's.
for name in verbose sh-v-abbrev sh-v-verbose; do
	for tool in trace strace; do
		grep -E '"/dev/null", .*stx?_mode=' "$name.$tool" | sed -E 's/^[0-9]+ +//' > "$name.$tool.null"
	done
	[ -s "$name.trace.null" ] || fail "$name: no stat of /dev/null"
	cmp -s "$name.trace.null" "$name.strace.null" ||
		{ diff "$name.strace.null" "$name.trace.null" >&2; fail "$name: /dev/null's struct differs"; }
done
# A signal with no call decoded before it (-e trace=none) is printed in the style too.
for style in raw verbose; do
	same "sig-$style" -e trace=none -X "$style" sh -c 'trap : USR1; kill -USR1 $$'
done
grep -Fq 'si_signo=10, si_code=0,' sig-raw.trace || fail "-X raw: siginfo not raw before any call"
# Bad style: one line, the usage status.
"$TRACE" -X names true 2> bad.err
assert_eq "-X names: exit status" 2 $?
assert_eq "-X names: lines" 1 "$(wc -l < bad.err)"
pass "-X raw, abbrev and verbose, and -v, as strace prints them"
