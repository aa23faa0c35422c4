#!/bin/sh
# tests/probe/forced.sh: every capability-dependent test takes the branch its probe names.
# For each test and each `need NAME` it makes:
#   EXECLAB_PROBE_NAME=no   the test skips (77), saying the answer was forced;
#   EXECLAB_PROBE_NAME=yes  where the machine really cannot do NAME, the test runs anyway
#                           and must not pass (FAIL 1, or ERROR 99 where a helper it relies
#                           on cannot work): a test that passes without the capability it
#                           needs checks nothing (a skip for another need is accepted).
# So both branches of each such test run on every machine. Each runs under the shell running
# this one, as make check runs them ($SHELL is the user's login shell, nologin for some).
. "$top_srcdir/tests/lib.sh"

# The tests: shell tests of the tree whose top level says `need NAME` (not the libraries).
find "$S/tests" -name '*.sh' ! -name 'lib*.sh' ! -name forced.sh | sort > "$T/tests"
checked=0 failing=0
while read -r t; do
	# need NAME, and the helpers that ask a probe (need_trace: ptrace; need_strace: strace;
	# need_python: python3)
	for name in $(sed -nE -e 's/^need ([a-z0-9-]+)( .*)?$/\1/p' -e 's/^need_trace$/ptrace/p' \
			-e 's/^need_strace$/strace/p' -e 's/^need_python$/python3/p' \
			-e 's/^if probe ([a-z0-9-]+);.*/\1/p' "$t" | sort -u); do
		var=EXECLAB_PROBE_$(printf '%s' "$name" | tr 'a-z-' 'A-Z_')
		rel=${t#"$S"/}
		env "$var=no" "${BASH:-sh}" "$t" < /dev/null > "$T/out" 2>&1
		rc=$?
		# (or it skips earlier, for another need this machine really lacks)
		if [ $rc -ne 77 ] || ! grep -Eq "forced by $var=no|^SKIP: (.*: )?[a-z0-9-]+ no: " "$T/out"; then
			sed 's/^/  | /' "$T/out" | tail -n 5 >&2
			fail "$rel with $var=no: exit $rc, expected a skip saying it was forced"
		fi
		checked=$((checked + 1))
		probe "$name" && continue
		run_timeout 300 env "$var=yes" "${BASH:-sh}" "$t" < /dev/null > "$T/out" 2>&1
		rc=$?
		case $rc in
		# 99: a helper the test relies on cannot work without NAME (trace without ptrace)
		1 | 99) note "$rel with $var=yes on a machine without it: exit $rc, as it must"
		   failing=$((failing + 1)) ;;
		77) grep -q "forced by $var" "$T/out" &&
			fail "$rel with $var=yes still skips for $name"
		    note "$rel with $var=yes: skipped for another reason: $(grep '^SKIP' "$T/out")" ;;
		*) sed 's/^/  | /' "$T/out" | tail -n 15 >&2
		   fail "$rel with $var=yes on a machine without $name: exit $rc, expected FAIL (1)" ;;
		esac
	done
done < "$T/tests"
[ $checked -ge 10 ] || error "only $checked capability-dependent tests found"
pass "$checked forced skips; $failing tests fail when forced to use what the machine lacks"
