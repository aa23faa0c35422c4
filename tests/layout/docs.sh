#!/bin/sh
# tests/layout/docs.sh: docs/INTERNALS.md and docs/HOWTO_ADD_DECODER.md name what exists:
# every path they quote (`tracer/decode/sysent.c`, `engine/tcb.c`: from the top, tracer/
# loader/ or lib/) is in the tree, and every helper the HOWTO's recipe uses is defined.
. "$top_srcdir/tests/lib.sh"

bad=
for doc in docs/INTERNALS.md docs/HOWTO_ADD_DECODER.md; do
	[ -f "$S/$doc" ] || fail "$doc is missing"
	# quoted paths: lower-case words with a slash (NAME, FAMILY are placeholders; src/ is
	# strace's tree; tracer/trace is built)
	for p in $(grep -o '`[^`]*`' "$S/$doc" | tr -d '`' |
		   grep -E '^[a-z][a-z0-9_.*-]*/[a-z0-9_./*-]*$' | grep -v -e '^src/' -e '\.\.\.$' |
		   grep -vx 'tracer/trace' | sort -u); do
		found=
		for base in "$S" "$S/tracer" "$S/loader" "$S/lib" "$S/tests/trace"; do
			# shellcheck disable=SC2086
			for f in $base/$p; do [ -e "$f" ] && found=1; done
		done
		[ -n "$found" ] || bad="$bad $doc:$p"
	done
done
[ -z "$bad" ] || fail "paths the docs name that do not exist:$bad"

# the HOWTO's helpers, macros and files
for name in 'DECODER(' 'XLAT(' 'XLAT_END' 'SEN(' 'SIG(' 'p_flags(' 'p_fd(' 'p_path(' \
	    'RV_DONE' 'decode_call(' 'fake_put(' 'fake_str(' 'strace61_lines()'; do
	grep -rqF -- "$name" "$S/tracer" "$S/tests/unit" "$S/tests/trace/lib-trace.sh" ||
		bad="$bad $name"
done
[ -z "$bad" ] || fail "names docs/HOWTO_ADD_DECODER.md uses that nothing defines:$bad"
pass "the docs name existing files and helpers"
