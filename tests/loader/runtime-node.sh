#!/bin/sh
# node's child_process.fork() under the loader as natively: it starts process.execPath,
# node's /proc/self/exe, again (tests/progs/node-fork.js). Needs the loader's full
# identity (tests/loader/lib-identity.sh: root, or --userns).
. "$top_srcdir/tests/loader/lib-identity.sh"
need node "an installed runtime that uses /proc/self/exe (Debian package nodejs)"
privileged_way
cp "$S/tests/progs/node-fork.js" "$ID/" && chmod 644 "$ID/node-fork.js" ||
	error "cannot copy tests/progs/node-fork.js"
SAME_STDERR=1 id_same node "$WHO" "$OPTS" node node-fork.js
finish "node child_process.fork under the loader"
