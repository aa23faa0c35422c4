#!/bin/sh
# /proc/self/exe under the loader, and what follows from it, against the kernel:
#  - tests/progs/self-exe prints readlink(/proc/self/exe) and, with arguments, re-executes
#    /proc/self/exe with them (the child prints its own view);
#  - tests/progs/origin/bin/origin finds its library only through RUNPATH $ORIGIN/../lib,
#    which ld.so resolves from /proc/self/exe;
#  - a #! script run by self-exe: /proc/self/exe is the interpreter, as the kernel does.
# As root the loader sets /proc/self/exe to the program: both run as natively. As an
# ordinary user (the test's user, or uid 65534 when the test runs as root) without
# --userns, the documented difference: /proc/self/exe names the loader, so the
# re-execution runs the loader and $ORIGIN is the loader's directory. (--userns:
# tests/loader/self-exe-userns.sh.)
. "$top_srcdir/tests/loader/lib-identity.sh"
stage self-exe origin
# A #! script: the kernel's /proc/self/exe is the ELF file run, its interpreter.
printf '#!%s/self-exe\n' "$ID" > "$ID/exe-script"
chmod 755 "$ID/exe-script"

# The documented difference, as WHO: /proc/self/exe is the loader's file.
unprivileged_checks() {
	local who=$1
	id_run exe-unpriv "$who" "" ./self-exe
	check_eq "self-exe ($who, unprivileged): natively" "exe $(cd "$ID" && pwd -P)/self-exe 0" \
		"$(cat "$T/exe-unpriv.native.out") $NATIVE_RC"
	check_eq "self-exe ($who, unprivileged): /proc/self/exe names the loader (loader(1))" \
		"exe $LID_REAL 0" "$(cat "$T/exe-unpriv.loader.out") $LOADER_RC"
	id_run reexec-unpriv "$who" "" ./self-exe a 'b c'
	check_eq "self-exe a 'b c' ($who, unprivileged): natively the child runs" \
		"child exe $(cd "$ID" && pwd -P)/self-exe args a b c" "$(sed -n 2p "$T/reexec-unpriv.native.out")"
	# Re-executing /proc/self/exe runs the loader, with the program's arguments as its own.
	check_eq "self-exe a 'b c' ($who, unprivileged): the re-execution runs the loader" \
		"exe $LID_REAL" "$(cat "$T/reexec-unpriv.loader.out")"
	[ "$LOADER_RC" != 0 ] || mismatch "self-exe a 'b c' ($who, unprivileged): the loader run as the child succeeded"
	id_run origin-unpriv "$who" "" ./origin/bin/origin
	check_eq "origin ($who, unprivileged): natively" "0" "$NATIVE_RC"
	# $ORIGIN is the loader's directory: ld.so does not find liborigin.so in $ID/../lib.
	grep -q 'liborigin.so: cannot open shared object file' "$T/origin-unpriv.loader.err" ||
		mismatch "origin ($who, unprivileged): expected ld.so not to find liborigin.so through the loader's \$ORIGIN, got exit $LOADER_RC: $(head -n 1 "$T/origin-unpriv.loader.err")"
	note "$who, unprivileged: /proc/self/exe is the loader; \$ORIGIN is its directory"
}

if probe root; then
	id_same exe self "" ./self-exe
	id_same reexec self "" ./self-exe a 'b c'
	id_same reexec-abs self "" "$ID/self-exe" x
	id_same script self "" ./exe-script
	id_same origin self "" ./origin/bin/origin
	who=$(unprivileged_user)
	if [ -n "$who" ]; then
		unprivileged_checks "$who"
	else
		note "the ordinary user's side is not checked: $PROBE_WHY"
	fi
elif probe_forced root; then
	skip "$PROBE_WHY: the ordinary user's side needs a real ordinary user"
else
	unprivileged_checks self
fi
finish "/proc/self/exe and \$ORIGIN under the loader"
