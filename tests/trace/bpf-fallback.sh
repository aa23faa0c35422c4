#!/bin/sh
# When the bpf engine cannot count, trace says why in one line that names --engine=ptrace:
# an option it does not serve (exit 2), a trace built without it or a user not permitted to
# load eBPF programs (exit 1, tried as uid 65534). --engine=auto then counts with ptrace,
# silently, and the default engine is ptrace.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/trace/lib-trace.sh"
need_trace

# one_line FILE WHAT: FILE is one line, naming --engine=ptrace
one_line() {
	[ "$(wc -l < "$1")" -eq 1 ] && grep -q -- '--engine=ptrace' "$1" ||
		{ cat "$1" >&2; fail "$2: not one line naming --engine=ptrace"; }
}

# ---- combinations it does not serve: the same in every build, on every machine ----
for opts in "" "-C" "-c -k" "-c --tree" "-c -Z" "-c -e inject=getppid:error=EPERM"; do
	# shellcheck disable=SC2086
	"$TRACE" --engine=bpf $opts -o /dev/null /bin/true 2> "$T/u.err"
	rc=$?
	[ $rc -eq 2 ] || fail "--engine=bpf '$opts': exit $rc, expected 2"
	one_line "$T/u.err" "--engine=bpf '$opts'"
	# shellcheck disable=SC2086
	"$TRACE" --engine=auto $opts -o "$T/auto" /bin/true 2> "$T/a.err" ||
		fail "--engine=auto '$opts' did not fall back to ptrace: $(cat "$T/a.err")"
done
awk '$NF == "execve" { exit !($1 ~ /^[0-9]+\.[0-9][0-9]$/) }' "$T/auto" ||
	{ cat "$T/auto" >&2; fail "--engine=auto -c -e inject: not the ptrace engine's table"; }
"$TRACE" --engine=auto -o "$T/lines" /bin/true || fail "--engine=auto without -c failed"
grep -q '^exit_group(0)' "$T/lines" || { cat "$T/lines" >&2; fail "--engine=auto without -c: no call lines"; }
"$TRACE" --engine=nope -c true 2> "$T/bad.err"
[ $? -eq 2 ] || fail "--engine=nope: expected exit 2"
grep -q "invalid ENGINE 'nope' for --engine" "$T/bad.err" || fail "--engine=nope: $(cat "$T/bad.err")"

# ---- the default is ptrace: a -c table with measured time columns ----
"$TRACE" -c -o "$T/def" "$P/syscalls" 10 0 || fail "trace -c failed"
awk '$NF == "getppid" { exit !($1 ~ /^[0-9]+\.[0-9][0-9]$/) }' "$T/def" ||
	{ cat "$T/def" >&2; fail "the default -c table has no time: not the ptrace engine"; }

# ---- a build without the engine ----
if ! grep -q '^#define EXECLAB_BPF_ENGINE 1' "$B/config.h"; then
	"$TRACE" --engine=bpf -c -o /dev/null /bin/true 2> "$T/nb.err"
	rc=$?
	[ $rc -eq 1 ] || fail "--engine=bpf in a build without it: exit $rc, expected 1"
	one_line "$T/nb.err" "--engine=bpf without the engine built"
	grep -q 'built without' "$T/nb.err" || fail "the reason is not the build: $(cat "$T/nb.err")"
	"$TRACE" --engine=auto -c -o "$T/nb" "$P/syscalls" 10 0 || fail "--engine=auto without the engine failed"
	grep -Eq ' 10 +getppid$' "$T/nb" || fail "--engine=auto without the engine: no ptrace counts"
	pass "unserved combinations refused in one line; a build without bpf says so"
	exit 0
fi

# ---- not permitted: uid 65534 may not load eBPF programs ----
need_root "a second user to run trace as"
need setpriv "running trace as uid 65534"
as="setpriv --reuid=65534 --regid=65534 --clear-groups env HOME=/tmp"
chmod 755 "$T"
mkdir "$T/u" && chmod 777 "$T/u"	# where uid 65534 writes
# the machine's answer for that user, from the probe (not from trace)
if (cd / && $as "$PROBE" bpf > "$T/probe65534"); then
	pass "uid 65534 may load eBPF programs here ($(cat "$T/probe65534")): no refusal to test"
	exit 0
fi
(cd / && $as "$TRACE" --engine=bpf -c -o /dev/null /bin/true 2> "$T/np.err")
rc=$?
[ $rc -eq 1 ] || { cat "$T/np.err" >&2; fail "--engine=bpf as uid 65534: exit $rc, expected 1"; }
one_line "$T/np.err" "--engine=bpf as uid 65534"
grep -Eq 'not permitted|locked down' "$T/np.err" || fail "the reason is not the permission: $(cat "$T/np.err")"
(cd / && $as "$TRACE" --engine=auto -c -o "$T/u/np" "$P/syscalls" 10 0 2> "$T/npa.err") ||
	fail "--engine=auto as uid 65534 did not fall back: $(cat "$T/npa.err")"
[ -s "$T/npa.err" ] && fail "--engine=auto as uid 65534 said something: $(cat "$T/npa.err")"
awk '$NF == "getppid" { exit !($4 == 10 && $1 ~ /^[0-9]+\.[0-9][0-9]$/) }' "$T/u/np" ||
	{ cat "$T/u/np" >&2; fail "--engine=auto as uid 65534: not the ptrace engine's 10 getppid"; }
note "as uid 65534: $(cat "$T/np.err")"
pass "refusals in one line naming --engine=ptrace (unserved: 2; not permitted: 1); auto falls back"
