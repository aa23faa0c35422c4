#!/bin/sh
# System programs natively vs under the loader ("it must run bash, python3 and
# coreutils"): stdout and exit status equal. Each program that is not installed is skipped
# with a note; the test skips if none is.
. "$top_srcdir/tests/loader/lib-loader.sh"

ran=0
have() {
	command -v "$1" >/dev/null 2>&1 && return 0
	note "$1 is not installed: skipped"
	return 1
}
abs() { command -v "$1"; }

printf 'banana\napple\ncherry\napple\n' > "$T/fruit"
if have ls; then
	same_run ls "$(abs ls)" /
	same_run ls-missing "$(abs ls)" "$T/no-such-file"		# exit 2
	ran=$((ran + 1))
fi
if have cat; then same_run cat "$(abs cat)" "$T/fruit"; ran=$((ran + 1)); fi
if have sort; then same_run sort "$(abs sort)" -u "$T/fruit"; ran=$((ran + 1)); fi
if have sh; then
	same_run sh "$(abs sh)" -c 'echo "$0 $1"; i=0; while [ $i -lt 3 ]; do i=$((i+1)); echo $i; done; exit 4' zero one
	ran=$((ran + 1))
fi
if have bash; then
	same_run bash "$(abs bash)" -c 'printf "%s\n" c b a | sort | tr a-z A-Z; echo "${BASH_VERSINFO[0]} ${PIPESTATUS[*]}"; exit 5'
	ran=$((ran + 1))
fi
python=
if [ -x /usr/bin/python3 ]; then python=/usr/bin/python3; elif have python3; then python=$(abs python3); fi
if [ -n "$python" ]; then
	same_run python3-subprocess "$python" -c 'import subprocess, os; r = subprocess.run(["/bin/sh", "-c", "echo child $0", "x"], capture_output=True); print(r.stdout, r.returncode, os.path.basename(os.readlink("/proc/self/fd/0")) if os.path.exists("/proc/self/fd/0") else "")'
	same_run python3 "$python" -c 'import sys, hashlib, json; print(sys.argv[1:], hashlib.sha256(b"x").hexdigest(), json.dumps({"a": [1, 2]})); sys.exit(6)' a b
	ran=$((ran + 1))
fi
if have perl; then
	same_run perl "$(abs perl)" -e 'my %h = map { $_ => length } qw(one three); print join(",", map {"$_=$h{$_}"} sort keys %h), "\n"; exit 7'
	ran=$((ran + 1))
fi
if have env; then
	# env -i: a controlled environment, so both runs must print exactly the same.
	run_timeout 10 env -i A=1 'B=two words' "$(abs env)" > "$T/env.native.out"; n=$?
	run_timeout 10 env -i A=1 'B=two words' "$L" "$(abs env)" > "$T/env.loader.out"; l=$?
	check_eq "env -i exit status" "$n" "$l"
	cmp -s "$T/env.native.out" "$T/env.loader.out" || {
		mismatch "env -i A=1 'B=two words' loader env: environment differs:"
		diff -u "$T/env.native.out" "$T/env.loader.out" >&2
	}
	same_run env-u "$(abs env)" -u HOME -u PATH "$(abs sh)" -c 'echo ${HOME-unset} ${PATH-unset}'
	ran=$((ran + 1))
fi
# The dynamic linker run as a program (ET_DYN, no PT_INTERP: rtld decides it was "run as a
# command" from AT_ENTRY), and libc.so.6 run as a program (prints its banner).
ldso=$(readelf -l /bin/sh 2>/dev/null | sed -nE 's/.*interpreter: (.*)\]/\1/p')
if [ -n "$ldso" ] && [ -x "$ldso" ]; then
	echo_=/bin/echo; [ -x $echo_ ] || echo_=/usr/bin/echo
	same_run ld.so "$ldso" $echo_ run by ld.so
	ran=$((ran + 1))
else
	note "no dynamic linker found (readelf missing?): skipped"
fi
libc=$(ldd /bin/sh 2>/dev/null | sed -nE 's/.*libc\.so\.6 => ([^ ]+).*/\1/p')
if [ -n "$libc" ] && [ -x "$libc" ]; then
	same_run libc.so.6 "$libc"
	ran=$((ran + 1))
fi
[ $ran -gt 0 ] || skip "none of the system programs is installed"
finish "$ran system programs agree with their native runs"
