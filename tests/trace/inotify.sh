#!/bin/sh
# tests/trace/inotify.sh: inotify_init1's flags and inotify_add_watch's mask are printed as
# strace 6.1 prints them: progs/inotify's inotify lines under trace equal strace's.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/trace/lib-trace.sh"
need_strace
need_trace

CALLS='^inotify_(init1|add_watch|rm_watch)\('
cd "$T" || fail "cd $T"
"$TRACE" -o t.log "$P/inotify" || fail "inotify under trace exited $?"
grep -E "$CALLS" t.log > t.lines
# What strace 6.1 prints, literally (" = " at column 40).
cat > expected <<'EXP'
inotify_init1(IN_NONBLOCK|IN_CLOEXEC)   = 3
inotify_init1(0)                        = 4
inotify_add_watch(3, ".", IN_CLOSE_WRITE|IN_CREATE|IN_DELETE) = 1
inotify_add_watch(3, ".", IN_ATTRIB|IN_ONLYDIR|IN_MASK_ADD|IN_ONESHOT) = 1
inotify_add_watch(4, "/nonexistent/execlab", IN_ACCESS|IN_MODIFY|IN_ATTRIB|IN_CLOSE_WRITE|IN_CLOSE_NOWRITE|IN_OPEN|IN_MOVED_FROM|IN_MOVED_TO|IN_CREATE|IN_DELETE|IN_DELETE_SELF|IN_MOVE_SELF) = -1 ENOENT (No such file or directory)
inotify_rm_watch(3, 1)                  = 0
EXP
diff -u expected t.lines >&2 || fail "trace's inotify lines are not strace 6.1's (- strace, + trace)"
# The expectation is strace's own output.
"$STRACE" -o s.log "$P/inotify" || fail "inotify under strace exited $?"
grep -E "$CALLS" s.log | strace61_lines > s.lines
strace61_lines < t.lines > t61.lines
diff -u s.lines t61.lines >&2 || fail "trace's inotify lines differ from strace's (- strace, + trace)"
diff -u s.lines expected >&2 || fail "the expectation is not what strace prints"
pass "inotify_init1 and inotify_add_watch as strace prints them"
