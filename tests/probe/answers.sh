#!/bin/sh
# tests/probe/answers.sh: what this machine can do, as the tests will see it (the log lists
# every probe's answer and reason), and the probe machinery itself: every probe answers,
# the root probe agrees with id -u, EXECLAB_PROBE_<NAME> forces an answer, and a bad
# forced value is a hard error.
. "$top_srcdir/tests/lib.sh"

"$PROBE" --all > "$T/all" || error "probe --all exited $?"
cat "$T/all"
"$PROBE" --list | awk '{ print $1 }' > "$T/names"
[ "$(wc -l < "$T/names")" -ge 10 ] || error "probe --list names only $(wc -l < "$T/names") probes"
while read -r name; do
	grep -Eq "^$name (yes|no): ." "$T/all" || fail "probe $name gave no answer with a reason"
done < "$T/names"
for tool in strace python3 cc-m32 musl-gcc valgrind clang qemu-system-x86_64 qemu-system-arm; do
	probe "$tool"
	echo "$PROBE_WHY"
done

if [ "$(id -u)" -eq 0 ]; then want=0; else want=1; fi
probe root; rc=$?
assert_eq "probe root (id -u is $(id -u))" $want $rc
"$PROBE" no-such-probe > /dev/null 2>&1; assert_eq "probe of an unknown name" 2 $?
"$PROBE" > /dev/null 2>&1; assert_eq "probe without a name" 2 $?

# Forcing: both answers, whatever the machine says; a bad value is an error (99).
(EXECLAB_PROBE_INT80=yes; export EXECLAB_PROBE_INT80; probe int80) || fail "EXECLAB_PROBE_INT80=yes not honoured"
(EXECLAB_PROBE_INT80=no; export EXECLAB_PROBE_INT80; probe int80) && fail "EXECLAB_PROBE_INT80=no not honoured"
(EXECLAB_PROBE_I386_EXEC=no; export EXECLAB_PROBE_I386_EXEC; probe i386-exec; echo "$PROBE_WHY") |
	grep -q 'forced by EXECLAB_PROBE_I386_EXEC=no' || fail "a forced answer does not say it was forced"
(EXECLAB_PROBE_PTRACE=maybe; export EXECLAB_PROBE_PTRACE; probe ptrace) > /dev/null 2>&1
assert_eq "a forced value that is neither yes nor no" 99 $?
pass "$(grep -c ' yes:' "$T/all") of $(wc -l < "$T/all") machine probes say yes"
