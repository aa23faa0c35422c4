#!/bin/sh
# trace --engine=bpf counts what the ptrace engine and strace -c count: calls and errors
# per syscall, on the deterministic workloads of parity.sh (with -f: every descendant;
# without: the started thread only), with -w, -e trace=, -S, --json, --compare and --cost;
# i386 calls in their own table where this machine runs them. Time columns: "-" without -w
# (not measured), numbers with it. Root here (the bpf probe says whether programs load).
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/trace/lib-trace.sh"
grep -q '^#define EXECLAB_BPF_ENGINE 1' "$B/config.h" ||
	skip "trace was built without the bpf engine (configure --enable-bpf=no, or libbpf-dev, bpftool or clang missing)"
need_strace
need_trace
need bpf "trace --engine=bpf"
need python3 "--json is read by python3"

# bparity NAME TOLERATED [TRACE-OPTIONS --] CMD...: the bpf engine's counts equal the
# ptrace engine's and strace's (with the same options, -f unless told), except the
# syscalls in TOLERATED (a regex: the ones whose count the scheduler decides, see
# parity.sh).
bparity() {
	local name=$1 tol=$2 opts="-f"; shift 2
	if [ "${2:-}" = -- ]; then opts=$1; shift 2; fi
	# shellcheck disable=SC2086 # $opts: options, split on purpose
	run_timeout 120 "$TRACE" --engine=bpf $opts -c -o "$T/$name.bpf" "$@" > /dev/null 2>&1 < /dev/null
	local rc1=$?
	# shellcheck disable=SC2086
	run_timeout 120 "$TRACE" $opts -c -o "$T/$name.ptrace" "$@" > /dev/null 2>&1 < /dev/null
	local rc2=$?
	# shellcheck disable=SC2086
	run_timeout 120 "$STRACE" $opts -c -o "$T/$name.strace" "$@" > /dev/null 2>&1 < /dev/null
	[ $rc1 -eq $rc2 ] || fail "$name: trace --engine=bpf exited $rc1, --engine=ptrace $rc2"
	[ -s "$T/$name.bpf" ] || fail "$name: --engine=bpf printed no table"
	for k in bpf ptrace strace; do
		counts "$T/$name.$k" > "$T/$name.$k.n"
		[ -n "$tol" ] && { grep -Ev "^($tol) " "$T/$name.$k.n" > "$T/x"; mv "$T/x" "$T/$name.$k.n"; }
	done
	[ -s "$T/$name.bpf.n" ] || { cat "$T/$name.bpf" >&2; fail "$name: no rows in the bpf table"; }
	diff -u "$T/$name.ptrace.n" "$T/$name.bpf.n" >&2 ||
		{ cat "$T/$name.bpf" >&2; fail "$name: --engine=bpf $opts -c counts differ from the ptrace engine's (- ptrace, + bpf)"; }
	diff -u "$T/$name.strace.n" "$T/$name.bpf.n" >&2 ||
		fail "$name: --engine=bpf $opts -c counts differ from strace's (- strace, + bpf)"
	note "$name ($opts): $(wc -l < "$T/$name.bpf.n") syscalls agree${tol:+ (tolerated: $tol)}"
}

bparity true "" /bin/true
bparity static-loop "" "$P/syscalls" 1000 50
bparity pipeline "clone|rt_sigreturn" sh -c 'echo a | cat'
bparity ls "" ls -la /
bparity fork20 "" "$P/forker" 20
bparity vfork20 "" "$P/vforker" 20 /bin/true
bparity threads "futex" "$P/threads" 4 1000
bparity execchain "" "$P/execchain" 5
bparity manythreads "futex" "$P/manythreads" 2000
bparity execthread "" "$P/execchain" 3 thread
# Without -f: the started thread only (strace counts no child's or thread's calls).
bparity fork20-nof "" "" -- "$P/forker" 20
bparity threads-nof "futex" "" -- "$P/threads" 4 1000
bparity loop-w "" "-f -w" -- "$P/syscalls" 300 20
bparity select "" "-f -e trace=getppid,openat" -- "$P/syscalls" 300 20
grep -Ev '^(getppid|openat) ' "$T/select.bpf.n" >&2 && fail "-e trace=getppid,openat: other rows counted"

# ---- the time columns: not measured without -w, measured with it ----
awk '$NF == "getppid" { exit !($1 == "-" && $2 == "-" && $3 == "-") }' "$T/static-loop.bpf" ||
	{ cat "$T/static-loop.bpf" >&2; fail "without -w the time columns are not '-'"; }
awk '$NF == "getppid" { exit !($1 ~ /^[0-9]+\.[0-9][0-9]$/ && $2 ~ /^[0-9]+\.[0-9]+$/) }' \
	"$T/loop-w.bpf" || { cat "$T/loop-w.bpf" >&2; fail "-w: no time in the getppid row"; }
"$TRACE" --engine=bpf -c -w -o "$T/sleep" /bin/sleep 0.3 || fail "--engine=bpf -c -w sleep failed"
secs=$(awk '$NF == "clock_nanosleep" || $NF == "nanosleep" { print $2 }' "$T/sleep")
awk -v s="$secs" 'BEGIN { exit !(s >= 0.29) }' ||
	{ cat "$T/sleep" >&2; fail "-w: nanosleep took '$secs' s, expected 0.3 or more"; }

# ---- -S: untimed tables sort by calls (the busiest first) unless told ----
"$TRACE" --engine=bpf -c -o "$T/s" "$P/syscalls" 300 20 || fail "--engine=bpf -c failed"
sed -n 3p "$T/s" | grep -Eq ' 300 +getppid$' || { cat "$T/s" >&2; fail "untimed table: getppid (300) not first"; }
"$TRACE" --engine=bpf -c -S errors -o "$T/e" "$P/syscalls" 300 20
sed -n 3p "$T/e" | grep -Eq ' 20 +20 openat$' || fail "-S errors: openat not first"

# ---- --json: null where not measured; --compare: each column its command's counts ----
"$TRACE" --engine=bpf --json -o "$T/j" "$P/syscalls" 30 2 || fail "--engine=bpf --json failed"
"$PYTHON3" - "$T/j" <<'PY' || fail "--engine=bpf --json: wrong counts or times"
import json, sys
d = json.load(open(sys.argv[1]))
rows = {r["name"]: r for r in d["syscalls"]}
assert rows["getppid"]["calls"] == 30 and rows["openat"]["errors"] == 2, rows
assert all(r["seconds"] is None and r["usecs_per_call"] is None for r in d["syscalls"])
assert d["total"]["seconds"] is None and d["exit"] == {"status": 0}
PY
"$TRACE" --engine=bpf --json -w -o "$T/jw" "$P/syscalls" 30 2
"$PYTHON3" -c 'import json,sys; d=json.load(open(sys.argv[1])); assert all(isinstance(r["seconds"], float) for r in d["syscalls"])' "$T/jw" ||
	fail "--engine=bpf --json -w: seconds not numbers"
"$TRACE" --engine=bpf -o "$T/cmp" --compare "$P/syscalls 3 1" "$P/syscalls 7 2" ||
	fail "--engine=bpf --compare failed"
grep -Eq '^getppid +3 +7$' "$T/cmp" || { cat "$T/cmp" >&2; fail "--compare: getppid is not 3 and 7"; }
grep -Eq '^openat +1 +2$' "$T/cmp" || { cat "$T/cmp" >&2; fail "--compare: openat is not 1 and 2"; }

# ---- --cost: no stop, and what ptrace would have cost (2 stops per counted call) ----
"$TRACE" --engine=bpf --cost -o "$T/cost" "$P/syscalls" 100 0 || fail "--engine=bpf --cost failed"
total=$(awk '$NF == "total" { print $4 }' "$T/cost")
grep -q '^ptrace stops: 0$' "$T/cost" || { cat "$T/cost" >&2; fail "--engine=bpf --cost: ptrace stops not 0"; }
grep -Eq "^with --engine=ptrace: $((2 * total)) stops, $((4 * total)) context switches, about [0-9.]+ us/syscall$" "$T/cost" ||
	{ cat "$T/cost" >&2; fail "--engine=bpf --cost: the ptrace line is not 2 stops per call ($total calls)"; }
"$TRACE" --cost -o "$T/pcost" "$P/syscalls" 100 0 || fail "--cost failed"
grep -Eq '^with --engine=bpf: 0 stops, 0 context switches, about [0-9.]+ us/syscall$' "$T/pcost" ||
	{ cat "$T/pcost" >&2; fail "--cost (ptrace): no measured bpf line though bpf loads here"; }

# ---- SIGTERM: the program and its descendants killed, the counts printed, trace dies of it ----
mark="97.$$"	# a sleep only this test starts
"$TRACE" --engine=bpf -f -c -o "$T/term" sh -c "sleep $mark & sleep $mark; echo never" > "$T/term.out" &
tp=$!
wait_until 30 pgrep -f "^sleep $mark" > /dev/null
sleep 0.3	# both sleeps started (the second is sh's last command)
kill -TERM $tp
wait $tp
rc=$?
[ $rc -eq 143 ] || fail "SIGTERM: trace --engine=bpf exited $rc, expected 143 (killed by SIGTERM)"
grep -q never "$T/term.out" && fail "SIGTERM: the program went on"
wait_until 10 sh -c "! pgrep -f '^sleep $mark' > /dev/null"
grep -Eq ' total$' "$T/term" || { cat "$T/term" >&2; fail "SIGTERM: no table"; }

# ---- i386 calls (int $0x80 from 64-bit code) in their own table, where they run ----
if probe int80; then
	bparity int80 "" "$P/int80" 5
	grep -q '^32:getpid 5 0$' "$T/int80.bpf.n" || fail "the 5 i386 getpid are not in the bpf engine's i386 table"
elif probe_forced int80; then
	skip "i386 table not checked: $PROBE_WHY"
else
	note "i386 table not checked: $PROBE_WHY"
fi
pass "--engine=bpf counts equal the ptrace engine's and strace's"
