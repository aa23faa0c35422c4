#!/bin/sh
# tests/trace/sched.sh: scheduling policies and priorities, I/O priorities, times(2)'s clock
# ticks and wait4's WSTOPPED are printed as strace 6.1 prints them, in each -X style:
# progs/sched's lines under trace equal strace's (times' tick counts and results, which
# change from run to run, compared as N).
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/trace/lib-trace.sh"
need_strace
need_trace

cd "$T" || fail "cd $T"
SET='trace=/^sched_,/^ioprio_,times,wait4'
# times: how many ticks, and so whether each has a seconds comment, changes between runs.
norm() {
	strace61_lines "$1" | sed -E '/^times\(/s/=[0-9]+( \/\* [0-9.]+ s \*\/)?/=N/g
		/^times\(/s/\) += [0-9]+$/) = N/; /^wait4\(/s/[0-9]+/N/g'
}
for style in abbrev raw verbose; do
	"$TRACE" -X $style -e "$SET" -e signal=none -o t.$style "$P/sched" ||
		fail "sched under trace -X $style exited $?"
	"$STRACE" -X $style -e "$SET" -e signal=none -o s.$style "$P/sched" ||
		fail "sched under strace -X $style exited $?"
	norm s.$style > s.lines
	norm t.$style > t.lines
	[ "$(wc -l < s.lines)" -ge 25 ] || fail "-X $style: strace printed $(wc -l < s.lines) lines"
	diff -u s.lines t.lines >&2 || fail "-X $style: trace's lines differ from strace's (- strace, + trace)"
done
# What strace 6.1 prints, literally.
for line in 'sched_setscheduler(0, SCHED_BATCH, [0]) = 0' \
	'sched_getscheduler(0)                   = 3 (SCHED_BATCH)' \
	'sched_get_priority_max(0x4d /* SCHED_??? */) = -1 EINVAL (Invalid argument)' \
	'ioprio_set(IOPRIO_WHO_PROCESS, 0, IOPRIO_PRIO_VALUE(IOPRIO_CLASS_IDLE, 7)) = 0' \
	'ioprio_get(IOPRIO_WHO_PROCESS, 0)       = 24583 (IOPRIO_PRIO_VALUE(IOPRIO_CLASS_IDLE, 7))'; do
	grep -Fx -e "$line" t.abbrev > /dev/null || fail "no strace line: $line"
done
grep -Eq '^times\(\{tms_utime=[1-9][0-9]* /\* [0-9]+\.[0-9]+ s \*/, tms_stime=' t.abbrev ||
	note "times: no user time counted on this run: $(grep '^times({' t.abbrev)"
grep -Eq '^wait4\([0-9]+, NULL, WSTOPPED\|WCONTINUED, NULL\)' t.abbrev ||
	fail "wait4: no WSTOPPED: $(grep '^wait4' t.abbrev)"
grep '^times({' t.raw | grep -Fq '/*' && fail "-X raw: times with a comment: $(grep '^times({' t.raw)"
grep -Fq 'ioprio_set(0x1, 0, 24583)' t.raw || fail "-X raw: ioprio_set not raw: $(grep ioprio_set t.raw | head -1)"
pass "sched_*, ioprio_*, times and wait4's options as strace prints them"
