#!/bin/sh
# vm.mmap_rnd_bits, the number of random bits arch_mmap_rnd() adds to a PIE's address: the
# loader reads it (/proc/sys/vm/mmap_rnd_bits) only for a randomised PIE, so an ET_EXEC
# program or a static-pie costs no system call for it. The sysctl is mode 0600: a user who
# may not read it gets the default, 28, and -v says so; one who may gets no such line. The
# PIE runs as natively either way.
. "$top_srcdir/tests/loader/lib-loader.sh"
need aslr "the sysctl is read only when a PIE's address is randomised"
need strace "the loader's own system calls are counted"
for v in basic-pie basic-nopie basic-static-pie; do need_prog $v; done
SYSCTL=/proc/sys/vm/mmap_rnd_bits

# Opened exactly once for the PIE, never for the others.
for v in basic-pie basic-nopie basic-static-pie; do
	"$STRACE" -e trace=openat -o "$T/$v.strace" "$L" "$P/$v" > "$T/$v.out" 2>&1 ||
		fail "loader $v failed: $(head -n 3 "$T/$v.out")"
	n=$(grep -c "$SYSCTL" "$T/$v.strace")
	case $v in basic-pie) want=1 ;; *) want=0 ;; esac
	check_eq "opens of $SYSCTL by loader $v" $want "$n"
done

# -v: the default is narrated exactly when the sysctl cannot be read by this user. As root,
# also as uid 65534, for whom the kernel's mode 0600 makes it unreadable.
rnd_line() {	# WHO [PREFIX...]: run the PIE under the loader as WHO (through PREFIX)
	who=$1; shift
	"$@" sh -c 'test -r "$1" && echo readable || echo unreadable' sh "$SYSCTL" > "$T/r"
	run_timeout 10 "$@" "$L" -v "$P/basic-pie" > "$T/pie.out" 2> "$T/pie.err" ||
		mismatch "loader -v basic-pie as $who failed: $(tail -n 2 "$T/pie.err")"
	line=$(grep '^loader: arch_mmap_rnd: ' "$T/pie.err")
	case $(cat "$T/r")/$line in
	readable/) note "$who reads vm.mmap_rnd_bits ($(cat "$SYSCTL" 2>/dev/null)): no default line" ;;
	unreadable/*"assuming the default, 28"*) note "$who: $line" ;;
	*) mismatch "$who: $SYSCTL is $(cat "$T/r"), but the loader said '$line'" ;;
	esac
}
rnd_line "uid $(id -u)"
if probe root; then
	need_cmd setpriv "util-linux"
	chmod 755 "$T"
	rnd_line "uid 65534" setpriv --reuid=65534 --regid=65534 --clear-groups env HOME=/tmp
fi

# The kernel is the oracle: the PIE's output and status are the same under the loader.
run_both pie "$P/basic-pie"
check_eq "exit status of basic-pie under the loader" "$NATIVE_RC" "$LOADER_RC"
cmp -s "$T/pie.native.out" "$T/pie.loader.out" || mismatch "basic-pie's stdout differs under the loader"
finish "vm.mmap_rnd_bits is read only for a randomised PIE, and its default is narrated"
