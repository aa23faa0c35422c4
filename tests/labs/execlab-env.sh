#!/bin/sh
# tests/labs/execlab-env.sh: `. ./execlab-env` in the build directory (the labs' and the
# README's way to put the tools on PATH) gives, in sh, bash and zsh (where installed):
# `trace` and `loader` from the build's bin/, which run; EXECLAB and EXECLAB_SRC; a second
# `.` changing nothing; `man -w loader` finding docs/man/loader.1 with man's default pages
# still found. As root, the same as uid 65534 (the labs' ordinary user).
. "$top_srcdir/tests/lib.sh"

[ -f "$B/execlab-env" ] || error "$B/execlab-env was not made (make makes it)"
need_built "$B/bin/trace" "make links it"
need_built "$B/bin/loader" "make links it"
absB=$(cd "$B" && pwd -P)
absS=$(cd "$S" && pwd -P)

# The script run by each shell, from the build directory: prints what the labs rely on.
cat > "$T/probe-env.sh" <<'SH'
. ./execlab-env
p1=$PATH m1=$MANPATH
. ./execlab-env
[ "$PATH" = "$p1" ] && [ "$MANPATH" = "$m1" ] && echo "idempotent yes" || echo "idempotent no: $p1 / $PATH"
echo "trace $(command -v trace)"
echo "loader $(command -v loader)"
echo "EXECLAB $(cd "$EXECLAB" && pwd -P)"
echo "EXECLAB_SRC $(cd "$EXECLAB_SRC" && pwd -P)"
sh -c 'echo "exported ${EXECLAB:+yes}"'
loader --help > /dev/null 2>&1; echo "loader-runs $?"
trace --help > /dev/null 2>&1; echo "trace-runs $?"
if command -v man > /dev/null 2>&1; then
	echo "man-loader $(readlink -f "$(man -w loader 2>&1)")"
	echo "man-ls $(man -w ls > /dev/null 2>&1 && echo found || echo missing)"
fi
SH

# check_shell WHO SHELL [RUNNER...]: run the script with SHELL (through RUNNER) and check.
check_shell() {
	local who=$1 shell=$2 out; shift 2
	# A PATH without the build's bin/ and an unset MANPATH, as in a fresh login.
	out=$(cd "$B" && env -u MANPATH -u EXECLAB -u EXECLAB_SRC PATH=/usr/local/bin:/usr/bin:/bin \
		"$@" "$shell" "$T/probe-env.sh" 2>&1) || fail "$who $shell: the script failed: $out"
	printf '%s\n' "$out" | sed "s/^/# $who $shell: /"
	expect() {
		printf '%s\n' "$out" | grep -qxF -- "$1" || fail "$who $shell: expected '$1' in: $out"
	}
	expect "idempotent yes"
	expect "trace $absB/bin/trace"
	expect "loader $absB/bin/loader"
	expect "EXECLAB $absB"
	expect "EXECLAB_SRC $absS"
	expect "exported yes"
	expect "loader-runs 0"
	expect "trace-runs 0"
	if command -v man > /dev/null 2>&1; then
		expect "man-loader $absS/docs/man/loader.1"
		if [ -e /usr/share/man/man1/ls.1.gz ] || [ -e /usr/share/man/man1/ls.1 ]; then
			expect "man-ls found"
		fi
	else
		note "man is not installed: man -w loader not checked"
	fi
}

# `command -v` prints the PATH entry as given; the build's bin/ is absolute (abs_top_builddir),
# which is $B's physical path unless the build directory is reached through a symlink.
[ "$(cd "$B" && pwd)" = "$absB" ] || note "the build directory is reached through a symlink"

shells=sh
for sh in bash zsh; do
	command -v $sh > /dev/null 2>&1 && shells="$shells $sh"
done
for sh in $shells; do
	check_shell "$(id -un)" "$sh"
done

if probe root; then
	chmod 755 "$T"
	if setpriv --reuid=65534 --regid=65534 --clear-groups \
		sh -c 'cd "$1" && test -r execlab-env && test -x bin/trace && test -r "$2"' \
		sh "$B" "$T/probe-env.sh" 2> /dev/null; then
		for sh in $shells; do
			check_shell nobody "$sh" setpriv --reuid=65534 --regid=65534 --clear-groups
		done
	else
		note "the build tree is not readable by uid 65534: the ordinary user is not checked"
	fi
fi
pass "execlab-env puts the tools and their man pages first, once, for $shells"
