#!/bin/sh
# tests/memprot/pagewalk.sh: memprot/pagewalk's index split, and what pagemap shows of a
# page untouched, read, written, shared by fork and copied on write, and as a huge page.
# PFNs are checked where this reader can see them (CAP_SYS_ADMIN); the exclusive bit by anyone.
. "$top_srcdir/tests/lib.sh"
W=$B/memprot/pagewalk
need_built "$W"

out=$("$W" split 0x7fb7c5a3e123) || fail "pagewalk split exited $?"
assert_eq "split" "va 0x7fb7c5a3e123: PML4 255 | PDPT 223 | PD 45 | PT 62 | offset 0x123" "$out"
out=$("$W" split ffff800000000000) || fail "pagewalk split (kernel half) exited $?"
assert_eq "split" "va 0xffff800000000000: PML4 256 | PDPT 0 | PD 0 | PT 0 | offset 0x000" "$out"
for bad in "split zz" "split -1" "split" "cow extra" "nonsense"; do
	"$W" $bad > "$T/bad" 2>&1
	rc=$?
	[ $rc -eq 2 ] && [ "$(wc -l < "$T/bad")" -eq 1 ] || fail "pagewalk $bad: expected exit 2 and one line, got $rc"
done
pass "index split and bad usage"

"$W" > "$T/touch" 2>&1 || { rc=$?; cat "$T/touch" >&2; fail "pagewalk exited $rc"; }
cat "$T/touch"
grep -Eq '^va 0x[0-9a-f]+000: PML4 [0-9]+ \| PDPT [0-9]+ \| PD [0-9]+ \| PT [0-9]+ \| offset 0x000$' "$T/touch" ||
	fail "no index split line"
grep -q '^untouched: *not present$' "$T/touch" || fail "the untouched page should not be present"
grep -Eq '^after a read: *present pfn 0x[0-9a-f]+$' "$T/touch" ||
	fail "after a read: expected present, not exclusive (the shared zero page)"
grep -Eq '^after a write: *present pfn 0x[0-9a-f]+ exclusive$' "$T/touch" ||
	fail "after a write: expected present and exclusive"
rd=$(sed -n 's/^after a read: *present pfn \(0x[0-9a-f]*\).*/\1/p' "$T/touch")
wr=$(sed -n 's/^after a write: *present pfn \(0x[0-9a-f]*\).*/\1/p' "$T/touch")
if [ "$wr" = 0x0 ]; then
	grep -q '^pfn reads as 0: only CAP_SYS_ADMIN' "$T/touch" || fail "PFN hidden without saying why"
	note "PFNs hidden from this reader"
else
	[ "$rd" != "$wr" ] && [ "$rd" != 0x0 ] || fail "the write should have replaced the zero page ($rd -> $wr)"
	! grep -q '^pfn reads as 0' "$T/touch" || fail "PFNs visible, yet the note says hidden"
fi
pass "first touch: not present, zero page on read, own page on write"

"$W" cow > "$T/cow" 2>&1 || { rc=$?; cat "$T/cow" >&2; fail "pagewalk cow exited $rc"; }
cat "$T/cow"
grep -Eq '^parent wrote: *present pfn 0x[0-9a-f]+ exclusive$' "$T/cow" || fail "cow: parent's page"
if [ "$wr" = 0x0 ]; then
	grep -q '^child, at fork: *present, not exclusive, pfn hidden$' "$T/cow" &&
		grep -q '^child wrote: *present, exclusive, pfn hidden$' "$T/cow" || fail "cow: child's view"
else
	grep -q "^child, at fork: *present, not exclusive, the parent's pfn$" "$T/cow" &&
		grep -q '^child wrote: *present, exclusive, a new pfn$' "$T/cow" || fail "cow: child's view"
fi
pass "copy on write: shared at fork, exclusive and (for root) a new frame after the write"

mode=$(cat /sys/kernel/mm/transparent_hugepage/enabled 2>/dev/null || echo "[never]")
"$W" thp > "$T/thp" 2>&1
rc=$?
cat "$T/thp"
case $mode in
*"[never]"*)
	[ $rc -eq 3 ] || fail "thp off, yet pagewalk thp exited $rc"
	note "transparent huge pages are off: $mode" ;;
*)
	if [ $rc -eq 1 ] && grep -q '^no huge page was given' "$T/thp"; then
		note "the kernel gave no huge page this time (fragmented memory)"
	else
		[ $rc -eq 0 ] || fail "pagewalk thp exited $rc"
		grep -Eq '^va 0x[0-9a-f]+00000: .* PT 0 \| offset 0x000$' "$T/thp" || fail "thp: not 2 MiB aligned"
		grep -q '^AnonHugePages 2048 kB' "$T/thp" || fail "thp: no AnonHugePages line"
		[ "$wr" = 0x0 ] || grep -q '512 contiguous frames, the first 512-aligned: yes$' "$T/thp" ||
			fail "thp: the frames are not one aligned 2 MiB frame"
		pass "a transparent huge page"
	fi ;;
esac

"$W" soft-dirty > "$T/sd" 2>&1
rc=$?
case $rc in
3) grep -q '^soft-dirty: not in this kernel' "$T/sd" || fail "soft-dirty: exit 3 without the reason"
   note "soft-dirty is compiled out of this kernel" ;;
0) grep -q '^cleared: *clean$' "$T/sd" && grep -q '^written again: *soft-dirty$' "$T/sd" ||
	fail "soft-dirty: clear_refs then a write should clear, then set the bit"
   pass "soft-dirty" ;;
*) cat "$T/sd" >&2; fail "pagewalk soft-dirty exited $rc" ;;
esac
