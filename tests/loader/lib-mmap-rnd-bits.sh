# tests/loader/lib-mmap-rnd-bits.sh: the -v check shared by mmap-rnd-bits.sh and
# mmap-rnd-bits-nobody.sh. rnd_line WHO [PREFIX...] runs `loader -v basic-pie` as WHO
# (through PREFIX, e.g. setpriv) and checks its arch_mmap_rnd line: the default (28) is
# narrated exactly when WHO cannot read vm.mmap_rnd_bits.
SYSCTL=/proc/sys/vm/mmap_rnd_bits
rnd_line() {
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
