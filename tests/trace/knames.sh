#!/bin/sh
# tests/trace/knames.sh: `trace -k` names each frame as gdb's `info symbol` names the same
# address in the same file with the same debug info: the function whose symbol covers it,
# its public name among aliases, the offset. Frames: kstack's write (libc's write called
# from kstack_write_hello, from main) and its exit_group (exit, libc's internal
# __run_exit_handlers found only in libc6-dbg's debug info by build-id), whose stack is
# walked at its entry since the call never returns.
# A frame above another holds a return address: gdb is asked about the byte before it (the
# call), and trace's offset is gdb's plus one. Not compared with strace 6.1's -k, which
# names such frames after the nearest exported symbol (__write, erand48_r+0x1a2).
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/trace/lib-trace.sh"
PROG=$B/tests/progs-k/kstack

need_built "$PROG" "make check builds it"
need_cmd gdb "Debian package gdb, the oracle of this test"
need_cmd readelf "Debian package binutils"
need_trace

run_timeout 60 "$TRACE" -k -e trace=write,exit_group -o "$T/out" "$PROG" > /dev/null ||
	fail "trace -k exited $?"

libc=$(sed -n 's/^ > \(\/[^(]*libc\.so[^(]*\)(.*/\1/p' "$T/out" | head -n 1)
[ -n "$libc" ] || { cat "$T/out" >&2; fail "no frame in libc"; }
id=$(readelf -n "$libc" | awk '/Build ID:/ { print $3 }')
need_file "/usr/lib/debug/.build-id/$(echo "$id" | cut -c1-2)/$(echo "$id" | cut -c3-).debug" \
	"libc's debug info (Debian package libc6-dbg)"

# The frames as "INDEX MODULE FUNC OFF FILEOFF" (FUNC "-" when unnamed), INDEX counting from
# 0 in each stack.
awk '
	/^ > / {
		line = substr($0, 4)
		if (!match(line, /\(([^()]*)\) \[0x[0-9a-f]+\]$/))
			next
		module = substr(line, 1, RSTART - 1)
		inner = substr(line, RSTART + 1)
		sub(/\) \[0x/, " ", inner); sub(/\]$/, "", inner)
		split(inner, a, " ")		# a[1]: FUNC+0xOFF or empty; a[2]: file offset
		fn = "-"; off = 0
		if (a[1] != "") { fn = a[1]; sub(/\+0x[0-9a-f]+$/, "", fn); off = a[1]; sub(/.*\+/, "", off) }
		print i++, module, fn, off, "0x" a[2]
		next
	}
	{ i = 0 }' "$T/out" > "$T/frames"
[ -s "$T/frames" ] || { cat "$T/out" >&2; fail "no frames printed"; }
grep -q '^exit_group(0) *= ?$' "$T/out" || { cat "$T/out" >&2; fail "no exit_group line"; }
awk '/^exit_group\(/ { e = 1; next } e && /^ > / { n++ } END { exit !(n > 0) }' "$T/out" ||
	{ cat "$T/out" >&2; fail "no stack after exit_group"; }

# vaddr FILE FILEOFF: the file's virtual address of FILEOFF, from its PT_LOAD segments
vaddr() {
	readelf -lW "$1" | awk '$1 == "LOAD" { print $2, $3, $5 }' |
	while read -r o v sz; do
		if [ $(($2)) -ge $((o)) ] && [ $(($2)) -lt $((o + sz)) ]; then
			printf '0x%x\n' $(($2 - o + v))
			break
		fi
	done
}

compared=0
names=
while read -r idx module fn off fileoff; do
	case $module in /*) ;; *) continue ;; esac
	va=$(vaddr "$module" "$fileoff")
	[ -n "$va" ] || fail "$module: offset $fileoff is in no PT_LOAD segment"
	adj=0; [ "$idx" -gt 0 ] && adj=1
	q=$(printf '0x%x' $((va - adj)))
	g=$(gdb -nx -batch -iex 'set debuginfod enabled off' -ex "info symbol $q" "$module" 2>/dev/null |
		tail -n 1)
	case $g in
	"No symbol matches"*) gfn=-; goff=0 ;;
	*" + "*" in section "*) gfn=${g%% + *}; goff=${g#* + }; goff=${goff%% *} ;;
	*" in section "*) gfn=${g%% in section *}; goff=0 ;;
	*) fail "gdb's answer for $q in $module: '$g'" ;;
	esac
	# gdb shows compiler clones as "f.part" or "f[cold]"; trace prints the symbol's name
	case $gfn$fn in *.*|*"["*) continue ;; esac
	want="$gfn"; [ "$gfn" = - ] || want="$gfn+$(printf '0x%x' $((goff + adj)))"
	got="$fn"; [ "$fn" = - ] || got="$fn+$off"
	[ "$got" = "$want" ] ||
		fail "frame $idx in $module at file offset $fileoff: trace says $got, gdb (info symbol $q) says $want"
	compared=$((compared + 1))
	names="$names $fn"
done < "$T/frames"

for f in write kstack_write_hello main exit __run_exit_handlers; do
	case " $names " in *" $f "*) ;; *) cat "$T/out" >&2; fail "no frame named $f was compared" ;; esac
done
pass "trace -k names $compared frames as gdb's info symbol does (write, exit, libc internals by build-id debug info), with a stack for exit_group"
