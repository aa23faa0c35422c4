# docs/labs/grade/lab4.sh: the graded cases of lab 4's exercise, with_write_access()
# (memprot/wraccess.c: wa_region_open and with_write_access). Sourced by
# docs/labs/grade/grade.sh 4.
#
# memprot/wraccess (its harness, memprot/wraccess-check.c, is not the student's code) runs
# each case in a child process and reports "  CASE: ok" or "  CASE: FAILED (why)":
#   inside   fn can write the region, and with_write_access passes fn's result back;
#   outside  a write before and after the call faults (SEGV_ACCERR, or SEGV_PKUERR);
#   error    fn's error result comes back and the region is read-only again;
#   nested   a call inside a call, and the region read-only after the outer one;
#   thread   the rights of another thread, during a call (a key is per thread).
# The mprotect path runs natively, one process per case. The protection-key path runs
# natively where the CPU and the kernel have keys; else in an x86_64 virtual machine
# whose emulated CPU has them (tests/vm/run-vm: qemu-system-x86_64 and the cached kernel
# image), all five cases in one boot; where neither is possible its cases are not given
# (the grade has no "skipped"), and a line says so.

lab4_x=$B/memprot/wraccess
[ -x "$lab4_x" ] || { echo "lab4: $lab4_x is missing (make builds it)" >&2; exit 99; }
lab4_cases="inside outside error nested thread"

# Where can the key path run? wraccess --pkey exits 3, before any case, when pkey_alloc
# fails (the harness asks the kernel itself, not the code under test).
lab4_rc=0
timeout 60 "$lab4_x" --pkey inside > "$GRADE_TMP/native" 2>&1 || lab4_rc=$?
lab4_vm=$S/tests/vm/run-vm
lab4_kernel=${EXECLAB_VM_CACHE:-$S/.vm-cache}/x86_64/vmlinuz
if [ $lab4_rc -ne 3 ]; then
	lab4_where=native
elif command -v qemu-system-x86_64 > /dev/null 2>&1 && [ -r "$lab4_kernel" ]; then
	lab4_where=vm
	echo "lab4: no protection keys on this CPU: the pkey cases run in an x86_64 virtual machine"
else
	lab4_where=
	echo "lab4: the protection-key cases are not given: this CPU or kernel has no protection keys," \
	     "and the virtual machine needs qemu-system-x86_64 (Debian package qemu-system-x86) and" \
	     "the kernel image $lab4_kernel (scripts/bootstrap fetches it)"
fi

# The mprotect path: the harness's verdict is the case's (its last line is the reason).
for lab4_c in $lab4_cases; do
	grade_case "mprotect-$lab4_c" 10 "$lab4_x" --mprotect "$lab4_c"
done

if [ "$lab4_where" = native ]; then
	for lab4_c in $lab4_cases; do
		grade_case "pkey-$lab4_c" 6 "$lab4_x" --pkey "$lab4_c"
	done
elif [ "$lab4_where" = vm ]; then
	lab4_rc=0
	# The guest's program powers the machine off; run-vm's own timeout is 300 s.
	sh "$lab4_vm" x86_64 "$lab4_x" --pkey > "$GRADE_TMP/vm" 2> "$GRADE_TMP/vm.err" ||
		lab4_rc=$?
	case $lab4_rc in
	0|1) ;;		# all passed / a case failed: the per-case lines say which
	*) if ! grep -q '^with_write_access, protection key:' "$GRADE_TMP/vm"; then
		echo "lab4: tests/vm/run-vm x86_64 wraccess --pkey exited $lab4_rc:" >&2
		cat "$GRADE_TMP/vm" "$GRADE_TMP/vm.err" >&2
		exit 99
	   fi ;;
	esac
	for lab4_c in $lab4_cases; do
		case_begin "pkey-$lab4_c" 6
		lab4_line=$(grep "^  $lab4_c: " "$GRADE_TMP/vm" | head -n 1)
		case_note "in the guest: ${lab4_line:-no line for $lab4_c (exit status $lab4_rc)}"
		if [ "$lab4_line" = "  $lab4_c: ok" ]; then
			case_pass
		elif [ -n "$lab4_line" ]; then
			case_fail "${lab4_line#  }"
		else
			case_fail "no verdict from the guest (run-vm exited $lab4_rc)"
		fi
	done
fi
