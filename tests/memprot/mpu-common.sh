# tests/memprot/mpu-common.sh: sourced by the MPU demo's tests (mpu-m3.sh, mpu-m33.sh)
# after tests/lib.sh.
#
# mpu_run BOARD CPU: SKIP unless this machine has qemu-system-arm and an arm-none-eabi-gcc
# that builds for CPU (tried here, in $T, never through the demo); a demo that configure
# should then have built but did not is an error. Runs the demo: its output, carriage
# returns removed, in $T/out; its exit status in $MPU_RC.
mpu_run() {
	local board=$1 cpu=$2
	MPU_ELF=$B/memprot/arm/mpu-$board.elf
	command -v arm-none-eabi-gcc > /dev/null 2>&1 ||
		skip "arm-none-eabi-gcc is not installed (Debian package gcc-arm-none-eabi): the MPU demo is not built"
	printf 'void f(void) { for (;;) ; }\n' > "$T/probe-arm.c"
	arm-none-eabi-gcc -mcpu="$cpu" -mthumb -ffreestanding -nostdlib -e f -o "$T/probe-arm" \
		"$T/probe-arm.c" > "$T/probe-arm.log" 2>&1 ||
		skip "arm-none-eabi-gcc cannot build a freestanding $cpu program: $(head -n 1 "$T/probe-arm.log")"
	need_cmd qemu-system-arm "Debian package qemu-system-arm"
	[ -f "$MPU_ELF" ] ||
		error "$MPU_ELF was not built, though arm-none-eabi-gcc works (was it installed after ./configure? run ./configure again)"
	MPU_RC=0
	"$S/memprot/arm/run-mpu" "$board" "$MPU_ELF" > "$T/raw" 2> "$T/err" || MPU_RC=$?
	tr -d '\r' < "$T/raw" > "$T/out"
	[ $MPU_RC -ne 124 ] || fail "the $board demo did not exit within 30 s: $(cat "$T/out" "$T/err")"
	[ $MPU_RC -ne 127 ] && [ $MPU_RC -ne 2 ] || error "run-mpu could not start: $(cat "$T/err")"
}

# mpu_check_vectors: the ELF's vector table, read with arm-none-eabi-objdump (binutils,
# not the demo), holds the initial SP the linker script fixes (RAM + 0x5000) and the
# address of reset_handler with bit 0 set (a Thumb entry, which Cortex-M requires).
mpu_check_vectors() {
	local ram=$1 flash=$2 words sym
	words=$(arm-none-eabi-objdump -s -j .text --start-address="$flash" \
		--stop-address=$((flash + 8)) "$MPU_ELF" | sed -n 's/^ [0-9a-f]* \([0-9a-f]*\) \([0-9a-f]*\) .*/\1 \2/p')
	[ -n "$words" ] || error "cannot read the vector table of $MPU_ELF"
	sym=$(arm-none-eabi-nm "$MPU_ELF" | sed -n 's/^\([0-9a-f]*\) T reset_handler$/\1/p')
	[ -n "$sym" ] || fail "no reset_handler in $MPU_ELF"
	# objdump prints words in target (little-endian) byte order.
	le() { printf '%08x' "$1" | sed 's/\(..\)\(..\)\(..\)\(..\)/\4\3\2\1/'; }
	assert_eq "vector table (initial SP, reset)" "$(le $((ram + 0x5000))) $(le $((0x$sym | 1)))" "$words"
}

# mpu_compare EXPECTED-FILE: the demo's output, exactly (its addresses are fixed).
mpu_compare() {
	diff -u "$1" "$T/out" >&2 || fail "the demo's output differs from the expected (above)"
}
