#!/bin/sh
# gdb on `loader PROGRAM` with loader/tools/loader-gdb.py (loader(1), DEBUGGING): `break
# main` set before `run` stops in PROGRAM's own main, a breakpoint in a nested function
# stops there and `bt` names PROGRAM's three functions, no breakpoint is left in the
# loader once the program runs, and the program then runs to its end. For a PIE and an
# ET_EXEC program (tests/progs/gdb-nested.c). gdb runs in batch mode in a session of its
# own; the test fails if anything of that session outlives it.
. "$top_srcdir/tests/loader/lib-loader.sh"
need gdb "the debugger the script is for (Debian package gdb)"
need ptrace "gdb debugs its inferior with ptrace"
GDBX=$S/loader/tools/loader-gdb.py
[ -f "$GDBX" ] || error "$GDBX is missing"

# gdb's session: its pid is its process group; nothing may be left in it at the end.
GDB_PG=
leftovers() {
	[ -n "$GDB_PG" ] || return 0
	kill -0 -- "-$GDB_PG" 2>/dev/null || return 0
	kill -KILL -- "-$GDB_PG" 2>/dev/null
	echo "FAIL: gdb's session $GDB_PG was still alive (killed)" >&2
	return 1
}
at_exit leftovers

for v in gdb-nested-pie gdb-nested-nopie; do
	need_prog $v
	prog="$(cd "$P" && pwd -P)/$v"
	rm -f "$T/gdb.pid"
	run_timeout 60 setsid sh -c 'echo $$ > "$0"; exec "$@"' "$T/gdb.pid" \
		gdb -nx -batch -x "$GDBX" \
		-ex 'break main' -ex 'break gdb_inner' -ex run -ex continue -ex bt \
		-ex 'maint info breakpoints' -ex continue \
		--args "$L" "$P/$v" < /dev/null > "$T/$v.out" 2>&1
	rc=$?
	GDB_PG=$(cat "$T/gdb.pid" 2>/dev/null)
	leftovers || mismatch "$v: gdb or its inferior outlived gdb -batch"
	GDB_PG=
	o=$T/$v.out
	bad=0
	[ $rc -eq 0 ] || { mismatch "$v: gdb -batch exited $rc"; bad=1; }
	grep -q "^loader-gdb: added symbols of $prog at bias 0x" "$o" ||
		{ mismatch "$v: the script did not add $prog's symbols"; bad=1; }
	grep -q '^Breakpoint 1, main (' "$o" ||
		{ mismatch "$v: \`break main\` did not stop in the program's main"; bad=1; }
	grep -q '^Breakpoint 2, gdb_inner (' "$o" ||
		{ mismatch "$v: \`break gdb_inner\` did not stop there"; bad=1; }
	# bt: gdb_inner, gdb_outer, main, in that order, as frames #0 #1 #2.
	frames=$(sed -nE 's/^#([0-2]) .*\<(gdb_inner|gdb_outer|main) \(.*/\1 \2/p' "$o" | tr '\n' ' ')
	[ "$frames" = "0 gdb_inner 1 gdb_outer 2 main " ] ||
		{ mismatch "$v: bt named '$frames', expected #0 gdb_inner #1 gdb_outer #2 main"; bad=1; }
	if grep -q 'loader_handover' "$o"; then
		mismatch "$v: a breakpoint is left in the loader (maint info breakpoints):"
		grep 'loader_handover' "$o" >&2
		bad=1
	fi
	grep -q '^gdb_inner 2$' "$o" || { mismatch "$v: the program's output is missing"; bad=1; }
	grep -q '^\[Inferior 1 (process [0-9]*) exited normally\]$' "$o" ||
		{ mismatch "$v: the program did not run to its end under gdb"; bad=1; }
	if grep -E 'Cannot (insert|remove|access)|Python Exception|^loader-gdb: no shared' "$o" >&2; then
		mismatch "$v: gdb reported errors (above)"
		bad=1
	fi
	if [ $bad = 1 ]; then
		sed 's/^/  gdb: /' "$o" | head -n 60 >&2
	else
		note "$v: break main, break gdb_inner, bt and the run to the end as with the kernel's exec"
	fi
done
finish "gdb with loader-gdb.py sees the program's symbols and leaves nothing in the loader"
