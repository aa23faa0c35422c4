#!/bin/sh
# tests/labs/doctest-self.sh: docs/labs/doctest, the labs' runner, on the fixtures of
# tests/labs/fixtures/: what passes (placeholders, `...`, blanks of any width, continued
# commands, state kept between blocks, status=, norun-output, stdout and stderr in
# terminal order), what must FAIL (an output that differs, with its first differing line; a
# wrong exit status), what is refused before anything runs (placeholder-only line, unknown
# attribute, a command shown with only `...`, an unknown probe), and the user kinds: as
# root a user=root block runs as root and a user=nobody block as uid 65534; as an
# ordinary user (the runner itself run as 65534) the root block SKIPs and the nobody block
# runs as that user.
. "$top_srcdir/tests/lib.sh"

need python3
doctest=$S/docs/labs/doctest
F=$S/tests/labs/fixtures
[ -f "$doctest" ] || error "$doctest is missing"

# run NAME ARGS...: the runner's output in $T/NAME.out, its status in $rc.
run() {
	local name=$1; shift
	"$PYTHON3" "$doctest" --builddir "$B" "$@" > "$T/$name.out" 2>&1; rc=$?
	sed "s/^/# $name: /" "$T/$name.out"
}
has() { grep -qF -- "$2" "$T/$1.out" || fail "$1: expected '$2' in its output"; }

run pass "$F/pass.md"
assert_eq "pass.md: exit status" 0 "$rc"
has pass "pass.md: 6 passed, 0 skipped, 0 failed"

run list --list "$F/pass.md"
assert_eq "--list: exit status" 0 "$rc"
has list "block 4 (line 47) status=3: 2 command(s): echo before"
has list "block 1 (line 16): 4 command(s): printf"

run differ "$F/differ.md"
assert_eq "differ.md: exit status" 1 "$rc"
has differ "differ.md: 2 passed, 0 skipped, 3 failed"
has differ "block 2 (line 8): FAILED"
has differ "first difference: expected: delta"
has differ "got:      gamma"
has differ "exit status 1, expected 0"
has differ "block 4 (line 20): ok"
has differ "first difference: expected: (end of expected output)"
has differ "got:      b"

# The pseudo-probes, against what the shell (and readelf) say.
run pseudo "$F/pseudo.md"
assert_eq "pseudo.md: exit status" 0 "$rc"
for p in readelf gdb rsvg-convert musl qemu-x86 qemu-arm arm-gcc; do
	case $p in
	musl) cmd=musl-gcc ;;
	qemu-x86) cmd=qemu-system-x86_64 ;;
	qemu-arm) cmd=qemu-system-arm ;;
	arm-gcc) cmd=arm-none-eabi-gcc ;;
	*) cmd=$p ;;
	esac
	if command -v $cmd > /dev/null 2>&1; then
		has pseudo "needs=$p): ok"
	else
		has pseudo "needs=$p): SKIP (needs $p: $cmd is not installed"
	fi
done
# vm-image: the kernel image tests/vm/vm-lib.sh names (the source tree's cache here).
vm_kernel=${EXECLAB_VM_CACHE:-$S/.vm-cache}/x86_64/vmlinuz
if [ -r "$vm_kernel" ]; then
	has pseudo "needs=vm-image): ok"
else
	has pseudo "needs=vm-image): SKIP (needs vm-image: no readable kernel image $vm_kernel"
fi
if command -v readelf > /dev/null 2>&1; then
	libc=$(ldd /bin/true | sed -nE 's/.*=> (\/[^ ]*libc\.so[^ ]*) .*/\1/p' | head -n 1)
	id=$(readelf -n "$libc" | sed -nE 's/.*Build ID: ([0-9a-f]+).*/\1/p')
	[ -n "$id" ] || error "no build-id in $libc"
	dbg=/usr/lib/debug/.build-id/$(echo "$id" | cut -c1-2)/$(echo "$id" | cut -c3-).debug
	if [ -e "$dbg" ]; then
		has pseudo "needs=debug-symbols): ok"
	else
		has pseudo "needs=debug-symbols): SKIP (needs debug-symbols: libc's debug symbols are not installed"
	fi
else
	note "readelf is not installed: the debug-symbols probe is not checked"
fi

for f in placeholder-only:"'{N} {N}' is placeholders only" \
	 unknown-attr:"unknown attribute 'flaky'" \
	 dots-only:"expected output of \`echo hi\` is only \`...\`" \
	 unknown-need:"unknown probe 'warp-drive'"; do
	name=${f%%:*}
	run "$name" "$F/$name.md"
	assert_eq "$name.md: exit status (malformed)" 3 "$rc"
	has "$name" "malformed"
	has "$name" "${f#*:}"
	grep -q ': ok$' "$T/$name.out" && fail "$name.md: a block ran in a malformed file"
done

# A command that never ends: killed, with its shell's process group, after the timeout.
mkdir "$T/out"
chmod 755 "$T"
chmod 777 "$T/out"
DOCTEST_OUT=$T/out EXECLAB_DOCTEST_TIMEOUT=1 run timeout "$F/timeout.md"
assert_eq "timeout.md: exit status" 1 "$rc"
has timeout "timed out after 1 s"
has timeout "block 2 (line 8): FAILED (not run: an earlier block's shell died)"
pgid=$(cat "$T/out/shell")
# (a zombie is gone already: the init process reaps it when it gets to it)
left=$(ps -e -o pid=,pgid=,stat=,args= | awk -v g="$pgid" '$2 == g && $3 !~ /^Z/')
[ -z "$left" ] || fail "the timed-out block left processes behind: $left"
rm -f "$T/out/shell"

# The user kinds. DOCTEST_OUT receives each block's uid.
DOCTEST_OUT=$T/out EXECLAB_PROBE_STRACE=no run users "$F/users.md"
has users "needs=strace): SKIP (needs strace: strace: forced by EXECLAB_PROBE_STRACE=no)"
uid=$(id -u)
assert_eq "user=any block's uid" "$uid" "$(cat "$T/out/any")"
if [ "$uid" -eq 0 ]; then
	assert_eq "users.md: exit status" 0 "$rc"
	has users "users.md: 3 passed, 1 skipped, 0 failed"
	assert_eq "user=root block's uid" 0 "$(cat "$T/out/root")"
	assert_eq "user=nobody block's uid (setpriv)" 65534 "$(cat "$T/out/nobody")"
	# The runner as an ordinary user: it needs a python3 and the tree that uid 65534 can read.
	py=
	for p in "$PYTHON3" /usr/bin/python3; do
		if setpriv --reuid=65534 --regid=65534 --clear-groups "$p" -c '' 2> /dev/null; then
			py=$p
			break
		fi
	done
	if [ -z "$py" ]; then
		note "no python3 that uid 65534 can run: the runner as an ordinary user is not checked"
	elif ! setpriv --reuid=65534 --regid=65534 --clear-groups \
		sh -c 'test -r "$1" && test -r "$2/users.md" && cd "$3"' sh "$doctest" "$F" "$B"; then
		note "the tree is not readable by uid 65534: the runner as an ordinary user is not checked"
	else
		rm -f "$T/out/"*
		DOCTEST_OUT=$T/out EXECLAB_PROBE_STRACE=no setpriv --reuid=65534 --regid=65534 \
			--clear-groups "$py" "$doctest" --builddir "$B" "$F/users.md" > "$T/user.out" 2>&1
		rc=$?
		sed 's/^/# as 65534: /' "$T/user.out"
		assert_eq "users.md as 65534: exit status" 0 "$rc"
		has user "block 1 (line 4, user=root): SKIP (user=root: running as uid 65534)"
		has user "users.md: 2 passed, 2 skipped, 0 failed"
		[ -e "$T/out/root" ] && fail "a user=root block ran as an ordinary user"
		assert_eq "user=nobody block's uid (as 65534)" 65534 "$(cat "$T/out/nobody")"
	fi
else
	assert_eq "users.md: exit status" 0 "$rc"
	has users "block 1 (line 4, user=root): SKIP (user=root: running as uid $uid)"
	assert_eq "user=nobody block's uid (an ordinary user runs it as itself)" "$uid" \
		"$(cat "$T/out/nobody")"
fi
pass "docs/labs/doctest runs, compares, refuses and switches users as docs/labs/README.md says"
