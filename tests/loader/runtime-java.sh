#!/bin/sh
# `java -version` under the loader as natively (stdout, stderr, status): the launcher
# finds libjli.so through RUNPATH $ORIGIN/../lib and its home from /proc/self/exe. Needs
# the loader's full identity (tests/loader/lib-identity.sh: root, or --userns).
. "$top_srcdir/tests/loader/lib-identity.sh"
need java "an installed runtime that uses /proc/self/exe (Debian package default-jre-headless)"
privileged_way
SAME_STDERR=1 id_same java "$WHO" "$OPTS" java -version
finish "java -version under the loader"
