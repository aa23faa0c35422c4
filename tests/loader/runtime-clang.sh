#!/bin/sh
# clang compiling and linking a hello world under the loader as natively: the driver
# finds its resource directory from /proc/self/exe and may start itself again for -cc1.
# The program it links must run. Needs the loader's full identity
# (tests/loader/lib-identity.sh: root, or --userns).
. "$top_srcdir/tests/loader/lib-identity.sh"
need clang "an installed compiler that uses /proc/self/exe (Debian package clang)"
privileged_way
printf '#include <stdio.h>\nint main(void) { puts("hello"); return 0; }\n' > "$ID/hello.c"
chmod 777 "$ID"		# the compiler, run as WHO, writes hello here
SAME_STDERR=1 id_same clang "$WHO" "$OPTS" clang -o hello hello.c &&
	check_eq "the hello linked by clang under the loader" hello "$("$ID/hello")"
finish "clang compiles and links under the loader"
