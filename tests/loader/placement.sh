#!/bin/sh
# With randomisation off the kernel's placement is deterministic: the program's own
# mappings, [heap] (its break) and [stack] must be the same lines natively and under the
# loader (tests/progs/selfmaps; once linked with -z execstack, for which the kernel makes
# [stack] rwxp). The interpreter and libraries go wherever mmap puts them; the loader's own
# leftovers are listed as a note.
. "$top_srcdir/tests/loader/lib-loader.sh"
need norandom "placement is compared with randomisation off"
need_cmd setarch "util-linux"

# A static-pie goes wherever mmap puts it (below the loader, under the loader), but
# its break is at ELF_ET_DYN_BASE either way: only [heap] and [stack] are compared.
for v in selfmaps selfmaps-nopie selfmaps-static selfmaps-execstack selfmaps-static-pie; do
	need_prog $v
	run_timeout 10 setarch -R "$P/$v" > "$T/$v.native" || fail "setarch -R $v failed"
	run_timeout 10 setarch -R "$L" "$P/$v" > "$T/$v.loader"
	rc=$?
	self="$(cd "$P" && pwd -P)/$v"
	[ $v = selfmaps-static-pie ] && self=-
	keep() { awk -v p="$self" '$6 == p || $6 == "[heap]" || $6 == "[stack]"' "$1"; }
	keep "$T/$v.native" > "$T/$v.n"
	keep "$T/$v.loader" > "$T/$v.l"
	if [ $rc -ne 0 ] || ! cmp -s "$T/$v.n" "$T/$v.l"; then
		mismatch "setarch -R loader $v: the program's mappings, [heap] or [stack] differ from the kernel's (exit $rc):"
		diff -u "$T/$v.n" "$T/$v.l" >&2
	else
		note "setarch -R $v: $(wc -l < "$T/$v.n") program/[heap]/[stack] lines identical"
	fi
done
awk -v l="$(cd "$(dirname "$L")" && pwd -P)/$(basename "$L")" '$6 == l' "$T/selfmaps.loader" > "$T/left"
note "left mapped by the loader after the handover: $(wc -l < "$T/left") lines of its image"
finish "with randomisation off the loader places the program as the kernel does"
