#!/bin/sh
# --userns, as an ordinary user (this one, or uid 65534 when root): /proc/self/exe is the
# program as natively; afterwards every capability set is empty, the uid and gid are
# mapped to themselves, setgroups is denied.
. "$top_srcdir/tests/loader/lib-loader.sh"
need userns "--userns needs unprivileged user namespaces"
chmod 755 "$T"

as_nobody() { setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; }
if [ "$(id -u)" != 0 ]; then
	user() { "$@"; }
else
	need setpriv "running as uid 65534"
	as_nobody test -x "$L" 2> /dev/null || skip "uid 65534 cannot run $L (a build tree it cannot read)"
	user() { as_nobody "$@"; }
fi
native=$(user /bin/readlink /proc/self/exe)
check_eq "/proc/self/exe with --userns" "$native" "$(user "$L" --userns /bin/readlink /proc/self/exe)"
uid=$(user id -u)
gid=$(user id -g)
got=$(user "$L" --userns /bin/sh -c 'grep ^Cap /proc/$$/status | tr -s "\t" " "; cat /proc/$$/uid_map /proc/$$/gid_map /proc/$$/setgroups | tr -s " " " "; id -u; id -g')
want="CapInh: 0000000000000000
CapPrm: 0000000000000000
CapEff: 0000000000000000
CapBnd: 0000000000000000
CapAmb: 0000000000000000
 $uid $uid 1
 $gid $gid 1
deny
$uid
$gid"
check_eq "capabilities and id maps after --userns" "$want" "$got"
note "--userns: /proc/self/exe $native, every capability set empty, uid $uid and gid $gid mapped to themselves"
finish "--userns"
