# tests/memprot/pkeys-expect.sh: what memprot/pkeys' demonstration must print, natively or
# in a virtual machine. Sourced; pkeys_expect FILE fails the test on a difference.
pkeys_expect() {
	sed -E "s/0x[0-9a-f]+123 \(page/ADDR (page/" "$1" > "$T/pkeys.norm"
	cat > "$T/pkeys.want" <<'WANT'
pkey_alloc: key @KEY@; pkey_mprotect gave it to a read-write page
rights 0, write:
  returned 0
pkey_set(key, PKEY_DISABLE_WRITE), write:
  SEGV_PKUERR at ADDR (page + 0x123), trap 14, error code 0x27 (present write user protection-key), si_pkey @KEY@
pkey_set(key, PKEY_DISABLE_WRITE), read:
  returned 7
pkey_set(key, PKEY_DISABLE_ACCESS), read:
  SEGV_PKUERR at ADDR (page + 0x123), trap 14, error code 0x25 (present read user protection-key), si_pkey @KEY@
two threads, one page:
  main thread, rights 0: its write succeeded
  second thread, PKEY_DISABLE_WRITE in its own PKRU, writes:
  SEGV_PKUERR at ADDR (page + 0x123), trap 14, error code 0x27 (present write user protection-key), si_pkey @KEY@
WANT
	key=$(sed -n 's/^pkey_alloc: key \([0-9]*\);.*/\1/p' "$1")
	[ -n "$key" ] && [ "$key" -ge 1 ] && [ "$key" -le 15 ] || fail "pkey_alloc gave no key in 1..15"
	sed -i "s/@KEY@/$key/g" "$T/pkeys.want"
	diff -u "$T/pkeys.want" "$T/pkeys.norm" >&2 || fail "pkeys output differs"
}
