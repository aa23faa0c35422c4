#!/bin/sh
# What the loader leaves behind once the program runs, against the kernel's exec:
#  - its own image is gone from /proc/PID/maps; one page stays, the trampoline
#    start_thread() ran from (/memfd:execlab-trampoline (deleted), r-x, 4 KiB);
#  - as an ordinary user /proc/self/exe stays the loader (the documented difference,
#    said by -v); exec-mmap-root.sh and exec-mmap-userns.sh check where it is the program;
#  - a small RLIMIT_STACK with a big environment runs as natively (ulimit -s 200, 110 KB);
#  - a program below the 64 KiB PR_SET_MM_MAP accepts keeps its argv in
#    /proc/self/cmdline, and brk works, as natively.
. "$top_srcdir/tests/loader/lib-loader.sh"
need_prog procself
need_prog procself-low
chmod 755 "$T"
loader_file=$(readlink -f "$L")

# As another user: uid 65534 through setpriv, when this test runs as root.
as_nobody() { setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; }

# 1. The maps: no mapping of the loader's file, one trampoline page.
run_timeout 10 "$L" /bin/cat /proc/self/maps > "$T/maps" 2>&1 || mismatch "cat /proc/self/maps under the loader failed: $(cat "$T/maps")"
if grep -qF " $loader_file" "$T/maps"; then
	mismatch "the loader's image is still mapped: $(grep -F " $loader_file" "$T/maps")"
fi
check_eq "trampoline pages in /proc/self/maps" 1 "$(grep -c '/memfd:execlab-trampoline (deleted)$' "$T/maps")"
tramp=$(grep '/memfd:execlab-trampoline' "$T/maps" | head -n 1)
case $tramp in
*" r-xp "*) ;;
*) mismatch "the trampoline page is not r-x private: '$tramp'" ;;
esac
range=${tramp%% *}
size=$((0x${range#*-} - 0x${range%-*}))
check_eq "trampoline size" 4096 "$size"
/bin/cat /proc/self/maps | grep -c memfd > "$T/native-memfd"
check_eq "memfd pages natively (none)" 0 "$(cat "$T/native-memfd")"
note "maps: the loader's image is gone, one trampoline page: $tramp"

# 2. /proc/self/exe for an ordinary user (this one, or uid 65534 when root): it stays the
# loader, the documented difference, and -v says why.
loader_exe() { "$@" "$L" -v /bin/readlink /proc/self/exe 2> "$T/unpriv.err"; }
if [ "$(id -u)" != 0 ]; then
	got=$(loader_exe)
elif command -v setpriv > /dev/null 2>&1 && as_nobody test -x "$L" 2> /dev/null; then
	got=$(loader_exe as_nobody)
else
	got=$loader_file
	note "no run as an ordinary user: setpriv is missing or uid 65534 cannot run $L"
fi
check_eq "/proc/self/exe as an ordinary user (documented: the loader)" "$loader_file" "$got"
[ -s "$T/unpriv.err" ] && { grep -q '^loader: set_mm_exe_file: /proc/self/exe stays the loader: changing it needs CAP_SYS_ADMIN' "$T/unpriv.err" ||
	mismatch "-v does not say why /proc/self/exe stays the loader: $(grep exe "$T/unpriv.err")"; }

# 4. A small stack limit with a big environment: the kernel runs it, so must the loader.
big=$(head -c 110000 /dev/zero | tr '\0' a)
out=$(env -i BIG="$big" /bin/sh -c 'ulimit -s 200 && exec "$@"' sh /usr/bin/env 2>&1 | wc -c)
out_l=$(env -i BIG="$big" /bin/sh -c 'ulimit -s 200 && exec "$@"' sh "$L" /usr/bin/env 2>&1 | wc -c)
check_eq "env's output with ulimit -s 200 and a 110 KB environment" "$out" "$out_l"
env -i BIG="$big" /bin/sh -c 'ulimit -s 200 && exec "$@"' sh "$L" /bin/true
check_eq "exit status of /bin/true with ulimit -s 200 and a 110 KB environment" 0 $?

# 5. /proc/self/cmdline, comm and brk, natively and under the loader.
same_run procself "$P/procself" one 'two words'
same_run procself-low "$P/procself-low" one 'two words'
"$L" -v "$P/procself-low" 2>&1 >/dev/null | grep -q "PR_SET_MM_MAP refused the program's code" ||
	note "procself-low: PR_SET_MM_MAP took its code range here (no 64 KiB mmap_min_addr)"
finish "the image the loader leaves: maps, /proc/self/exe unprivileged, small stacks, cmdline"
