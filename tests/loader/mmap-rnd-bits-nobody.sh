#!/bin/sh
# vm.mmap_rnd_bits for an ordinary user, checked from root: the sysctl is mode 0600, so
# the loader run as uid 65534 cannot read it, assumes the default (28) and says so with -v;
# the PIE still runs. (mmap-rnd-bits.sh checks the user running the tests.)
. "$top_srcdir/tests/loader/lib-loader.sh"
need aslr "the sysctl is read only when a PIE's address is randomised"
need root "to run the loader as uid 65534"
need_cmd setpriv "util-linux"
need_prog basic-pie
chmod 755 "$T"
. "$top_srcdir/tests/loader/lib-mmap-rnd-bits.sh"
rnd_line "uid 65534" setpriv --reuid=65534 --regid=65534 --clear-groups env HOME=/tmp
[ -s "$T/pie.out" ] || mismatch "basic-pie printed nothing as uid 65534 under the loader"
finish "as uid 65534 the loader assumes vm.mmap_rnd_bits' default and says so"
