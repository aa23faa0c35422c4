#!/bin/sh
# With the privilege to change it (root), /proc/self/exe under the loader is what the
# kernel's exec makes it: the program, or a script's interpreter; also for a program the
# kernel's PR_SET_MM_MAP takes only in part (procself-low, linked below 64 KiB).
. "$top_srcdir/tests/loader/lib-loader.sh"
need root "changing /proc/self/exe needs CAP_SYS_ADMIN"
need_prog procself-low
chmod 755 "$T"

native=$(/bin/readlink /proc/self/exe)
check_eq "/proc/self/exe" "$native" "$(run_timeout 10 "$L" /bin/readlink /proc/self/exe)"
note "/proc/self/exe: $native, as natively"
printf '#!/bin/sh\nreadlink /proc/$$/exe\n' > "$T/script"
chmod 755 "$T/script"
native=$("$T/script")
check_eq "/proc/self/exe of a script" "$native" "$(run_timeout 10 "$L" "$T/script")"
note "/proc/self/exe of a #! script: $native (its interpreter), as natively"
# procself-low: PR_SET_MM_MAP refuses its code range, takes the rest, and then exe_fd.
"$L" -v "$P/procself-low" 2> "$T/low.err" > /dev/null
grep -q "^loader: set_mm_exe_file: /proc/self/exe will be $P/procself-low" "$T/low.err" ||
	mismatch "procself-low: -v does not say /proc/self/exe becomes the program: $(grep set_mm "$T/low.err")"
finish "/proc/self/exe as root"
