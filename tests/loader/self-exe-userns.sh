#!/bin/sh
# `loader --userns` as an ordinary user (the test's user, or uid 65534 when the test runs
# as root): the loader gains the privilege for /proc/self/exe in a user namespace mapping
# the user's own ids, so tests/progs/self-exe (its /proc/self/exe, and re-executing it)
# and tests/progs/origin/bin/origin ($ORIGIN) run exactly as natively. Needs user
# namespaces for that user (the userns probe, run as that user).
. "$top_srcdir/tests/loader/lib-identity.sh"
who=$(unprivileged_user)
[ -n "$who" ] || skip "$PROBE_WHY"
userns_for "$who" || skip "--userns needs a user namespace: $PROBE_WHY"
stage self-exe origin

id_same exe "$who" --userns ./self-exe
id_same reexec "$who" --userns ./self-exe a 'b c'
id_same origin "$who" --userns ./origin/bin/origin
# The program must not keep the namespace's capabilities: its effective set is empty.
id_same caps "$who" --userns /bin/sh -c 'grep "^CapEff" /proc/self/status'
finish "loader --userns: /proc/self/exe and \$ORIGIN as natively for an ordinary user"
