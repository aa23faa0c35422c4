#!/bin/sh
# The loader under valgrind runs PROGRAM with its arguments, as natively. valgrind carries
# out an execveat(2) itself, as a real exec, without knowing AT_EXECVE_CHECK: had the
# loader asked the kernel's exec check there, valgrind would have replaced the loader by
# PROGRAM run with no arguments and an empty environment. The loader detects valgrind
# (its RUNNING_ON_VALGRIND client request), skips that check, says so under -v, and falls
# back to the older checks (statfs for noexec) as on a kernel without AT_EXECVE_CHECK.
. "$top_srcdir/tests/loader/lib-loader.sh"
need valgrind "valgrind runs the loader"
need_prog basic-static

# vg_case TAG CMD...: `valgrind -q loader CMD...` prints what CMD prints natively (no
# valgrind) and exits with its status. The count of environment strings (basic's "envc"
# line) is left out: valgrind adds its own variables (LD_PRELOAD...) to the environment.
vg_case() {
	local tag=$1; shift
	run_timeout 30 "$@" < /dev/null > "$T/$tag.native.raw" 2> "$T/$tag.native.err"
	NATIVE_RC=$?
	run_timeout 120 valgrind -q "$L" "$@" < /dev/null > "$T/$tag.vg.raw" 2> "$T/$tag.vg.err"
	LOADER_RC=$?
	grep -v '^envc ' "$T/$tag.native.raw" > "$T/$tag.native.out"
	grep -v '^envc ' "$T/$tag.vg.raw" > "$T/$tag.vg.out"
	if [ "$NATIVE_RC" != "$LOADER_RC" ] || ! cmp -s "$T/$tag.native.out" "$T/$tag.vg.out"; then
		mismatch "$tag: \`valgrind -q loader $*\` exited $LOADER_RC with stdout '$(head -c 200 "$T/$tag.vg.out")', natively $NATIVE_RC with '$(head -c 200 "$T/$tag.native.out")'"
		sed -n '1,5s/^/  stderr: /p' "$T/$tag.vg.err" >&2
	else
		note "$tag: under valgrind, same stdout ($(wc -l < "$T/$tag.native.out") lines) and exit $NATIVE_RC as natively"
	fi
}

printf_=$(command -v printf)
case $printf_ in /*) ;; *) printf_=/usr/bin/printf ;; esac
[ -x "$printf_" ] || skip "no printf program (coreutils) to run"
vg_case printf "$printf_" 'x%s\n' a
check_eq "valgrind -q loader printf 'x%s\\n' a" xa "$(cat "$T/printf.vg.out")"
vg_case static-args "$P/basic-static" --exit=5 'two words' ''
vg_case script /bin/sh -c 'echo "$0:$1"; exit 3' zero one

# -v names the reason the kernel's check was not asked, once per file opened.
run_timeout 120 valgrind -q "$L" -v "$P/basic-static" --exit=0 > /dev/null 2> "$T/v.err"
grep -q '^loader: do_open_execat: .*running under valgrind' "$T/v.err" ||
	mismatch "loader -v under valgrind does not say the exec check was skipped: $(grep do_open_execat "$T/v.err")"
# Natively (not under valgrind) the check is asked as usual.
run_timeout 30 "$L" -v "$P/basic-static" --exit=0 > /dev/null 2> "$T/native-v.err"
if grep -q 'valgrind' "$T/native-v.err"; then
	mismatch "loader -v believes it runs under valgrind when it does not: $(grep valgrind "$T/native-v.err")"
fi
finish "under valgrind the loader runs the program with its arguments"
