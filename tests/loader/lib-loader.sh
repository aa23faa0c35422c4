# tests/loader/lib-loader.sh: helpers for the loader's integration tests. Source it instead
# of tests/lib.sh (it sources that first):
#   . "$top_srcdir/tests/loader/lib-loader.sh"
# The kernel is the oracle: every check runs the same command natively first, then under
# loader/loader, and compares. Mismatches are collected (so one run reports all of them)
# and `finish` turns them into FAIL or PASS.
. "$top_srcdir/tests/lib.sh"

L=${EXECLAB_LOADER:-$B/loader/loader}	# the program under test (override: EXECLAB_LOADER)
P=$B/tests/progs		# test programs built by tests/loader/Makemodule.am
KEXEC=$S/tests/loader/kexec.py
MKELF=$S/tests/loader/mkelf.py
NOCHECK=$S/tests/loader/no-exec-check.py
MISMATCHES=0
# Per-call settings of the helpers below, given by the tests themselves: never inherited.
unset STDIN LOADER_PATH SAME_STDERR

need_built "$L" "make builds loader/loader"

# python3: /usr/bin/python3 when there is one (a pyenv shim on PATH may not run under
# env -i or as another user), else configure's.
if [ -x /usr/bin/python3 ]; then PY=/usr/bin/python3; else PY=$PYTHON3; fi
need_python() { need python3; [ -n "$PY" ] && [ -x "$PY" ] || skip "python3 is not installed"; }

# No core files from the crash tests, wherever the test runs.
ulimit -c 0 2>/dev/null

# make_cases: tests/loader/mkelf.py's malformed and valid files in $T/cases (readable and
# executable by uid 65534 too), their list in $T/cases.jsonl.
make_cases() {
	chmod 755 "$T"
	"$PY" "$MKELF" "$T/cases" > "$T/cases.jsonl" || error "mkelf.py failed"
	chmod 755 "$T/cases"
}

mismatch() { echo "MISMATCH: $*" >&2; MISMATCHES=$((MISMATCHES + 1)); }

# check_eq WHAT EXPECTED ACTUAL: like assert_eq, but records a mismatch and goes on.
check_eq() { [ "$2" = "$3" ] || mismatch "$1: expected '$2', got '$3'"; }

# finish WHAT: FAIL if any mismatch was recorded, else PASS.
finish() {
	[ "$MISMATCHES" -eq 0 ] || fail "$1: $MISMATCHES mismatch(es) with the native run (see above)"
	pass "$1"
}

# need_prog NAME: $P/NAME must have been built (by `make check`).
need_prog() { [ -x "$P/$1" ] || fail "$P/$1 was not built (run make check)"; }

# run_both TAG CMD...: run CMD natively, then as `loader CMD...`, same stdin (/dev/null
# unless STDIN names a file), each with a timeout. Leaves $T/TAG.{native,loader}.{out,err}
# and sets NATIVE_RC and LOADER_RC.
run_both() {
	local tag=$1; shift
	run_timeout 30 "$@" < "${STDIN:-/dev/null}" > "$T/$tag.native.out" 2> "$T/$tag.native.err"
	NATIVE_RC=$?
	run_timeout 30 "$L" "$@" < "${STDIN:-/dev/null}" > "$T/$tag.loader.out" 2> "$T/$tag.loader.err"
	LOADER_RC=$?
}

# compare_runs TAG LABEL WHAT: after run_both (or a helper like it), record a mismatch for
# each way the loader's run ($T/TAG.loader.{out,err}, LOADER_RC) differs from the native
# one: status, stdout, and stderr too when SAME_STDERR=1. LABEL names the case in messages,
# WHAT the loader's command line. Returns 1 when they differ.
compare_runs() {
	local tag=$1 label=$2 what=$3 ok=1
	if [ "$NATIVE_RC" != "$LOADER_RC" ]; then
		mismatch "$label: \`$what\` exited $LOADER_RC, natively $NATIVE_RC"
		ok=0
	fi
	if ! cmp -s "$T/$tag.native.out" "$T/$tag.loader.out"; then
		mismatch "$label: stdout of \`$what\` differs from the native run:"
		diff -u "$T/$tag.native.out" "$T/$tag.loader.out" | head -n 30 >&2
		ok=0
	fi
	if [ "${SAME_STDERR:-0}" = 1 ] && ! cmp -s "$T/$tag.native.err" "$T/$tag.loader.err"; then
		mismatch "$label: stderr of \`$what\` differs from the native run:"
		diff -u "$T/$tag.native.err" "$T/$tag.loader.err" | head -n 30 >&2
		ok=0
	fi
	[ $ok = 1 ] || sed -n '1,5s/^/  loader stderr: /p' "$T/$tag.loader.err" >&2
	return $((1 - ok))
}

# same_run TAG CMD...: stdout and exit status of CMD under the loader equal the native run
# (and stderr too when SAME_STDERR=1).
same_run() {
	local tag=$1; shift
	run_both "$tag" "$@"
	compare_runs "$tag" "$tag" "loader $*" &&
		note "$tag: same stdout ($(wc -l < "$T/$tag.native.out") lines), exit $NATIVE_RC"
	return 0
}

# expect_refusal TAG STATUS REASON CMD...: `loader CMD...` exits STATUS with exactly one
# stderr line `loader: PROG: REASON...` (PROG = CMD's first word) and nothing on stdout.
# With LOADER_PATH set, the loader runs with PATH=$LOADER_PATH.
expect_refusal() {
	local tag=$1 status=$2 reason=$3; shift 3
	if [ -n "${LOADER_PATH:-}" ]; then
		run_timeout 30 env PATH="$LOADER_PATH" "$L" "$@" < /dev/null \
			> "$T/$tag.loader.out" 2> "$T/$tag.loader.err"
	else
		run_timeout 30 "$L" "$@" < /dev/null > "$T/$tag.loader.out" 2> "$T/$tag.loader.err"
	fi
	LOADER_RC=$?
	local lines want="loader: $1: $reason"
	lines=$(wc -l < "$T/$tag.loader.err")
	if [ "$LOADER_RC" != "$status" ]; then
		mismatch "$tag: \`loader $*\` exited $LOADER_RC, expected $status"
	elif [ "$lines" != 1 ]; then
		mismatch "$tag: \`loader $*\` printed $lines stderr lines, expected 1"
	elif ! head -n 1 "$T/$tag.loader.err" | grep -qF -- "$want"; then
		mismatch "$tag: stderr is '$(cat "$T/$tag.loader.err")', expected it to start '$want'"
	elif [ "$(head -c ${#want} "$T/$tag.loader.err")" != "$want" ]; then
		mismatch "$tag: stderr is '$(cat "$T/$tag.loader.err")', expected it to start '$want'"
	elif [ -s "$T/$tag.loader.out" ]; then
		mismatch "$tag: \`loader $*\` printed on stdout"
	else
		note "$tag: refused with $status: $(cat "$T/$tag.loader.err")"
		return 0
	fi
	sed -n '1,5s/^/  loader stderr: /p' "$T/$tag.loader.err" >&2
	return 1
}

# kernel_verdict CMD...: the kernel's verdict on CMD (kexec.py run): "errno ENOEXEC",
# "signal SIGSEGV", "exit N". The program's own output goes to $T/kernel.out.
kernel_verdict() {
	"$PY" "$KEXEC" run -- "$@" 2>/dev/null | tee "$T/kernel.all" | tail -n 1
}

# strerror_of ENAME: the C library's text for an errno name (what the loader must print).
strerror_of() { "$PY" -c 'import errno, os, sys; print(os.strerror(getattr(errno, sys.argv[1])))' "$1"; }

# check_like_kernel TAG CMD...: the loader's result on CMD fits the kernel's verdict on it
# (kexec.py's rules: errno -> 126/127 + strerror; post-PONR signal -> 126; ran -> same).
check_like_kernel() {
	local tag=$1; shift
	"$PY" -c 'import json, sys; print(json.dumps({"name": sys.argv[1], "argv": sys.argv[2:]}))' \
		"$tag" "$@" > "$T/$tag.case"
	if "$PY" "$KEXEC" check "$L" "$T/$tag.case" > "$T/$tag.table" 2>&1; then
		note "$(sed -n 2p "$T/$tag.table")"
	else
		mismatch "$tag:"
		cat "$T/$tag.table" >&2
	fi
}
