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
# error: the test itself cannot run (a tool under test or a helper is missing or broken).
# Only the machine may cause a SKIP; this is Automake's hard error.
error() { echo "ERROR: $*" >&2; exit 99; }
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

# ---- Machine probes ----
# probe NAME: succeeds when this machine can do NAME, found by trying it once per test (the
# answer is kept in $T): tests/probe/probe for kernel and CPU capabilities (`probe --list`
# names them: int80, i386-exec, ptrace, ptrace-attach, perf, bpf, pku, userns, aslr,
# norandom, mdwe, mountns, seccomp, root), and the shell for tools the tests use as oracles
# or to build with (strace, python3, musl-gcc, cc-m32, cc-asan, valgrind, qemu-system-x86_64...).
# PROBE_WHY holds the reason. EXECLAB_PROBE_<NAME>=yes|no (upper case, '-' as '_') forces
# the answer, so either branch of a test can be run on any machine (tests/probe/forced.sh).
PROBE=$B/tests/probe/probe
PROBE_WHY=
probe() {
	local name=$1 var val rc
	var=EXECLAB_PROBE_$(printf '%s' "$name" | tr 'a-z-' 'A-Z_')
	eval "val=\${$var:-}"
	case $val in
	yes) PROBE_WHY="$name: forced by $var=yes"; return 0 ;;
	no) PROBE_WHY="$name: forced by $var=no"; return 1 ;;
	"") ;;
	*) error "$var='$val': expected yes or no" ;;
	esac
	if [ ! -f "$T/probe.$name" ]; then
		probe_now "$name" > "$T/probe.$name"
		echo $? >> "$T/probe.$name"
	fi
	PROBE_WHY=$(sed -n '1p' "$T/probe.$name")
	rc=$(sed -n '$p' "$T/probe.$name")
	return "$rc"
}
# probe_forced NAME: the answer for NAME comes from the environment, not the machine.
probe_forced() {
	local var val
	var=EXECLAB_PROBE_$(printf '%s' "$1" | tr 'a-z-' 'A-Z_')
	eval "val=\${$var:-}"
	[ -n "$val" ]
}
# need NAME [WHAT]: skip the test, with the probe's reason, unless the machine can do NAME.
need() { probe "$1" || skip "${2:+$2: }$PROBE_WHY"; }

# probe_now NAME: one line "NAME yes|no: reason", status 0 for yes.
probe_now() {
	case $1 in
	strace)
		[ -n "$STRACE" ] && [ -x "$STRACE" ] ||
			{ echo "strace no: strace is not installed (Debian package strace)"; return 1; }
		"$STRACE" -o /dev/null true 2>/dev/null ||
			{ echo "strace no: strace cannot trace here ($("$PROBE" ptrace | sed 's/^[^:]*: //'))"; return 1; }
		echo "strace yes: $("$STRACE" -V | head -n 1)" ;;
	python3)
		[ -n "$PYTHON3" ] && "$PYTHON3" -c 'import json' 2>/dev/null ||
			{ echo "python3 no: python3 is not installed (Debian package python3)"; return 1; }
		echo "python3 yes: $("$PYTHON3" --version 2>&1)" ;;
	cc-m32)
		printf 'void _start(void) { for (;;) ; }\n' > "$T/probe-m32.c"
		${CC:-cc} -m32 -nostdlib -static -ffreestanding -fno-pie -no-pie -o "$T/probe-m32" \
			"$T/probe-m32.c" 2> /dev/null ||
			{ echo "cc-m32 no: ${CC:-cc} cannot build a freestanding -m32 program"; return 1; }
		echo "cc-m32 yes: ${CC:-cc} builds freestanding -m32 programs" ;;
	cc-asan)
		printf 'int main(void) { return 0; }\n' > "$T/probe-asan.c"
		${CC:-cc} -fsanitize=address -o "$T/probe-asan" "$T/probe-asan.c" 2> /dev/null &&
			"$T/probe-asan" ||
			{ echo "cc-asan no: ${CC:-cc} cannot build and run a -fsanitize=address program (Debian: gcc's libasan)"; return 1; }
		echo "cc-asan yes: ${CC:-cc} builds -fsanitize=address programs" ;;
	*)
		if "$PROBE" --list | grep -q "^$1 "; then
			"$PROBE" "$1"
			return $?
		fi
		# Any other name is a command that must be on PATH.
		command -v "$1" > /dev/null 2>&1 || { echo "$1 no: $1 is not installed"; return 1; }
		echo "$1 yes: $(command -v "$1")" ;;
	esac
}
[ -x "$PROBE" ] || error "$PROBE was not built (make check builds it)"

need_cmd() { command -v "$1" >/dev/null 2>&1 || skip "$1 is not installed${2:+ ($2)}"; }
need_strace() { need strace; }
need_root() { need root "${1:-}"; }
# need_built FILE WHAT: a program of this tree must have been built; if not, a hard error.
need_built() { [ -x "$1" ] || error "$1 was not built${2:+ ($2)}"; }
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
