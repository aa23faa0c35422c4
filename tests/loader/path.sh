#!/bin/sh
# PATH search (like env(1)/execvp): a bare name is looked up in PATH;
# ENOENT entries are skipped; an EACCES match (or a PATH directory that cannot be
# searched) is remembered and the search goes on; if a later entry runs, it runs; if
# nothing runs, 126 "Permission denied"; if nothing is found at all, 127 "No such file or
# directory". env(1) is the native reference.
. "$top_srcdir/tests/loader/lib-loader.sh"
need_cmd env

# `loader true` finds /bin/true or /usr/bin/true with the ordinary PATH.
run_timeout 10 env PATH=/usr/bin:/bin "$L" true; rc=$?
[ $rc -eq 0 ] || mismatch "loader true (PATH=/usr/bin:/bin) exited $rc"
run_timeout 10 env PATH=/usr/bin:/bin "$L" false; rc=$?
[ $rc -eq 1 ] || mismatch "loader false exited $rc, expected 1"
out=$(run_timeout 10 env PATH=/usr/bin:/bin "$L" echo found by PATH) ||
	mismatch "loader echo exited $?"
[ "$out" = "found by PATH" ] || mismatch "loader echo printed '$out'"

mkdir -p "$T/d1" "$T/d2" "$T/d3" "$T/empty"
# d1/prog exists but is not executable; d2/prog is a directory; d3/prog runs.
printf '#!/bin/sh\necho d1\n' > "$T/d1/prog"; chmod 644 "$T/d1/prog"
mkdir "$T/d2/prog"
printf '#!/bin/sh\necho "d3 $0 $*"\nexit 3\n' > "$T/d3/prog"; chmod 755 "$T/d3/prog"

# Each case: the native reference (env, which uses execvp) and the loader, same PATH.
path_case() {
	local tag=$1 path=$2; shift 2
	(cd "$T" && run_timeout 10 env PATH="$path" "$@" > "$T/$tag.native.out" 2> "$T/$tag.native.err")
	NATIVE_RC=$?
	(cd "$T" && run_timeout 10 env PATH="$path" "$L" "$@" > "$T/$tag.loader.out" 2> "$T/$tag.loader.err")
	LOADER_RC=$?
	if [ $NATIVE_RC != $LOADER_RC ]; then
		mismatch "$tag: PATH=$path loader $*: exit $LOADER_RC, env(1) gives $NATIVE_RC ($(head -n 1 "$T/$tag.loader.err"))"
	elif ! cmp -s "$T/$tag.native.out" "$T/$tag.loader.out"; then
		mismatch "$tag: PATH=$path loader $*: stdout '$(cat "$T/$tag.loader.out")', env(1) '$(cat "$T/$tag.native.out")'"
	else
		note "$tag: PATH=$path: exit $LOADER_RC as env(1)"
	fi
}
path_case eacces-then-runs "$T/empty:$T/d1:$T/nonexistent:$T/d2:$T/d3" prog x
grep -qx "d3 $T/d3/prog x" "$T/eacces-then-runs.native.out" || note "env(1) ran: $(cat "$T/eacces-then-runs.native.out")"
path_case eacces-only "$T/empty:$T/d1:$T/d2" prog
path_case not-found "$T/empty:$T/nonexistent" prog
path_case empty-path-entry ":$T/empty" prog

# An empty PATH entry means the current directory (execvp); with PATH unset, execvp
# searches its default path (glibc: /bin:/usr/bin).
(cd "$T/d3" && run_timeout 10 env PATH=":$T/empty" prog y > "$T/cwd.native.out" 2>&1); n=$?
(cd "$T/d3" && run_timeout 10 env PATH=":$T/empty" "$L" prog y > "$T/cwd.loader.out" 2>&1); l=$?
if [ $n != $l ] || ! cmp -s "$T/cwd.native.out" "$T/cwd.loader.out"; then
	mismatch "PATH=:$T/empty (cwd has prog): loader exit $l '$(cat "$T/cwd.loader.out")', env(1) exit $n '$(cat "$T/cwd.native.out")'"
else
	note "empty PATH entry = cwd: exit $l as env(1)"
fi
run_timeout 10 env -u PATH "$(command -v env)" true; n=$?
run_timeout 10 env -u PATH "$L" true; l=$?
check_eq "PATH unset: loader true exit status (env(1) gives $n)" "$n" "$l"

# A program found in PATH gets the path execvp built as AT_EXECFN, and argv[0] as typed.
auxv=$B/nostd-demo/auxv
if [ -x "$auxv" ]; then
	d=$(dirname "$auxv")
	run_timeout 10 env -i PATH="/nonexistent:$d" "$(command -v env)" auxv x > "$T/px.native"
	run_timeout 10 env -i PATH="/nonexistent:$d" "$L" auxv x > "$T/px.loader"
	for k in 'argv\[0\]' 'argv\[1\]' AT_EXECFN; do
		n=$(grep "^$k " "$T/px.native"); l=$(grep "^$k " "$T/px.loader")
		check_eq "PATH-found auxv: $k" "$n" "$l"
	done
fi

# A PATH directory that cannot be searched: execve(2) fails there with EACCES, so env(1)
# says "Permission denied" and exits 126 although the program is nowhere; so does the
# loader, with a detail naming the directory. Root may search any directory: as root,
# this case runs as uid 65534 (setpriv), for whom the directory (mode 0) is closed too.
mkdir "$T/locked"
chmod 0 "$T/locked"
unsearchable_case() {
	local as=
	if [ "$(id -u)" -eq 0 ]; then
		command -v setpriv > /dev/null 2>&1 ||
			{ note "unsearchable PATH directory: skipped (as root it needs setpriv)"; return; }
		chmod 755 "$T"
		as="setpriv --reuid=65534 --regid=65534 --clear-groups env HOME=/tmp"
	fi
	# $as is split on blanks on purpose: a command prefix, or nothing.
	(cd / && $as env PATH="$T/locked:$T/empty" prog > "$T/locked.native.out" 2> "$T/locked.native.err")
	NATIVE_RC=$?
	(cd / && $as env PATH="$T/locked:$T/empty" "$L" prog > "$T/locked.loader.out" 2> "$T/locked.loader.err")
	LOADER_RC=$?
	grep -q 'Permission denied' "$T/locked.native.err" ||
		note "env(1) with an unsearchable PATH directory said: $(cat "$T/locked.native.err")"
	check_eq "unsearchable PATH directory: exit status (env(1) gives $NATIVE_RC)" "$NATIVE_RC" "$LOADER_RC"
	check_eq "unsearchable PATH directory: the loader's message" \
		"loader: prog: Permission denied (cannot search directory $T/locked: no execute permission on it)" \
		"$(cat "$T/locked.loader.err")"
	note "unsearchable PATH directory${as:+ (as uid 65534)}: env(1) exit $NATIVE_RC '$(cat "$T/locked.native.err")', loader exit $LOADER_RC"
}
unsearchable_case
chmod 700 "$T/locked"

# The loader's own messages for the failures (its contract, not env's wording).
LOADER_PATH="$T/d1:$T/d2"
expect_refusal eacces-message 126 "Permission denied" prog
LOADER_PATH="$T/empty"
expect_refusal enoent-message 127 "No such file or directory" prog
# A name with a slash is not searched, even when PATH has a match for its last part.
LOADER_PATH="$T/d3"
mkdir "$T/d3/sub"
cd "$T/d3" && expect_refusal slash-not-searched 127 "No such file or directory" sub/prog
cd "$T"
LOADER_PATH=
finish "PATH search as env(1) does it"
