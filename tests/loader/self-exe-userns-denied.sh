#!/bin/sh
# `loader --userns` where user namespaces are denied: one line on stderr, and the program
# runs as without --userns (/proc/self/exe names the loader, loader(1)). The denial is
# made here: inside a user namespace of the test's own, max_user_namespaces is set to 0
# (no namespace may be created below it) and every capability is dropped for good
# (securebits noroot, empty bounding set), so the loader there is an ordinary user.
. "$top_srcdir/tests/loader/lib-identity.sh"
need userns "the denial is built in a user namespace"
need_cmd setpriv "util-linux"
need_cmd unshare "util-linux"
stage self-exe

# denied CMD...: CMD with user namespaces denied and no capabilities, from $ID.
denied() {
	(cd "$ID" && run_timeout 30 unshare -U -r sh -c \
		'echo 0 > /proc/sys/user/max_user_namespaces && exec "$@"' sh \
		setpriv --securebits +noroot,+noroot_locked,+no_setuid_fixup,+no_setuid_fixup_locked \
		--bounding-set -all --inh-caps -all --ambient-caps -all "$@") < /dev/null
}
denied sh -c 'unshare -U true' 2> /dev/null &&
	error "user namespaces are still allowed in the denial set up by this test"
denied "$LID" ./self-exe > "$T/plain.out" 2> "$T/plain.err"
plain_rc=$?
denied "$LID" --userns ./self-exe > "$T/userns.out" 2> "$T/userns.err"
userns_rc=$?
check_eq "without --userns, denied: /proc/self/exe" "exe $LID_REAL 0" "$(cat "$T/plain.out") $plain_rc"
check_eq "--userns, denied: stdout and status as without --userns" \
	"$(cat "$T/plain.out") $plain_rc" "$(cat "$T/userns.out") $userns_rc"
check_eq "--userns, denied: stderr lines beyond those without --userns" 1 \
	"$(( $(wc -l < "$T/userns.err") - $(wc -l < "$T/plain.err") ))"
grep -q '^loader: ' "$T/userns.err" ||
	mismatch "--userns, denied: no 'loader: ' line on stderr: $(head -n 2 "$T/userns.err")"
note "--userns, denied: $(head -n 1 "$T/userns.err")"
finish "loader --userns where user namespaces are denied: one line, then as without --userns"
