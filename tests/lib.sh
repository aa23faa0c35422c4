# tests/lib.sh: shared helpers for execlab's shell tests. Source it first:
#   . "$top_srcdir/tests/lib.sh"
# Exit status: 0 pass, 1 fail, 77 skip (Automake's convention).
set -u

: "${top_srcdir:=$(cd "$(dirname "$0")/../.." && pwd)}"
: "${top_builddir:=$top_srcdir}"
S=$top_srcdir
B=$top_builddir
STRACE=${STRACE:-$(command -v strace || true)}
PYTHON3=${PYTHON3:-$(command -v python3 || true)}

# A scratch directory per test, removed at exit.
T=$(mktemp -d "${TMPDIR:-/tmp}/execlab-test.XXXXXX")

# at_exit NAME: call NAME (a function or command, no arguments) when the test ends, before
# $T is removed. If it fails, the test fails, whatever status it was exiting with.
AT_EXIT=
at_exit() { AT_EXIT="$AT_EXIT $1"; }
run_at_exit() {
	local rc=$? f
	for f in $AT_EXIT; do
		"$f" || { [ $rc -ne 0 ] && [ $rc -ne 77 ] || rc=1; }
	done
	rm -rf "$T"
	exit $rc
}
trap run_at_exit EXIT

fail() { echo "FAIL: $*" >&2; exit 1; }
skip() { echo "SKIP: $*"; exit 77; }
pass() { echo "PASS: $*"; }
note() { echo "# $*"; }

# run_timeout SECONDS CMD...: run CMD, killing it (and saying so) if it outlives SECONDS.
run_timeout() {
	local secs=$1; shift
	timeout --kill-after=5 "$secs" "$@"
	local rc=$?
	[ $rc -eq 124 ] && echo "TIMEOUT after ${secs}s: $*" >&2
	return $rc
}

# wait_until SECONDS CMD...: run CMD until it succeeds, a few times per 100 ms; FAIL if it
# still fails after SECONDS. For a state the test cannot be told about (a process stopped,
# a tracer attached): the deadline only matters when something is broken, so be generous.
wait_until() {
	local secs=$1 end; shift
	end=$(( $(date +%s) + secs ))
	until "$@"; do
		[ "$(date +%s)" -lt $end ] || fail "still not so after ${secs}s: $*"
		sleep 0.02
	done
}

need_cmd() { command -v "$1" >/dev/null 2>&1 || skip "$1 is not installed${2:+ ($2)}"; }
need_strace() {
	[ -n "$STRACE" ] && [ -x "$STRACE" ] || skip "strace is not installed (Debian package strace)"
	"$STRACE" -o /dev/null true 2>/dev/null ||
		skip "strace cannot trace here (ptrace not permitted: container or Yama ptrace_scope)"
}
need_root() { [ "$(id -u)" -eq 0 ] || skip "needs root: $*"; }
need_file() { [ -e "$1" ] || skip "$1 is missing${2:+ ($2)}"; }

# normalise < in > out: make output comparable across runs (addresses, pids, timings).
normalise() {
	sed -E -e 's/0x[0-9a-f]{6,16}/0xADDR/g' \
	       -e 's/\[pid +[0-9]+\]/[pid N]/g' \
	       -e 's/(pid|ppid|si_pid)=[0-9]+/\1=N/g'
}

# assert_golden EXPECTED-FILE ACTUAL-FILE: equal after normalising both.
assert_golden() {
	normalise < "$1" > "$T/golden.expected"
	normalise < "$2" > "$T/golden.actual"
	diff -u "$T/golden.expected" "$T/golden.actual" >&2 || fail "output differs from $1"
}

# assert_eq WHAT EXPECTED ACTUAL
assert_eq() { [ "$2" = "$3" ] || fail "$1: expected '$2', got '$3'"; }

# strace_syscalls LOGFILE: syscall names in a strace -o log, one per line, in order.
strace_syscalls() {
	sed -nE 's/^([0-9]+ +)?([a-z_0-9]+)\(.*/\2/p' "$1"
}
