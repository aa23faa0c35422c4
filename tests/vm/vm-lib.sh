# tests/vm/vm-lib.sh: what run-vm and fetch-kernel share: where the kernel images are kept,
# and what each guest architecture needs. Sourced; $VM_SRCDIR is the source tree's top.

# The cache of kernel images: EXECLAB_VM_CACHE, or .vm-cache at the top of the source
# tree (ignored by git; readable by whoever can read the tree, root or not).
vm_cache_dir() { printf '%s\n' "${EXECLAB_VM_CACHE:-$VM_SRCDIR/.vm-cache}"; }

# vm_arch ARCH: sets the guest's emulator, its arguments, its serial console, the Debian
# package whose dependency names the current kernel, and the kernel image's path.
# Returns 1 for an architecture this helper does not know.
vm_arch() {
	case $1 in
	x86_64)
		VM_QEMU=qemu-system-x86_64
		VM_QEMU_PACKAGE=qemu-system-x86
		# TCG's "max" CPU has every feature TCG emulates, protection keys among them.
		VM_QEMU_ARGS="-cpu max -m 256"
		VM_CONSOLE=ttyS0
		VM_KERNEL_META=linux-image-amd64
		VM_KERNEL_ARCH=amd64
		;;
	*) return 1 ;;
	esac
	VM_KERNEL=$(vm_cache_dir)/$1/vmlinuz
}
