# tests/memprot/vm.sh: sourced by the tests that boot a virtual machine (tests/vm/run-vm).
# need_vm ARCH: skip unless the emulator and the cached kernel image are there; sets RUN_VM.
. "$top_srcdir/tests/vm/vm-lib.sh" 2>/dev/null || error "tests/vm/vm-lib.sh is missing"
need_vm() {
	VM_SRCDIR=$S
	vm_arch "$1" || error "tests/vm/vm-lib.sh does not know $1"
	need "$VM_QEMU" "Debian package $VM_QEMU_PACKAGE; scripts/bootstrap installs it"
	[ -r "$VM_KERNEL" ] || skip "no kernel image $VM_KERNEL (scripts/bootstrap fetches it)"
	RUN_VM=$S/tests/vm/run-vm
}
