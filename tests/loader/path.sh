#!/bin/sh
# PATH search (like env(1)/execvp): a bare name is looked up in PATH;
# ENOENT entries are skipped; an EACCES match is remembered and the search goes on; if a
# later entry runs, it runs; if nothing runs, 126 "Permission denied"; if nothing is
# found at all, 127 "No such file or directory". env(1) is the native reference.
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
