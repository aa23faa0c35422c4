# tests/loader/lib-identity.sh: helpers for the process-identity tests (/proc/self/exe and
# what programs derive from it: $ORIGIN, a sanitizer's module names, a runtime's home).
# Source it instead of lib-loader.sh. The kernel is the oracle: the same command run
# natively, by the same user. What the loader promises (loader(1)):
#  - with the privilege for PR_SET_MM_MAP's exe_fd (root), /proc/self/exe is the program
#    (for a #! script, the ELF file run): everything is as natively;
#  - an ordinary user gets /proc/self/exe = the loader (documented), unless `loader
#    --userns` gains the privilege in a user namespace of its own: as natively again.
# Everything runs from $ID, a copy uid 65534 can reach, so that a test run as root also
# checks the ordinary user's side (as uid 65534, through setpriv).
. "$top_srcdir/tests/loader/lib-loader.sh"

ID=$T/id
mkdir -p "$ID" || error "cannot create $ID"
chmod 755 "$T" "$ID"
cp "$L" "$ID/loader" || error "cannot copy $L"
LID=$ID/loader
LID_REAL=$(cd "$ID" && pwd -P)/loader
NOBODY_UID=65534

# stage NAME...: copy $P/NAME (a file or a directory) to $ID/NAME, readable by everyone.
stage() {
	local n
	for n in "$@"; do
		[ -e "$P/$n" ] || fail "$P/$n was not built (run make check)"
		mkdir -p "$ID/$(dirname "$n")"
		cp -R "$P/$n" "$ID/$n" || error "cannot copy $P/$n"
	done
	chmod -R a+rX "$ID"
}

# who_prefix WHO: the command prefix that runs a command as WHO: "self" (the test's own
# user: none) or "nobody" (uid 65534 with no groups, only when the test runs as root).
who_prefix() {
	case $1 in
	self) ;;
	nobody) echo "setpriv --reuid=$NOBODY_UID --regid=$NOBODY_UID --clear-groups env HOME=/tmp" ;;
	*) error "unknown user '$1'" ;;
	esac
}
# as_user WHO CMD...: run CMD as WHO.
as_user() {
	local who=$1; shift
	# shellcheck disable=SC2046
	$(who_prefix "$who") "$@"
}

# unprivileged_user: who runs the ordinary user's checks: the test's user when it is not
# root, else uid 65534 (needs setpriv); empty if nobody can (PROBE_WHY says why).
unprivileged_user() {
	if ! probe root; then
		echo self
	elif command -v setpriv > /dev/null 2>&1; then
		echo nobody
	else
		PROBE_WHY="setpriv is not installed (util-linux): cannot run as uid $NOBODY_UID"
	fi
}

# userns_for WHO: WHO may create a user namespace mapping its own ids (the userns probe,
# run as WHO; EXECLAB_PROBE_USERNS forces the answer). PROBE_WHY says why not.
userns_for() {
	if [ "$1" = self ] || probe_forced userns; then
		probe userns
		return
	fi
	cp "$PROBE" "$ID/probe" && chmod 755 "$ID/probe" || error "cannot copy $PROBE"
	PROBE_WHY="$(as_user "$1" "$ID/probe" userns) (as uid $NOBODY_UID)"
	as_user "$1" "$ID/probe" userns > /dev/null
}

# id_run TAG WHO LOADER-OPTS CMD...: CMD natively, then `loader LOADER-OPTS CMD...` (opts
# split on blanks), both as WHO, from $ID, stdin /dev/null. Leaves
# $T/TAG.{native,loader}.{out,err}, NATIVE_RC and LOADER_RC.
id_run() {
	local tag=$1 who=$2 opts=$3; shift 3
	# shellcheck disable=SC2046
	(cd "$ID" && run_timeout 30 $(who_prefix "$who") "$@") < /dev/null \
		> "$T/$tag.native.out" 2> "$T/$tag.native.err"
	NATIVE_RC=$?
	# shellcheck disable=SC2086
	(cd "$ID" && run_timeout 30 $(who_prefix "$who") "$LID" $opts "$@") < /dev/null \
		> "$T/$tag.loader.out" 2> "$T/$tag.loader.err"
	LOADER_RC=$?
}

# id_same TAG WHO LOADER-OPTS CMD...: stdout and status as natively (and stderr too when
# SAME_STDERR=1); records a mismatch otherwise.
id_same() {
	local tag=$1 who=$2 opts=$3; shift 3
	id_run "$tag" "$who" "$opts" "$@"
	compare_runs "$tag" "$tag ($who)" "loader${opts:+ $opts} $*" || return 1
	note "$tag ($who${opts:+, $opts}): as natively: exit $NATIVE_RC, $(head -c 100 "$T/$tag.native.out" | head -n 1)"
}

# privileged_way: how this test gets the loader's full identity: as root, plainly; as an
# ordinary user, with --userns where user namespaces are allowed; else SKIP with the
# reason. Sets WHO and OPTS for id_same.
privileged_way() {
	WHO=self
	if probe root; then
		OPTS=
	elif probe userns; then
		OPTS=--userns
	else
		skip "an ordinary user without user namespaces ($PROBE_WHY): /proc/self/exe stays the loader's (loader(1), LIMITS)"
	fi
}
