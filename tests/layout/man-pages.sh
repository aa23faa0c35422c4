#!/bin/sh
# tests/layout/man-pages.sh: the man pages' .TH lines agree: the same date, the same
# version (configure.ac's, the one `trace --version` and `loader --version` print) and the
# same section name, so their footers and headers read as one manual.
. "$top_srcdir/tests/lib.sh"

version=$(sed -nE 's/^AC_INIT\(\[execlab\], \[([^]]*)\].*/\1/p' "$S/configure.ac")
[ -n "$version" ] || error "no version in configure.ac's AC_INIT"
want=
for m in "$S"/docs/man/*.1; do
	th=$(grep '^\.TH ' "$m")
	[ "$(printf '%s\n' "$th" | wc -l)" -eq 1 ] || fail "$m: expected one .TH line, got: $th"
	# .TH TITLE SECTION "DATE" "SOURCE" "MANUAL": all but the title must agree
	rest=$(printf '%s\n' "$th" | sed -E 's/^\.TH [A-Z0-9_-]+ //')
	note "$(basename "$m"): $rest"
	case $rest in
	*"\"execlab $version\""*) ;;
	*) fail "$m: the source field is not \"execlab $version\": $th" ;;
	esac
	[ -z "$want" ] || [ "$rest" = "$want" ] || fail "$m: '$rest' differs from '$want'"
	want=$rest
done
[ -n "$want" ] || error "no man page in docs/man"
pass "the man pages' headers and footers agree ($want)"
