#!/bin/sh
# vm.mmap_rnd_bits, the number of random bits arch_mmap_rnd() adds to a PIE's address: the
# loader reads it (/proc/sys/vm/mmap_rnd_bits) only for a randomised PIE, so an ET_EXEC
# program or a static-pie costs no system call for it. The sysctl is mode 0600: a user who
# may not read it gets the default, 28, and -v says so; one who may gets no such line. The
# PIE runs as natively either way. (mmap-rnd-bits-nobody.sh: the same, from root, as uid
# 65534.)
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

# -v: the default is narrated exactly when the sysctl cannot be read by this user.
. "$top_srcdir/tests/loader/lib-mmap-rnd-bits.sh"
rnd_line "uid $(id -u)"

# The kernel is the oracle: the PIE's output and status are the same under the loader.
run_both pie "$P/basic-pie"
check_eq "exit status of basic-pie under the loader" "$NATIVE_RC" "$LOADER_RC"
cmp -s "$T/pie.native.out" "$T/pie.loader.out" || mismatch "basic-pie's stdout differs under the loader"
finish "vm.mmap_rnd_bits is read only for a randomised PIE, and its default is narrated"
