#!/bin/sh
# After the handover the process IS the program: exit statuses 0, 3, 255;
# death by SIGTERM or SIGSEGV seen by the shell as natively (128 + N); comm is the
# program's basename (cut to 15 bytes, a script's own name for a script); stdin passes
# through; no fd left open by the loader; signal mask and ignored set inherited, caught
# set empty; cwd and environment untouched; --argv0 sets argv[0]; registers at the first
# instruction as start_thread leaves them; PR_SET_MM_MAP refused: -v says so, the program
# runs; set-ID bits: one warning, none where the kernel would not switch either.
. "$top_srcdir/tests/loader/lib-loader.sh"
need_prog crash
need_prog sigstate
need_prog basic-pie
sh_=/bin/sh

# Exit statuses and signals, as the shell sees them.
status_of() { "$sh_" -c '"$@" >/dev/null 2>&1; echo $?' sh "$@"; }
status_case() {
	local n l
	n=$(status_of "$@"); l=$(status_of "$L" "$@")
	if [ "$n" = "$l" ]; then note "\$? of '$*': $n, as natively"
	else mismatch "\$? of 'loader $*' is $l, natively $n"; fi
}
status_case "$P/basic-pie" --exit=0
status_case "$P/basic-pie" --exit=3
status_case "$P/basic-pie" --exit=255
status_case "$P/crash" term
status_case "$P/crash" segv
status_case "$sh_" -c 'exit 42'
status_case "$sh_" -c 'kill -TERM $$'
status_case "$sh_" -c 'kill -KILL $$'
same_run crash-output "$P/crash" segv		# its "started" line got out before the fault

# comm: the basename as the kernel sets it, cut to 15 bytes; for a script, the script's.
cat_=$(command -v cat)
same_run comm "$cat_" /proc/self/comm
check_eq "comm under the loader" "cat" "$(cat "$T/comm.loader.out")"
cp "$cat_" "$T/a-program-with-a-long-name"
same_run comm-long "$T/a-program-with-a-long-name" /proc/self/comm
printf '#!%s\nread c < /proc/$$/comm; echo "$c"\n' "$sh_" > "$T/my-script"
chmod 755 "$T/my-script"
same_run comm-script "$T/my-script"
ln -s "$cat_" "$T/kitty"
same_run comm-symlink "$T/kitty" /proc/self/comm
same_run cmdline "$sh_" -c 'tr "\0" "|" < /proc/$$/cmdline; echo' arg0 'x y'

# The loader loading the loader (a static-pie) which loads the program: the inner loader
# must find a process as clean as the kernel leaves it.
same_run nested-loader "$L" "$P/basic-pie" nested
same_run nested-loader-2 "$L" "$L" "$P/basic-static" nested twice
same_run nested-loader-script "$L" "$T/my-script"

# CPU state at the first instruction (start_thread): tests/progs/regs saves it in _start.
# Everything must equal the kernel's, rflags included (0x202: status flags clear).
need_prog regs
run_timeout 10 "$P/regs" a b > "$T/regs.native" || fail "regs natively exited $?"
run_timeout 10 "$L" "$P/regs" a b > "$T/regs.loader"
rc=$?
grep -v 'status(info)' "$T/regs.native" > "$T/regs.n"
grep -v 'status(info)' "$T/regs.loader" > "$T/regs.l"
if [ $rc -ne 0 ] || ! cmp -s "$T/regs.n" "$T/regs.l"; then
	mismatch "register state at entry under the loader differs from the kernel's (exit $rc):"
	diff -u "$T/regs.n" "$T/regs.l" >&2
else
	note "registers at entry: $(wc -l < "$T/regs.n") values as natively"
fi
# And the values are the documented ones (System V x86_64 ABI 3.4.1): expected/regs.out.
diff -u "$S/tests/loader/expected/regs.out" "$T/regs.l" >&2 ||
	mismatch "register state under the loader differs from tests/loader/expected/regs.out"
n=$(sed -n 's/^rflags.status(info) //p' "$T/regs.native")
l=$(sed -n 's/^rflags.status(info) //p' "$T/regs.loader")
[ "$n" = "$l" ] || mismatch "rflags status bits at entry: natively $n, under the loader $l"

# stdin passes through.
printf 'hi\nthere\n' > "$T/in"
STDIN=$T/in same_run stdin "$cat_"
out=$(echo hi | run_timeout 10 "$L" "$cat_")
check_eq "echo hi | loader cat" hi "$out"

# No extra fd: the program sees only what the shell gave it (plus ls's own directory fd).
ls_=$(command -v ls)
fds() {
	run_timeout 10 "$@" -l /proc/self/fd > "$T/fd.raw" 2>/dev/null
	sed -E -n 's/.* ([0-9]+) -> (.*)$/\1 -> \2/p' "$T/fd.raw" |
		sed -E -e 's#pipe:\[[0-9]+\]#pipe#; s#/proc/[0-9]+/fd#/proc/PID/fd#'
}
fds "$ls_" < /dev/null > "$T/fd.native"
fds "$L" "$ls_" < /dev/null > "$T/fd.loader"
if cmp -s "$T/fd.native" "$T/fd.loader"; then
	note "open fds: $(wc -l < "$T/fd.native"), as natively"
else
	mismatch "loader ls -l /proc/self/fd: open fds differ from the native run:"
	diff -u "$T/fd.native" "$T/fd.loader" >&2
fi

# With stdin closed the program's own first open() gets fd 0 natively; a loader that
# leaked a descriptor there (or anywhere) shows up in the listing.
fds "$ls_" <&- > "$T/fd0.native" 2>/dev/null
fds "$L" "$ls_" <&- > "$T/fd0.loader" 2>/dev/null
cmp -s "$T/fd0.native" "$T/fd0.loader" || {
	mismatch "with stdin closed, open fds under the loader differ:"
	diff -u "$T/fd0.native" "$T/fd0.loader" >&2
}

# Signal state: a parent blocks SIGUSR2 and ignores SIGUSR1 and SIGPIPE, then execs.
need_python
sigrun() {
	"$PY" -c 'import os, signal, sys
signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGUSR2})
signal.signal(signal.SIGUSR1, signal.SIG_IGN)
signal.signal(signal.SIGPIPE, signal.SIG_IGN)
signal.signal(signal.SIGHUP, lambda *a: None)    # caught: must be SIG_DFL after exec
os.execv(sys.argv[1], sys.argv[1:])' "$@"
}
sigrun "$P/sigstate" > "$T/sig.native"
sigrun "$L" "$P/sigstate" > "$T/sig.loader"
grep -q 'SigBlk:.*800' "$T/sig.native" || note "unexpected native mask: $(cat "$T/sig.native")"
if cmp -s "$T/sig.native" "$T/sig.loader"; then
	note "signal state: $(tr '\n\t' '  ' < "$T/sig.native")"
else
	mismatch "signal mask/dispositions under the loader differ:"
	diff -u "$T/sig.native" "$T/sig.loader" >&2
fi
same_run sigstate-plain "$P/sigstate"

# cwd and environment.
mkdir "$T/work dir"
(cd "$T/work dir" && "$sh_" -c 'pwd; pwd -P' > "$T/cwd.native")
(cd "$T/work dir" && "$L" "$sh_" -c 'pwd; pwd -P' > "$T/cwd.loader")
cmp -s "$T/cwd.native" "$T/cwd.loader" || mismatch "cwd differs: $(cat "$T/cwd.loader")"
cd "$P" && same_run relative-path ./basic-pie relative
cd "$T"
env -i 'X=1' 'Y=a b' "$(command -v env)" > "$T/env.native"
env -i 'X=1' 'Y=a b' "$L" "$(command -v env)" > "$T/env.loader"
cmp -s "$T/env.native" "$T/env.loader" || mismatch "environment differs: $(cat "$T/env.loader")"

# --argv0 NAME: argv[0] is NAME; the file run is still PROGRAM.
out=$(run_timeout 10 "$L" --argv0 custom-name "$P/basic-pie" | sed -n 2p)
check_eq "argv[0] with --argv0" "argv[0] custom-name" "$out"
out=$(run_timeout 10 "$L" --argv0 '' "$P/basic-pie" | sed -n 2p)
check_eq "argv[0] with --argv0 ''" "argv[0] " "$out"
out=$(run_timeout 10 "$L" -- "$P/basic-pie" --argv0 | sed -n 3p)
check_eq "arguments after -- are the program's" "argv[1] --argv0" "$out"
# Where the kernel refuses PR_SET_MM_MAP the loader says so under -v and goes on. A soft
# RLIMIT_DATA of 0 provokes it (validate_prctl_map's check_data_rlimit: the data segment
# alone exceeds 0) while mmap still works (a 0 soft limit is let through below the hard
# one), and the program runs natively under the same limit. Without -v: not a word.
out=$("$sh_" -c 'ulimit -S -d 0 && exec "$@"' sh "$L" -v "$P/basic-pie" --exit=0 2> "$T/mm.err")
rc=$?
check_eq "exit status with PR_SET_MM_MAP refused" 0 "$rc"
case $out in "argc "*) ;; *) mismatch "with PR_SET_MM_MAP refused the program did not run: '$out'" ;; esac
grep -q '^loader: [^:]*: PR_SET_MM_MAP refused' "$T/mm.err" ||
	mismatch "-v does not say PR_SET_MM_MAP was refused: $(grep PR_SET_MM_MAP "$T/mm.err")"
"$sh_" -c 'ulimit -S -d 0 && exec "$@"' sh "$L" "$P/basic-pie" --exit=0 > /dev/null 2> "$T/mm.err"
check_eq "stderr without -v when PR_SET_MM_MAP is refused" "" "$(cat "$T/mm.err")"
# With it granted (the normal case), -v says what was set.
run_timeout 10 "$L" -v "$P/basic-pie" --exit=0 > /dev/null 2> "$T/mm.err"
grep -Eq '^loader: [^:]*: (PR_SET_MM_MAP: code |/proc/self/exe will be .*PR_SET_MM_MAP.*code )' "$T/mm.err" ||
	mismatch "-v does not report the PR_SET_MM_MAP it made: $(grep PR_SET_MM_MAP "$T/mm.err")"

# Set-ID bits are not honoured: one warning line where the kernel would switch the
# effective user or group ID (bprm_fill_uid()), the program runs as natively. No warning
# where the IDs would not change: a set-user-ID file we own, a set-group-ID file of our own
# effective group (a copy we make is both); set-group-ID without group execute (a locking
# mark); no_new_privs; a nosuid mount.
nosuid_tmp=$("$PY" -c 'import os, sys; print(int(bool(os.statvfs(sys.argv[1]).f_flag & os.ST_NOSUID)))' "$T")
cp "$P/basic-pie" "$T/setid"
# setid_case MODE OWNER:GROUP WARNING: the copy with that mode and owner (OWNER:GROUP
# empty: as made), run natively and by the loader with a clean environment (natively a
# switch makes it AT_SECURE, and glibc drops variables such as TMPDIR); the loader's
# stderr is WARNING's line, or empty.
setid_case() {
	local mode=$1 owner=$2 want=$3 n l
	[ -z "$owner" ] || chown "$owner" "$T/setid"
	chmod "$mode" "$T/setid"	# after chown, which clears the set-ID bits
	[ "$nosuid_tmp" = 1 ] && want=
	n=$(run_timeout 10 env -i "$T/setid" --exit=0 2>&1); nrc=$?
	l=$(run_timeout 10 env -i "$L" "$T/setid" --exit=0 2> "$T/setid.err"); lrc=$?
	[ "$n:$nrc" = "$l:$lrc" ] ||
		mismatch "mode $mode ${owner:-(ours)}: loader exit $lrc, natively $nrc; or their stdout differs"
	if [ -n "$want" ]; then
		check_eq "stderr of loader on a mode $mode file ${owner:-(ours)}" \
			"loader: $T/setid: warning: $want bit not honoured: the program runs with your own user and group IDs" \
			"$(cat "$T/setid.err")"
	else
		check_eq "stderr of loader on a mode $mode file ${owner:-(ours)}" "" "$(cat "$T/setid.err")"
	fi
}
for mode in 4755 2755 6755 2745 0755; do
	setid_case $mode "" ""
done
# As root, a file of another owner or group: the kernel would switch (the copy stays
# readable and executable by all, so the native run as uid 65534 / gid 65534 works).
if [ "$(id -u)" -eq 0 ]; then
	setid_case 4755 65534:0 set-user-ID
	setid_case 2755 0:65534 set-group-ID
	setid_case 6755 0:65534 set-group-ID	# the user ID would not change, the group would
	setid_case 6755 65534:65534 set-user-ID
	setid_case 2745 0:65534 ""		# a locking mark: no switch
	setid_case 4755 0:0 ""
	chown 65534:0 "$T/setid"	# below: a file that would switch, but must not warn
else
	note "set-ID files of another owner or group: need root to make them (chown); the" \
		"no_new_privs and nosuid cases below then only check that nothing is printed"
fi
chmod 4755 "$T/setid"
if command -v setpriv >/dev/null 2>&1; then
	setpriv --no-new-privs "$L" "$T/setid" --exit=0 > /dev/null 2> "$T/nnp.err"
	check_eq "stderr of loader on a set-user-ID file under no_new_privs" "" "$(cat "$T/nnp.err")"
fi
if [ "$(id -u)" -eq 0 ] && command -v unshare >/dev/null 2>&1 &&
   unshare -m sh -c "mkdir -p '$T/mnt' && mount -t tmpfs -o nosuid tmpfs '$T/mnt'" 2>/dev/null; then
	unshare -m sh -c "mount -t tmpfs -o nosuid tmpfs '$T/mnt' && cp -p '$T/setid' '$T/mnt/' &&
		'$L' '$T/mnt/setid' --exit=0" > /dev/null 2> "$T/nosuid.err"
	check_eq "stderr of loader on a set-user-ID file on a nosuid mount" "" "$(cat "$T/nosuid.err")"
else
	note "set-user-ID file on a nosuid mount: skipped (needs root and unshare -m)"
fi

finish "after the handover the process is the program"
