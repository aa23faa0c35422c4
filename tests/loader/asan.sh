#!/bin/sh
# An AddressSanitizer report under the loader against the kernel: tests/progs/asan-frame.c
# (built here with -fsanitize=address when the compiler can) overflows a heap block in its
# own asan_overflow(); the report's frame #0 must name that function in the program's own
# file, at the same offset, as natively. The sanitizer finds the program's file through
# /proc/self/exe, so this needs the loader's full identity: as root, or as an ordinary
# user with --userns (tests/loader/lib-identity.sh).
. "$top_srcdir/tests/loader/lib-identity.sh"
need cc-asan
privileged_way
${CC:-cc} -g -fsanitize=address -o "$ID/asan-frame" "$S/tests/progs/asan-frame.c" ||
	error "${CC:-cc} failed on tests/progs/asan-frame.c"
chmod 755 "$ID/asan-frame"

# "#N FUNCTION MODULE OFFSET": addresses left out, so the lines compare across runs.
export ASAN_OPTIONS='stack_trace_format="#%n %f %m %o":detect_leaks=0'
id_run asan "$WHO" "$OPTS" ./asan-frame
frame0() { grep -m 1 '^#0 ' "$1"; }
check_eq "natively, frame #0" "#0 asan_overflow $(cd "$ID" && pwd -P)/asan-frame" \
	"$(frame0 "$T/asan.native.err" | cut -d' ' -f1-3)"
check_eq "loader${OPTS:+ $OPTS} asan-frame: frame #0 of the report" "$(frame0 "$T/asan.native.err")" \
	"$(frame0 "$T/asan.loader.err")"
check_eq "loader${OPTS:+ $OPTS} asan-frame: exit status" "$NATIVE_RC" "$LOADER_RC"
note "natively: $(frame0 "$T/asan.native.err"), exit $NATIVE_RC"
finish "AddressSanitizer names the program's own function and file under the loader"
